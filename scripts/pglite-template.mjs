/**
 * `npm run build` (build.mjs): a PGlite folder with the app's migrations applied, in dist/pglite-template. A
 * server starting on a new data folder copies it (lib/db/connect.ts) instead of running initdb, which takes
 * seconds of CPU (tens of seconds on a loaded machine); migrations added after the build are applied on open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPglite } from '../lib/db/create-pglite.mjs';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'dist/pglite-template');
const temp = `${target}.${process.pid}.tmp`;
fs.rmSync(temp, { recursive: true, force: true });
fs.mkdirSync(temp, { recursive: true });
await createPglite(temp, path.join(root, 'drizzle'));
// Swapped in whole: a server copying the template never sees half of one.
fs.rmSync(target, { recursive: true, force: true });
fs.renameSync(temp, target);
console.log(`PGlite template: ${path.relative(root, target)}`);
