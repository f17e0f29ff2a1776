import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlDialect } from '../types';

/**
 * The SQL corpus (`lib/import/corpus/sql/`, sources and licences in its SOURCES.md): real schemas the unit tests
 * import and, where the original DDL runs on the tier's databases, the python tier's round trip replays.
 */
export interface SqlCorpusFile {
  file: string;
  dialect: SqlDialect;
  /** Why the round trip does not replay it, if it does not. */
  noRoundTrip?: string;
}

export const SQL_CORPUS: readonly SqlCorpusFile[] = [
  { file: 'chinook-postgresql.sql', dialect: 'postgresql' },
  { file: 'chinook-sqlite.sql', dialect: 'sqlite' },
  { file: 'chinook-mysql.sql', dialect: 'mysql', noRoundTrip: 'the tier has no MySQL server' },
  { file: 'sakila-mysql-schema.sql', dialect: 'mysql', noRoundTrip: 'the tier has no MySQL server' },
  {
    file: 'pagila-schema.sql',
    dialect: 'postgresql',
    noRoundTrip:
      'its DDL needs PostgreSQL 18 and the pgvector extension; the round trip replays pagila-schema-no-pgvector.sql',
  },
  { file: 'pagila-schema-no-pgvector.sql', dialect: 'postgresql' },
];

export function readSqlCorpus(file: string): string {
  return readFileSync(path.join(import.meta.dirname, '../corpus/sql', file), 'utf8');
}
