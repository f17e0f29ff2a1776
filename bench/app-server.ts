import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A production server of the app on a fresh PGlite folder (`dataDir`, else `.data/bench-<port>`). `spawnedAt`:
 * `performance.now()` when its process was spawned. `warmUpLog` settles with the line the server's warm-up
 * (lib/warm-up.ts: database, generation threads, preview check) logs when it is ready, or null when the server
 * exits without one; `warmedUp` settles then too.
 */
export async function startAppServer(
  port: number,
  dataDir = `.data/bench-${port}`,
  options: { keepData?: boolean } = {},
): Promise<{
  url: string;
  stop: () => void;
  /** Resolves once the server process has exited. */
  exited: Promise<void>;
  spawnedAt: number;
  warmUpLog: Promise<string | null>;
  warmedUp: Promise<void>;
}> {
  const env = benchBuild();
  // A fresh folder unless `keepData` (a restart of a server on its existing database).
  if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      // Every bench account signs up from 127.0.0.1: the per-address sign-up throttle must not refuse them.
      env: { ...env, FASTDRAFT_DATA_DIR: dataDir, DATABASE_URL: '', SIGNUP_MAX_PER_ADDRESS: '100000' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const spawnedAt = performance.now();
  let output = '';
  const warmUpLog = new Promise<string | null>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (output.length < 1_000_000) output += chunk.toString();
      const line = /^.*\[warm-up\] ready.*$/m.exec(output)?.[0];
      if (line) resolve(line.trim());
    });
    child.on('exit', () => resolve(null));
  });
  const warmedUp = warmUpLog.then(() => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${url}/api/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop: () => child.kill('SIGTERM'), exited, spawnedAt, warmUpLog, warmedUp };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`the app did not start on ${url}`);
}

/**
 * The benches' production build: its own folder, built fresh unless BENCH_SKIP_BUILD is set, so figures always
 * match the code; BENCH_DIST_DIR names another (e.g. a build of an earlier commit, for "before" figures).
 * Returns the environment a server of that build runs with.
 */
export function benchBuild(): NodeJS.ProcessEnv {
  const distDir = process.env.BENCH_DIST_DIR || '.next-bench';
  const env = { ...process.env, NEXT_DIST_DIR: distDir };
  if (!process.env.BENCH_SKIP_BUILD || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log('building the app (next build)…');
    execSync('npm run build', { stdio: 'inherit', env });
  }
  return env;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type Session = { cookie: string };
/** Headers of a browser-like JSON request from the app's own origin. */
export const jsonHeaders = (url: string, cookie: string) => ({
  'content-type': 'application/json',
  origin: url,
  cookie,
});

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs up and signs in through Auth.js's credentials callback, as the sign-in form does. */
export async function signedIn(url: string, email: string): Promise<Session> {
  const password = 'bench password 1234';
  const created = await fetch(`${url}/api/accounts`, {
    method: 'POST',
    headers: jsonHeaders(url, ''),
    body: JSON.stringify({ email, password }),
  });
  if (!created.ok) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signin = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/` }),
  });
  const cookie = cookiesOf(signin);
  if (!cookie.includes('session-token')) throw new Error(`sign-in failed: ${signin.status}`);
  return { cookie };
}
