import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_CSP } from './csp';
import { forward } from './proxy';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-proxy-test-'));
const socketPath = path.join(dir, 'app.sock');
let server: http.Server;
/** What the app received of each streamed request, and a way to let the test go on when a chunk arrived. */
const arrived: { bytes: number; ended: boolean; onChunk?: () => void } = { bytes: 0, ended: false };
let releaseAnswer: (() => void) | undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    if (req.url === '/stream-in') {
      arrived.bytes = 0;
      arrived.ended = false;
      req.on('data', (c: Buffer) => {
        arrived.bytes += c.length;
        arrived.onChunk?.();
      });
      req.on('end', () => {
        arrived.ended = true;
        res.end(String(arrived.bytes));
      });
      req.on('error', () => undefined);
      return;
    }
    if (req.url === '/stream-out') {
      res.write('first ');
      releaseAnswer = () => res.end('last');
      return;
    }
    if (req.url?.startsWith('/redirect?to=')) {
      res.statusCode = 307;
      res.setHeader('location', decodeURIComponent(req.url.slice('/redirect?to='.length)));
      return void res.end();
    }
    if (req.url === '/hostile') {
      res.setHeader('content-type', 'text/html');
      res.setHeader('set-cookie', 'theirs=1; Path=/');
      res.setHeader('clear-site-data', '"cookies", "storage"');
      res.setHeader('refresh', '0; url=https://evil.example/');
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('content-security-policy', "script-src 'unsafe-inline'");
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      res.setHeader('link', '</evil.js>; rel=preload');
      res.setHeader('x-frame-options', 'ALLOWALL');
      res.setHeader('etag', '"v1"');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('www-authenticate', 'Bearer');
      res.setHeader('retry-after', '5');
      res.statusCode = 401;
      return void res.end('<script>document.cookie</script>');
    }
    if (req.url === '/created') {
      res.statusCode = 201;
      res.setHeader('location', 'https://evil.example/posts/1');
      return void res.end('{}');
    }
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
        // This server's own header (the socket's address, lib/auth/peer-address.ts): not the app's business.
        'x-fastdraft-peer': 'nonce 127.0.0.1',
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
    expect(seen.headers['x-fastdraft-peer']).toBeUndefined();
    // Set-Cookie would land on this IDE's origin: never passed on, the app's own cookies included.
    expect(response.headers.get('set-cookie')).toBeNull();
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

  it('streams the request body to the app as it arrives', async () => {
    const encoder = new TextEncoder();
    let appGotFirst: () => void = () => {};
    const firstArrived = new Promise<void>((resolve) => {
      appGotFirst = resolve;
    });
    arrived.onChunk = () => appGotFirst();
    // The second chunk is sent only once the app has the first: a proxy that buffers the body never answers.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode('a'.repeat(1000)));
        await firstArrived;
        controller.enqueue(encoder.encode('b'.repeat(24)));
        controller.close();
      },
    });
    const request = new Request('http://localhost/preview/abc/stream-in', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await send(request, '/stream-in', { timeoutMs: 5_000 });
    arrived.onChunk = undefined;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1024');
  });

  it('streams the answer to the client before the app has finished it', async () => {
    const response = await send(new Request('http://localhost/preview/abc/stream-out'), '/stream-out');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The app holds its end back until the first part reached us.
    expect(decoder.decode((await reader.read()).value)).toBe('first ');
    releaseAnswer?.();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rest += decoder.decode(part.value);
    expect(rest).toBe('last');
  });

  it('refuses a streamed body past the limit with 413; the app never gets the rest nor the end', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MiB in all, without a declared length.
        if (sent >= 2 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://localhost/preview/abc/stream-in', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await send(request, '/stream-in');
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(arrived.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(arrived.ended).toBe(false);
  });

  it('refuses a declared length over the limit before contacting the app', async () => {
    arrived.bytes = -1;
    const request = new Request('http://localhost/preview/abc/stream-in', {
      method: 'POST',
      body: 'small',
      headers: { 'content-length': String(1024 * 1024 + 1) },
    });
    const response = await send(request, '/stream-in');
    expect(response.status).toBe(413);
    expect(arrived.bytes).toBe(-1);
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
    // The proxy's own answers are as inert as the app's.
    for (const answer of [slow, gone]) {
      expect(answer.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await send(new Request('http://localhost/preview/abc/', { method: 'HEAD' }), '/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('preview proxy answers', () => {
  it('pass only allowed headers, plus a sandboxing CSP and nosniff', async () => {
    const response = await send(new Request('http://localhost/preview/abc/hostile'), '/hostile');
    expect(response.status).toBe(401);
    const names = [...response.headers.keys()].sort();
    expect(names).toEqual(
      [
        'cache-control',
        'content-security-policy',
        'content-type',
        'cross-origin-resource-policy',
        'etag',
        'referrer-policy',
        'retry-after',
        'www-authenticate',
        'x-content-type-options',
      ].sort(),
    );
    for (const dropped of ['set-cookie', 'clear-site-data', 'refresh', 'access-control-allow-origin', 'link'])
      expect(response.headers.get(dropped), dropped).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'self'; form-action 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  const redirect = (to: string) =>
    send(new Request('http://localhost/preview/abc/redirect'), `/redirect?to=${encodeURIComponent(to)}`);

  it('re-base redirects within the preview under its prefix', async () => {
    const cases: [string, string][] = [
      ['/posts/', '/preview/abc/posts/'],
      ['/posts?limit=2#x', '/preview/abc/posts?limit=2#x'],
      ['other', '/preview/abc/other'],
      ['../up', '/preview/abc/up'],
      ['http://localhost/docs', '/preview/abc/docs'],
      ['https://localhost/docs', '/preview/abc/docs'],
      ['/preview/abc/already', '/preview/abc/already'],
    ];
    for (const [from, to] of cases) {
      const response = await redirect(from);
      expect(response.status, from).toBe(307);
      expect(response.headers.get('location'), from).toBe(to);
    }
  });

  it('refuse redirects to other sites; drop a foreign Location on other answers', async () => {
    for (const to of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example/x',
      'javascript:alert(1)',
      'http://user:pw@localhost/x',
      'http://localhost:8080/x',
    ]) {
      const response = await redirect(to);
      expect(response.status, to).toBe(502);
      expect(response.headers.get('location'), to).toBeNull();
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'preview_redirect_refused',
      );
    }
    const created = await send(new Request('http://localhost/preview/abc/created'), '/created');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBeNull();
  });
});
