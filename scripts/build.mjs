/**
 * `npm run build`: the job worker bundle (build-workers.mjs), the PGlite template folder (pglite-template.mjs)
 * and the Next.js production build, then the build
 * stamp (build-stamp.mjs) that tells `npm start` this build is of the current sources. NEXT_DIST_DIR picks the
 * output folder (default .next). `--if-stale`: nothing to do when the folder already holds a build of them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsCurrent, buildStamp, STAMP_FILE } from './build-stamp.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Taken before building: an edit made while the build runs makes the next `npm start` build again.
const stamp = buildStamp(root);
if (process.argv.includes('--if-stale') && buildIsCurrent(distDir, stamp)) {
  console.log(`${path.relative(root, distDir)} already holds a build of these sources.`);
  process.exit(0);
}
// Removed first: a build that fails half-way leaves no stamp of a complete build behind.
fs.rmSync(path.join(distDir, STAMP_FILE), { force: true });
run([path.join(root, 'scripts/build-workers.mjs'), '--clean']);
run([path.join(root, 'scripts/pglite-template.mjs')]);
run([path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
fs.writeFileSync(path.join(distDir, STAMP_FILE), `${stamp}\n`);
