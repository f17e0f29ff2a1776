import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A production server of the app on a fresh PGlite folder (`dataDir`, else `.data/bench-<port>`). */
export async function startAppServer(
  port: number,
  dataDir = `.data/bench-${port}`,
): Promise<{ url: string; stop: () => void }> {
  // Its own build folder, built fresh unless BENCH_SKIP_BUILD is set, so figures always match the code.
  const distDir = '.next-bench';
  const env = { ...process.env, NEXT_DIST_DIR: distDir };
  if (!process.env.BENCH_SKIP_BUILD || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log('building the app (next build)…');
    execSync('npm run build', { stdio: 'inherit', env });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      // Every bench account signs up from 127.0.0.1: the per-address sign-up throttle must not refuse them.
      env: { ...env, FASTDRAFT_DATA_DIR: dataDir, DATABASE_URL: '', SIGNUP_MAX_PER_ADDRESS: '100000' },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${url}/api/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`the app did not start on ${url}`);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
