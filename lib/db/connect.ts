import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** The drizzle database, whichever driver is underneath (PGlite or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * `template`: a folder `npm run build` made (scripts/pglite-template.mjs) that a new `dataDir` starts as a copy
 * of; without one (or when it is missing) a new folder is created from scratch.
 */
export type DbTarget =
  | { kind: 'pglite'; dataDir: string | null; template?: string }
  | { kind: 'postgres'; url: string };

export interface DbHandle {
  db: Db;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');
/**
 * PGlite's PostgreSQL keeps its buffer pool inside the WASM memory, resident once touched: the default 128 MB is
 * ~85 MiB more RSS than 32 MB (docs/benchmarks.md, "Start-up") for a database of accounts and designs that fits in
 * far less; pages beyond the pool are read from the folder through the OS's cache.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];
// Arbitrary constant: serialises migrations when several app servers start on one PostgreSQL.
const MIGRATION_LOCK = 7_140_213;

/** Opens a database and applies the committed migrations. `dataDir: null` is an in-memory PGlite (tests). */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new Pool({ connectionString: target.url, max: 10 });
    const db = drizzle(pool, { schema });
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
    return { db: db as unknown as Db, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (target.dataDir) {
    await fs.mkdir(target.dataDir, { recursive: true });
    if (!existsSync(path.join(target.dataDir, 'PG_VERSION')))
      await createFolder(target.dataDir, target.template);
  }
  const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS];
  const client = target.dataDir ? new PGlite(target.dataDir, { startParams }) : new PGlite({ startParams });
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, close: () => client.close() };
}

/**
 * A new PGlite folder: a copy of the build's template (a fraction of a second), else made from scratch; both in
 * a worker thread (lib/db/create-pglite.mjs). The migrations the template lacks are applied when it is opened.
 */
async function createFolder(dataDir: string, template: string | undefined): Promise<void> {
  if (template && existsSync(path.join(template, 'PG_VERSION'))) {
    try {
      await inWorker({ dataDir, template });
      return;
    } catch (error) {
      // Half a copy is not a database: start again from scratch below.
      console.warn(`[db] copying ${template} failed, creating the database instead:`, error);
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.mkdir(dataDir, { recursive: true });
    }
  }
  await inWorker({ dataDir, migrationsFolder });
}

function inWorker(workerData: {
  dataDir: string;
  template?: string;
  migrationsFolder?: string;
}): Promise<void> {
  const file = path.join(process.cwd(), 'lib/db/create-pglite.mjs');
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    let created = false;
    worker.once('message', () => {
      created = true;
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      created
        ? resolve()
        : reject(new Error(`creating the database in ${workerData.dataDir} failed (exit ${code})`)),
    );
  });
}
