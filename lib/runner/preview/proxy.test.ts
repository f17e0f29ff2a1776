import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from './proxy';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-proxy-test-'));
const socketPath = path.join(dir, 'app.sock');
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['authjs.session-token=evil; Path=/', 'app=1; Path=/']);
      res.setHeader('connection', 'close');
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const prefix = '/preview/abc';
const send = (request: Request, upstreamPath: string, extra: { timeoutMs?: number } = {}) =>
  forward(request, { socketPath, upstreamPath, prefix, ...extra });

describe('preview proxy', () => {
  it('forwards method, path, query, body and headers; drops our cookies and hop-by-hop headers', async () => {
    let touched = 0;
    const request = new Request('http://localhost/preview/abc/posts?limit=2', {
      method: 'POST',
      body: JSON.stringify({ title: 'x' }),
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
        cookie: 'authjs.session-token=secret; __Secure-authjs.callback-url=x; theirs=1',
        connection: 'keep-alive',
      },
    });
    const response = await forward(request, {
      socketPath,
      upstreamPath: '/posts?limit=2',
      prefix,
      onActivity: () => {
        touched += 1;
      },
    });
    expect(response.status).toBe(201);
    const seen = (await response.json()) as {
      method: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(seen).toMatchObject({ method: 'POST', url: '/posts?limit=2', body: '{"title":"x"}' });
    expect(seen.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t',
      cookie: 'theirs=1',
      'x-forwarded-prefix': prefix,
    });
    expect(response.headers.get('set-cookie')).toBe('app=1; Path=/');
    expect(response.headers.get('connection')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(touched).toBe(1);
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const big = new Request('http://localhost/preview/abc/upload', {
      method: 'PUT',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    const response = await send(big, '/upload');
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers 504 when the app takes too long, 502 when it is gone', async () => {
    const slow = await send(new Request('http://localhost/preview/abc/slow'), '/slow', { timeoutMs: 200 });
    expect(slow.status).toBe(504);
    expect(((await slow.json()) as { error: { code: string } }).error.code).toBe('preview_timeout');
    const gone = await forward(new Request('http://localhost/preview/abc/'), {
      socketPath: path.join(dir, 'missing.sock'),
      upstreamPath: '/',
      prefix,
    });
    expect(gone.status).toBe(502);
  });

  it('answers HEAD without a body', async () => {
    const response = await send(new Request('http://localhost/preview/abc/', { method: 'HEAD' }), '/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
