/**
 * `npm start`: the app for people who use it. Builds once (only when no build of the current sources exists:
 * see build-stamp.mjs), then runs the production server (`next start`) on the embedded database, and prints the
 * URL when the first page answers. Arguments go to `next start` (`npm start -- -p 4000 -H 127.0.0.1`); PORT works
 * as it does for Next.js. Contributors use `npm run dev` instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent, buildStamp } from './build-stamp.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next');
const next = path.join(root, 'node_modules/next/dist/bin/next');
const args = process.argv.slice(2);

const stamp = buildStamp(root);
if (buildIsCurrent(distDir, stamp)) {
  console.log(`Using the existing build in ${path.relative(root, distDir)} (sources unchanged).`);
} else {
  console.log('Building Fastdraft once (a production build: about a minute on 2 cores)…');
  const started = Date.now();
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The value of `-p 4000`, `--port=4000` or `--port 4000` among next's arguments. */
function option(short, long) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === short || args[i] === long) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}
const port = option('-p', '--port') ?? process.env.PORT ?? '3000';
const host = option('-H', '--hostname');
const anyAddress = !host || host === '0.0.0.0' || host === '::';
const bracketed = (name) => (name.includes(':') ? `[${name}]` : name);
const url = `http://${anyAddress ? 'localhost' : bracketed(host)}:${port}`;
const probe = `http://${anyAddress ? '127.0.0.1' : bracketed(host)}:${port}/signin`;

const server = spawn(process.execPath, [next, 'start', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Say where to go once the first page answers (the server warms its database and workers as it starts).
for (let i = 0; i < 600 && server.exitCode === null; i++) {
  const up = await fetch(probe, { redirect: 'manual' }).then(
    (r) => r.status < 500,
    () => false,
  );
  if (up) {
    console.log(`\nFastdraft is running: open ${url} (Ctrl+C stops it).\n`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
