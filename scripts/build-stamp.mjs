/**
 * The build stamp: a hash of everything `npm run build` reads (the app's sources, its config and the lockfile),
 * so `npm start` builds once and then only when one of them changed. Tests, docs and benchmarks are not part of
 * the build and do not change the stamp.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders and files the production build is made from (paths relative to the repository root). */
export const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'drizzle',
  'scripts/build-workers.mjs',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  // Next.js reads these at build time too (when present).
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];

/** Files under the inputs that the build never reads. */
const IGNORED = /(^|\/)(__tests__|node_modules)(\/|$)|\.test\.tsx?$|\.md$/;

function* filesUnder(root, relative) {
  const full = path.join(root, relative);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return; // an optional input (public/, proxy.ts) that this checkout does not have
  }
  if (stat.isFile()) {
    yield relative;
    return;
  }
  for (const name of fs.readdirSync(full).sort()) {
    const child = path.posix.join(relative, name);
    if (IGNORED.test(child)) continue;
    yield* filesUnder(root, child);
  }
}

/** A hex digest of the inputs' paths and contents (stable across clones: no timestamps). */
export function buildStamp(root) {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of filesUnder(root, input)) {
      hash.update(`${file}\0`);
      hash.update(fs.readFileSync(path.join(root, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export const STAMP_FILE = 'fastdraft-build-stamp';

/** Whether `distDir` holds a complete build of exactly these sources. */
export function buildIsCurrent(distDir, stamp) {
  try {
    return (
      fs.existsSync(path.join(distDir, 'BUILD_ID')) &&
      fs.readFileSync(path.join(distDir, STAMP_FILE), 'utf8').trim() === stamp
    );
  } catch {
    return false;
  }
}
