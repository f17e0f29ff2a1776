import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { previewPaths } from '@/lib/runner/preview/project';
import { jsonHeaders, percentile, signedIn, startAppServer } from './app-server';

/**
 * What the preview proxy adds to a request, as a person pays it: a production server on loopback (its own
 * port and fresh data folder), a signed-in owner, the blog template's preview running in the sandbox; then
 * REQUESTS sequential requests (one keep-alive connection each way, after WARM_UP unmeasured ones) to `/health`
 * and to the first list endpoint (a GET without path parameters answering 200), alternately straight to uvicorn's
 * Unix socket and through `/preview/{id}/...`. Prints p50/p99 of both and the difference, and Next.js's own floor
 * on the route (`/preview/not-a-workspace/health`, answered 404 before any check). Target (issue 20): the
 * proxy adds < 2 ms. BENCH_PROXY_PORT picks the port (default 3315), BENCH_PROXY_DATA_DIR the data folder;
 * needs the Python toolchain (FASTDRAFT_PYTHON_CACHE) and bubblewrap, like Try it.
 */
const PORT = Number(process.env.BENCH_PROXY_PORT ?? 3315);
const DATA_DIR = process.env.BENCH_PROXY_DATA_DIR ?? '/tmp/e2e-proxy-startup';
const REQUESTS = Number(process.env.BENCH_PROXY_REQUESTS ?? 500);
const WARM_UP = 50;
const TARGET_ADDED_MS = 2;

type Target = { socketPath: string } | { port: number };

/** One GET on a kept-alive connection; resolves its status and time in ms once the whole body is in. */
function timedGet(agent: http.Agent, target: Target, url: string, headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.get({ ...target, host: '127.0.0.1', path: url, agent, headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Starts the preview and waits for its `end` event (the SSE stream of POST /api/workspaces/{id}/preview). */
async function startPreview(url: string, cookie: string, id: string): Promise<void> {
  const response = await fetch(`${url}/api/workspaces/${id}/preview`, {
    method: 'POST',
    headers: jsonHeaders(url, cookie),
    body: '{}',
  });
  if (!response.ok)
    throw new Error(`starting the preview failed: ${response.status} ${await response.text()}`);
  const text = await response.text();
  const end = /event: end\ndata: (.*)\n/.exec(text)?.[1];
  const answer = end ? (JSON.parse(end) as { ok: boolean; error?: string }) : null;
  if (!answer?.ok) throw new Error(`the preview did not start: ${answer?.error ?? text.slice(-500)}`);
}

/**
 * uvicorn's socket: in the preview's folder, or on its quota disk, mounted where lib/runner/preview/disk.ts puts
 * it (named by the server's pid, which this process does not know, and a hash of the folder).
 */
function socketOf(id: string): string {
  const plain = previewPaths(path.resolve(DATA_DIR, 'previews'), id, false);
  if (fs.existsSync(plain.socket)) return plain.socket;
  const hash = createHash('sha256').update(plain.legacy).digest('hex').slice(0, 16);
  const disks = path.join(os.tmpdir(), 'fastdraft-preview-disks');
  for (const name of fs.readdirSync(disks)) {
    const socket = path.join(disks, name, 'app.sock');
    if (name.endsWith(`-${hash}`) && fs.existsSync(socket)) return socket;
  }
  throw new Error(`no socket found for the preview of ${id}`);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function proxyBenchmark() {
  const app = await startAppServer(PORT, DATA_DIR);
  try {
    const { cookie } = await signedIn(app.url, `proxy-bench-${Date.now()}@example.test`);
    const created = await fetch(`${app.url}/api/workspaces`, {
      method: 'POST',
      headers: jsonHeaders(app.url, cookie),
      body: JSON.stringify({ name: 'Proxy bench', template: 'blog' }),
    });
    const { id } = (await created.json()) as { id: string };
    await startPreview(app.url, cookie, id);
    const direct: Target = { socketPath: socketOf(id) };
    const proxied: Target = { port: PORT };
    const agents = {
      direct: new http.Agent({ keepAlive: true, maxSockets: 1 }),
      proxied: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    };

    // The first list endpoint of the app's own OpenAPI that answers 200 without parameters.
    const spec = (await fetch(`${app.url}/preview/${id}/openapi.json`, { headers: { cookie } }).then((r) =>
      r.json(),
    )) as { paths: Record<string, { get?: unknown }> };
    let list: string | undefined;
    for (const p of Object.keys(spec.paths)) {
      if (p.includes('{') || !spec.paths[p]?.get || p === '/health') continue;
      if ((await timedGet(agents.direct, direct, p)).status === 200) {
        list = p;
        break;
      }
    }
    const endpoints = ['/health', ...(list ? [list] : [])];
    const forwardedHeaders = {
      host: `127.0.0.1:${PORT}`,
      'x-forwarded-proto': 'http',
      'x-forwarded-host': `127.0.0.1:${PORT}`,
      'x-forwarded-prefix': `/preview/${id}`,
    };
    const results: Record<string, unknown> = {};
    for (const endpoint of endpoints) {
      const times = { direct: [] as number[], proxied: [] as number[], directForwarded: [] as number[] };
      const statuses = new Set<number>();
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        // Alternating, so both see the same machine load.
        const a = await timedGet(agents.direct, direct, endpoint);
        const b = await timedGet(agents.proxied, proxied, `/preview/${id}${endpoint}`, { cookie });
        // The socket again with the headers the proxy adds: what of the difference is the app's own.
        const c = await timedGet(agents.direct, direct, endpoint, forwardedHeaders);
        statuses.add(a.status).add(b.status).add(c.status);
        if (i < WARM_UP) continue;
        times.direct.push(a.ms);
        times.proxied.push(b.ms);
        times.directForwarded.push(c.ms);
      }
      const stat = (values: number[]) => ({
        p50: round(percentile(values, 50)),
        p99: round(percentile(values, 99)),
      });
      const d = stat(times.direct);
      const p = stat(times.proxied);
      results[endpoint] = {
        requests: REQUESTS,
        statuses: [...statuses],
        direct: d,
        directWithForwardedHeaders: stat(times.directForwarded),
        proxied: p,
        addedP50: round(p.p50 - d.p50),
        addedP99: round(p.p99 - d.p99),
        targetAddedMs: TARGET_ADDED_MS,
        met: p.p50 - d.p50 < TARGET_ADDED_MS,
      };
    }
    // Next.js's own floor on this route: a request it answers (404) before any check or forwarding.
    const floor: number[] = [];
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      const answer = await timedGet(agents.proxied, proxied, '/preview/not-a-workspace/health', { cookie });
      if (i >= WARM_UP) floor.push(answer.ms);
    }
    results.nextRouteFloor = { p50: round(percentile(floor, 50)), p99: round(percentile(floor, 99)) };
    agents.direct.destroy();
    agents.proxied.destroy();
    await fetch(`${app.url}/api/workspaces/${id}/preview`, {
      method: 'DELETE',
      headers: jsonHeaders(app.url, cookie),
    });
    return results;
  } finally {
    app.stop();
  }
}
