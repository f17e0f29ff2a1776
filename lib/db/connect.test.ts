import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './connect';
import { findUserByEmail } from './queries/users';
import { users } from './schema';

const root = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-connect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openDb on a PGlite folder', () => {
  it('creates a new folder (in a worker thread) with the migrations applied, and keeps its data across opens', async () => {
    const dataDir = path.join(root, 'nested', 'pglite');
    const first = await openDb({ kind: 'pglite', dataDir });
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    await first.db.insert(users).values({ email: 'kept@example.test', name: null, passwordHash: 'x' });
    await first.close();
    // Opened again as an existing folder (a server restart): the row is still there.
    const second = await openDb({ kind: 'pglite', dataDir });
    expect((await findUserByEmail(second.db, 'kept@example.test'))?.email).toBe('kept@example.test');
    // The smaller buffer pool (PGLITE_SETTINGS) is what the server runs with.
    const shown = (await second.db.execute(sql`show shared_buffers`)) as unknown as { rows: unknown[] };
    expect(shown.rows).toEqual([{ shared_buffers: '32MB' }]);
    await second.close();
    // initdb of a new folder takes seconds of CPU, many more on a loaded machine.
  }, 120_000);

  it("starts a new folder as a copy of the build's template; the template is left as it was", async () => {
    const template = path.join(root, 'nested', 'pglite');
    const dataDir = path.join(root, 'copied', 'pglite');
    const copy = await openDb({ kind: 'pglite', dataDir, template });
    // The template's row came along (it was made by the first test).
    expect((await findUserByEmail(copy.db, 'kept@example.test'))?.email).toBe('kept@example.test');
    await copy.db.insert(users).values({ email: 'copy-only@example.test', name: null, passwordHash: 'x' });
    await copy.close();
    const original = await openDb({ kind: 'pglite', dataDir: template });
    expect(await findUserByEmail(original.db, 'copy-only@example.test')).toBeNull();
    await original.close();
  }, 120_000);

  it('creates the folder from scratch when the template is missing', async () => {
    const dataDir = path.join(root, 'no-template', 'pglite');
    const opened = await openDb({ kind: 'pglite', dataDir, template: path.join(root, 'missing') });
    expect(await findUserByEmail(opened.db, 'kept@example.test')).toBeNull();
    await opened.close();
  }, 120_000);

  it('reports a folder it cannot create', async () => {
    const file = path.join(root, 'not-a-folder');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    await expect(openDb({ kind: 'pglite', dataDir: path.join(file, 'pglite') })).rejects.toThrow();
  });
});
