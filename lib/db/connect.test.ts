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

  it('reports a folder it cannot create', async () => {
    const file = path.join(root, 'not-a-folder');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    await expect(openDb({ kind: 'pglite', dataDir: path.join(file, 'pglite') })).rejects.toThrow();
  });
});
