/**
 * Worker thread (lib/db/connect.ts): creates a new PGlite data folder (initdb) and applies the migrations, then
 * closes it and exits. Run apart from the server's thread because a fresh folder costs seconds of WASM work and
 * leaves hundreds of MiB of WASM memory behind in whichever thread did it; a worker's is freed when it exits.
 * Plain ESM (not bundled): it resolves its packages from node_modules like the server's external packages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const { dataDir, migrationsFolder } = workerData;
const client = await PGlite.create(dataDir);
try {
  await migrate(drizzle(client), { migrationsFolder });
} finally {
  await client.close();
}
parentPort.postMessage('created');
