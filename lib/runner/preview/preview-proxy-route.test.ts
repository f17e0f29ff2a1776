/**
 * `/preview/{id}/...` refuses state-changing requests another site's page sent (403, the API's error shape) before
 * anything reaches the preview; the IDE's own pages (Swagger UI) and safe methods go through. Session, access and
 * manager stubbed; the preview is a real HTTP server on a Unix socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-preview-route-'));
const socketPath = path.join(dir, 'app.sock');
const received: string[] = [];
const id = '7c4f4c4e-8a52-4d5e-9b5c-1f0e0e3c2a11';

vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => ({ id: 'u1', email: 'a@b.c', name: null }),
}));
vi.mock('@/lib/db/client', () => ({ db: async () => ({}) }));
vi.mock('@/lib/db/queries/access', () => ({ workspaceAccess: async () => ({ role: 'owner' }) }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({ socketFor: () => socketPath, touch: () => {} }),
}));

const route = await import('@/app/preview/[id]/[[...path]]/route');

let server: http.Server;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (method: string, headers: Record<string, string>) =>
  new Request(`http://local/preview/${id}/posts`, {
    method,
    headers: { host: 'local', 'content-type': 'application/json', ...headers },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{"title":"x"}' }),
  });
const params = () => ({ params: Promise.resolve({ id, path: ['posts'] }) });

describe('preview proxy cross-site refusal', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a cross-site %s with 403 and forwards nothing',
    async (method) => {
      received.length = 0;
      const foreign: Record<string, string>[] = [
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'https://evil.example' },
      ];
      for (const headers of foreign) {
        const answer = await route[method as 'POST'](request(method, headers), params());
        expect(answer.status).toBe(403);
        expect(await answer.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      }
      expect(received).toEqual([]);
    },
  );

  it('forwards same-origin writes (Swagger UI) and reads from anywhere', async () => {
    received.length = 0;
    const post = await route.POST(
      request('POST', { 'sec-fetch-site': 'same-origin', origin: 'http://local' }),
      params(),
    );
    expect(post.status).toBe(200);
    const put = await route.PUT(request('PUT', { origin: 'http://local' }), params());
    expect(put.status).toBe(200);
    const get = await route.GET(request('GET', { 'sec-fetch-site': 'cross-site' }), params());
    expect(get.status).toBe(200);
    expect(received).toEqual(['POST /posts', 'PUT /posts', 'GET /posts']);
  });
});
