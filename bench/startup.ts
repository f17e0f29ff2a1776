import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { benchBuild, jsonHeaders, signedIn } from './app-server';

/**
 * A production server's start, as a person meets it (`next start` on loopback, its own port and data folder):
 * - **fresh**: a new data folder. Time from spawning the server to the first answered request (`GET /signin`,
 *   asked every POLL_MS), then at once sign-up, sign-in and a new workspace, to its page (`GET /w/{id}`): the
 *   first requests that need the database.
 * - **existing**: the same folder again, the person still signed in (the cookie of the fresh run): time to the
 *   first answered request and to the workspace page asked right after it, which waits for the database open.
 * RSS of the server process (/proc) once its warm-up has logged "ready" (the warm-up's own log, with each part's
 * end and the RSS then, is printed too), and for "existing, no warm-up" (FASTDRAFT_WARM_UP=0) after the page:
 * Next.js and the database without the generation threads. RUNS of each (BENCH_STARTUP_RUNS, default 3), medians.
 * BENCH_STARTUP_PORT picks the port (default 3315), BENCH_STARTUP_DATA_DIR the folder (default /tmp/e2e-proxy-startup).
 */
const PORT = Number(process.env.BENCH_STARTUP_PORT ?? 3315);
const DATA_DIR = process.env.BENCH_STARTUP_DATA_DIR ?? '/tmp/e2e-proxy-startup';
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const POLL_MS = 20;
const TIMEOUT_MS = 180_000;
const url = `http://127.0.0.1:${PORT}`;

type Server = { child: ChildProcess; started: number; log: string[]; stop: () => Promise<void> };

function startServer(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Server {
  const log: string[] = [];
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'],
    {
      env: {
        ...env,
        FASTDRAFT_DATA_DIR: DATA_DIR,
        DATABASE_URL: '',
        SIGNUP_MAX_PER_ADDRESS: '100000',
        NEXT_TELEMETRY_DISABLED: '1',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const started = performance.now();
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log.push(line);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, started, log, stop };
}

/** Milliseconds since the server was spawned. */
const since = (server: Server) => Math.round(performance.now() - server.started);

async function firstAnswer(server: Server): Promise<number> {
  while (performance.now() - server.started < TIMEOUT_MS) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited: ${server.log.slice(-5).join('\n')}`);
    const ok = await fetch(`${url}/signin`).then(
      async (r) => {
        await r.arrayBuffer();
        return r.ok;
      },
      () => false,
    );
    if (ok) return since(server);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error('no answer from the server');
}

async function workspacePage(server: Server, cookie: string, id: string): Promise<number> {
  const page = await fetch(`${url}/w/${id}`, { headers: { cookie }, redirect: 'manual' });
  await page.arrayBuffer();
  if (page.status !== 200) throw new Error(`the workspace page answered ${page.status}`);
  return since(server);
}

/** The server process's resident memory now, MiB. */
function rssOf(server: Server): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024);
}

/** The server's resident memory (MiB) once its warm-up said it is ready (at most TIMEOUT_MS). */
async function rssWhenReady(server: Server, warmUp: boolean): Promise<{ rssMiB: number; warmUp?: string }> {
  let line: string | undefined;
  while (warmUp && performance.now() - server.started < TIMEOUT_MS) {
    line = server.log.find((l) => l.startsWith('[warm-up]') && !l.startsWith('[warm-up] failed'));
    if (line) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { rssMiB: rssOf(server), ...(line ? { warmUp: line } : {}) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export async function startupBenchmark() {
  const env = benchBuild();
  type Run = { firstAnswerMs: number; workspacePageMs: number; rssMiB: number; rssAtFirstAnswerMiB: number };
  const runs: Record<string, Run[]> = {
    fresh: [],
    existing: [],
    'existing, no warm-up': [],
  };
  const warmUpLogs: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    let server = startServer(env);
    let cookie: string;
    let id: string;
    try {
      const firstAnswerMs = await firstAnswer(server);
      const rssAtFirstAnswerMiB = rssOf(server);
      ({ cookie } = await signedIn(url, `startup-${Date.now()}@example.test`));
      const created = await fetch(`${url}/api/workspaces`, {
        method: 'POST',
        headers: jsonHeaders(url, cookie),
        body: JSON.stringify({ name: 'Start-up bench', template: 'blog' }),
      });
      if (!created.ok) throw new Error(`creating a workspace failed: ${created.status}`);
      ({ id } = (await created.json()) as { id: string });
      const workspacePageMs = await workspacePage(server, cookie, id);
      const memory = await rssWhenReady(server, true);
      runs.fresh!.push({ firstAnswerMs, workspacePageMs, rssMiB: memory.rssMiB, rssAtFirstAnswerMiB });
      if (memory.warmUp) warmUpLogs.push(`fresh: ${memory.warmUp}`);
    } finally {
      await server.stop();
    }
    for (const [name, extra] of [
      ['existing', {}],
      ['existing, no warm-up', { FASTDRAFT_WARM_UP: '0' }],
    ] as const) {
      server = startServer(env, extra);
      try {
        const firstAnswerMs = await firstAnswer(server);
        const rssAtFirstAnswerMiB = rssOf(server);
        const workspacePageMs = await workspacePage(server, cookie, id);
        const memory = await rssWhenReady(server, name === 'existing');
        runs[name]!.push({ firstAnswerMs, workspacePageMs, rssMiB: memory.rssMiB, rssAtFirstAnswerMiB });
        if (memory.warmUp) warmUpLogs.push(`${name}: ${memory.warmUp}`);
      } finally {
        await server.stop();
      }
    }
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        firstAnswerMs: median(list.map((r) => r.firstAnswerMs)),
        workspacePageMs: median(list.map((r) => r.workspacePageMs)),
        rssMiB: median(list.map((r) => r.rssMiB)),
        rssAtFirstAnswerMiB: median(list.map((r) => r.rssAtFirstAnswerMiB)),
        runs: list,
      },
    ]),
  );
  return { medians: summary, warmUpLogs };
}
