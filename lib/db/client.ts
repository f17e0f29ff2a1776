import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { type Db, type DbHandle, openDb } from './connect';

// One handle per server process, opened lazily: `next build` imports route modules and must not open a database.
// Kept on globalThis so dev-mode module reloads reuse it (PGlite allows one process per folder).
const holder = globalThis as typeof globalThis & { __fastdraftDb?: Promise<DbHandle> };

export function db(): Promise<Db> {
  if (!holder.__fastdraftDb) {
    const { DATABASE_URL, FASTDRAFT_DATA_DIR } = env();
    holder.__fastdraftDb = openDb(
      DATABASE_URL
        ? { kind: 'postgres', url: DATABASE_URL }
        : {
            kind: 'pglite',
            dataDir: path.resolve(FASTDRAFT_DATA_DIR, 'pglite'),
            template: path.join(process.cwd(), 'dist/pglite-template'),
          },
    ).catch((error: unknown) => {
      holder.__fastdraftDb = undefined;
      throw error;
    });
  }
  return holder.__fastdraftDb.then((h) => h.db);
}

export type { Db };
