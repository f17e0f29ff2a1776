import { describe, expect, it } from 'vitest';
import { assertImportable, detectFormat, MAX_IMPORT_BYTES } from './detect';
import { ImportError } from './types';

describe('detectFormat', () => {
  it.each([
    ['{"openapi": "3.1.0", "info": {}}', 'openapi'],
    ['\uFEFF  {"swagger": "2.0"}', 'openapi'],
    ['# An API\nopenapi: 3.0.3\ninfo:\n  title: Pets\n', 'openapi'],
    ['"openapi": "3.1.0"\n', 'openapi'],
    ['CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);', 'postgresql'],
    ['CREATE TABLE `users` (`id` int NOT NULL) ENGINE=InnoDB;', 'mysql'],
    ['CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY);', 'mysql'],
    ['PRAGMA foreign_keys = ON;\nCREATE TABLE t (id INTEGER PRIMARY KEY);', 'sqlite'],
    ['CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);', 'sqlite'],
    ['CREATE TABLE [Album] (\n  [AlbumId] INTEGER NOT NULL\n);', 'sqlite'],
    ['CREATE TABLE t (tags text[], grid int[3][3]);', 'postgresql'],
    // What comments and strings say does not count.
    [
      "-- ported from MySQL (AUTO_INCREMENT, ENGINE=InnoDB)\nCREATE TABLE t (note text DEFAULT 'PRAGMA');",
      'postgresql',
    ],
    ['/* `quoted` */ CREATE TABLE t (id serial);', 'postgresql'],
  ] as const)('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('assertImportable', () => {
  it('refuses an empty source and one past the size cap with an ImportError', () => {
    expect(() => assertImportable('  \n')).toThrow(ImportError);
    expect(() => assertImportable('x'.repeat(MAX_IMPORT_BYTES + 1))).toThrow(/larger than 5 MiB/);
    // Multi-byte text is measured in UTF-8 bytes, not characters.
    expect(() => assertImportable('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))).toThrow(ImportError);
    expect(() => assertImportable('CREATE TABLE t (id int);')).not.toThrow();
  });
});
