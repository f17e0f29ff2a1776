/**
 * Creates a new PGlite data folder, used two ways:
 * - as a worker thread (lib/db/connect.ts, `workerData`): a copy of the build's template folder (`template`), or
 *   initdb with the app's migrations applied. Off the server's thread: the copy is ~1,000 small files, which the
 *   server's own start-up work would slow down, and initdb costs seconds of WASM work and leaves hundreds of MiB
 *   of WASM memory behind in whichever thread did it (a worker's is freed when it exits);
 * - by `npm run build` (scripts/pglite-template.mjs), for that template folder.
 * Plain ESM: it resolves its packages from node_modules like the server's external packages.
 */
import { cpSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export async function createPglite(dataDir, migrationsFolder) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dataDir);
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.close();
  }
}

if (!isMainThread && workerData?.dataDir) {
  const { dataDir, template, migrationsFolder } = workerData;
  if (template) cpSync(template, dataDir, { recursive: true, force: false, errorOnExist: true });
  else await createPglite(dataDir, migrationsFolder);
  parentPort.postMessage('created');
}
