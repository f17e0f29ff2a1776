import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessKey, cachedAccess, forgetAccess } from '@/lib/db/queries/access-cache';
import { PREVIEW_CSP } from './csp';
import { installPreviewFastPath } from './fast-path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-fast-path-test-'));
const socketPath = path.join(dir, 'app.sock');
const id = '0b7c8a52-3f7e-4d39-9d47-2f1f0c6f4e11';
const otherId = '5c3ad6b4-7a51-4bb6-8a0e-1b8e3f0f2a77';
const cookie = 'authjs.session-token=one-session';
const MANAGER = Symbol.for('fastdraft.previewManager');
const globals = globalThis as typeof globalThis & { [MANAGER]?: unknown };

let app: http.Server;
let front: http.Server;
let base: string;
/** Requests that reached the server's own handler (Next.js, in the real server): the fast path let them by. */
let reachedNext: string[] = [];
let running: Record<string, string | null>;
let touched = 0;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    if (req.url === '/hostile') {
      res.setHeader('set-cookie', 'theirs=1; Path=/');
      res.setHeader('content-security-policy', "script-src 'unsafe-inline'");
      res.setHeader('x-frame-options', 'ALLOWALL');
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('etag', '"v1"');
      res.setHeader('content-type', 'text/html');
      return void res.end('<script>document.cookie</script>');
    }
    if (req.url === '/elsewhere') {
      res.statusCode = 302;
      res.setHeader('location', 'https://evil.example/');
      return void res.end();
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers }));
  });
  await new Promise<void>((resolve) => app.listen(socketPath, resolve));
  // The manager's part the fast path uses: which socket serves a workspace (null: not running).
  globals[MANAGER] = {
    socketFor: (workspace: string) => running[workspace] ?? null,
    touch: () => {
      touched += 1;
    },
  };
  installPreviewFastPath();
  front = http.createServer((req, res) => {
    reachedNext.push(`${req.method} ${req.url}`);
    res.end('next');
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(() => {
  front.close();
  app.close();
  delete globals[MANAGER];
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  forgetAccess();
  reachedNext = [];
  touched = 0;
  running = { [id]: socketPath, [otherId]: socketPath };
  // What the route does after its session and access checks said yes.
  await cachedAccess(accessKey(cookie, id), async () => true);
});

const get = (url: string, init: RequestInit = {}) =>
  fetch(`${base}${url}`, { ...init, headers: { cookie, ...(init.headers as object) }, redirect: 'manual' });

describe('preview fast path (in front of Next.js)', () => {
  it('forwards a remembered reader straight to the app, with the route headers and without our cookies', async () => {
    const response = await get(`/preview/${id}/posts?limit=2`, {
      headers: { cookie: `${cookie}; theirs=1`, 'x-forwarded-host': 'evil' },
    });
    expect(response.status).toBe(200);
    expect(reachedNext).toEqual([]);
    expect(touched).toBe(1);
    const seen = (await response.json()) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe('/posts?limit=2');
    expect(seen.headers.cookie).toBe('theirs=1');
    expect(seen.headers['x-forwarded-host']).toBe(new URL(base).host);
    expect(seen.headers['x-forwarded-prefix']).toBe(`/preview/${id}`);
    expect(response.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("drops the app's headers that would act on this origin, as the route does", async () => {
    const response = await get(`/preview/${id}/hostile`);
    expect(reachedNext).toEqual([]);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('etag')).toBe('"v1"');
    const redirect = await get(`/preview/${id}/elsewhere`);
    expect(redirect.status).toBe(502);
    expect(((await redirect.json()) as { error: { code: string } }).error.code).toBe(
      'preview_redirect_refused',
    );
  });

  it('gzips for a client that takes it, as Next.js does for the route, and streams as is for one that does not', async () => {
    const zipped = await get(`/preview/${id}/posts`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(((await zipped.json()) as { url: string }).url).toBe('/posts');
    const { port } = front.address() as AddressInfo;
    const plain = await new Promise<{ encoding?: string; body: string }>((resolve, reject) => {
      const headers = { cookie, 'accept-encoding': 'gzip;q=0, identity' };
      const request = http.request({ host: '127.0.0.1', port, path: `/preview/${id}/posts`, headers });
      request.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(plain.encoding).toBeUndefined();
    expect((JSON.parse(plain.body) as { url: string }).url).toBe('/posts');
    expect(reachedNext).toEqual([]);
  });

  it('answers HEAD without a body and the root path as /', async () => {
    const head = await get(`/preview/${id}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const root = (await (await get(`/preview/${id}?x=1`)).json()) as { url: string };
    expect(root.url).toBe('/?x=1');
    expect(reachedNext).toEqual([]);
  });

  it('leaves everything it has not been told may pass to Next.js', async () => {
    const cases: [string, { method?: string; cookie?: string; body?: string }][] = [
      [`/preview/${id}/posts`, { cookie: 'authjs.session-token=another' }],
      [`/preview/${id}/posts`, { cookie: 'theirs=1' }],
      [`/preview/${otherId}/posts`, {}],
      [`/preview/${id}/posts`, { method: 'POST', body: '{}' }],
      [`/preview/${id}/posts`, { method: 'DELETE' }],
      [`/preview/${id}/posts`, { method: 'GET', body: 'a body' }],
      [`/preview/${id}/posts/`, {}],
      [`/preview/${id}/`, {}],
      [`/preview/${id}//posts`, {}],
      [`/preview/${id}/a%2Fb`, {}],
      [`/preview/${id}/x/%2e%2e/y`, {}],
      [`/preview/${id}/../../api/workspaces`, {}],
      [`/preview/${id}/posts?q="x"`, {}],
      [`/preview/${id}/a\\b`, {}],
      [`/preview/${id.toUpperCase()}/posts`, {}],
      ['/preview/not-a-uuid/posts', {}],
      ['/api/workspaces', {}],
    ];
    // Over a raw socket: fetch would normalise some of these paths before sending them.
    const { port } = front.address() as AddressInfo;
    for (const [url, { method = 'GET', cookie: sent = cookie, body }] of cases) {
      await new Promise<void>((resolve, reject) => {
        const request = http.request({
          host: '127.0.0.1',
          port,
          path: url,
          method,
          headers: { cookie: sent, ...(body ? { 'content-length': String(body.length) } : {}) },
        });
        request.on('response', (res) => res.resume().on('end', resolve));
        request.on('error', reject);
        request.end(body);
      });
    }
    expect(reachedNext).toEqual(cases.map(([url, { method = 'GET' }]) => `${method} ${url}`));
  });

  it('stops at once when access is revoked, and when the preview stops', async () => {
    await get(`/preview/${id}/posts`).then((r) => r.text());
    expect(reachedNext).toEqual([]);
    forgetAccess();
    await get(`/preview/${id}/posts`).then((r) => r.text());
    expect(reachedNext).toHaveLength(1);
    await cachedAccess(accessKey(cookie, id), async () => true);
    running[id] = null;
    expect(await (await get(`/preview/${id}/posts`)).text()).toBe('next');
    expect(reachedNext).toHaveLength(2);
  });

  it('answers 502 with the route headers when the app cannot be reached', async () => {
    running[id] = path.join(dir, 'nothing-listens.sock');
    const response = await get(`/preview/${id}/posts`);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('preview_unreachable');
    expect(reachedNext).toEqual([]);
  });
});
