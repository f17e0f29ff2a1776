import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forward } from './proxy';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-proxy-pool-'));
const socketPath = path.join(dir, 'app.sock');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An app on the socket that names itself and the connection (by number) each request came on. */
async function app(name: string) {
  let connections = 0;
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ app: name, connection: (req.socket as { n?: number }).n }));
  });
  server.on('connection', (socket: { n?: number }) => {
    socket.n = ++connections;
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return server;
}

const ask = async () => {
  const response = await forward(new Request('http://ide.test/preview/x/a'), {
    socketPath,
    upstreamPath: '/a',
    prefix: '/preview/x',
  });
  return (await response.json()) as { app: string; connection: number };
};

describe('preview proxy connections', () => {
  it('reuses one connection to a running app, and never one to the app a restart replaced', async () => {
    const first = await app('first');
    const answers = [await ask(), await ask(), await ask()];
    expect(answers).toEqual([
      { app: 'first', connection: 1 },
      { app: 'first', connection: 1 },
      { app: 'first', connection: 1 },
    ]);
    // A new app binds the same path while the old one still runs (its kept connection stays open).
    rmSync(socketPath, { force: true });
    const second = await app('second');
    expect(await ask()).toEqual({ app: 'second', connection: 1 });
    expect(await ask()).toEqual({ app: 'second', connection: 1 });
    for (const server of [first, second]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
