/**
 * Bundles the job worker (lib/jobs/worker.ts) into dist/workers/jobs-<hash>.mjs with esbuild, for the worker
 * pool (lib/jobs/pool.ts). Next bundles server code into chunks, so a worker thread needs a real file of its
 * own; packages stay external (resolved from node_modules at run time, like the server's WASM packages).
 * `npm run build` runs it (with `--clean`); in development and tests the pool runs it on demand when a source changed.
 * Prints the bundle's path. The name carries a content hash: parallel builders write the same file, and a
 * changed bundle is a new module for the pool's threads.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist/workers');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['lib/jobs/worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  outfile: path.join(outDir, 'jobs.mjs'),
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
const file = path.join(outDir, `jobs-${hash}.mjs`);
fs.mkdirSync(outDir, { recursive: true });

/** Written beside the target and renamed: readers never see half a file. */
function writeAtomically(target, contents) {
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, contents);
  fs.renameSync(temp, target);
}

if (fs.existsSync(file)) {
  // Same bundle as before: mark it current, or the pool would see older-looking output and rebuild every job.
  const now = new Date();
  fs.utimesSync(file, now, now);
} else writeAtomically(file, code);
// `--clean` (npm run build): drop bundles of earlier builds.
if (process.argv.includes('--clean')) {
  for (const name of fs.readdirSync(outDir)) {
    if (/^jobs-[0-9a-f]+\.mjs$/.test(name) && path.join(outDir, name) !== file)
      fs.rmSync(path.join(outDir, name));
  }
}
const inputs = Object.keys(result.metafile.inputs).map((input) => path.join(root, input));
writeAtomically(path.join(outDir, 'current.json'), `${JSON.stringify({ file, inputs }, null, 2)}\n`);
console.log(file);
