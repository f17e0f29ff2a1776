/**
 * Creates a new PGlite data folder (initdb) with the app's migrations applied, then closes it. Used two ways:
 * - as a worker thread (lib/db/connect.ts, `workerData`): a fresh folder costs seconds of WASM work and leaves
 *   hundreds of MiB of WASM memory behind in whichever thread did it; a worker's is freed when it exits;
 * - by `npm run build` (scripts/pglite-template.mjs), for the template folder a fresh start copies instead.
 * Plain ESM (not bundled): it resolves its packages from node_modules like the server's external packages.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

export async function createPglite(dataDir, migrationsFolder) {
  const client = await PGlite.create(dataDir);
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.close();
  }
}

if (!isMainThread && workerData?.dataDir) {
  await createPglite(workerData.dataDir, workerData.migrationsFolder);
  parentPort.postMessage('created');
}
