import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onServerRequest } from './request-hooks';

let server: http.Server;
let base: string;
const handled: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    handled.push(req.url ?? '');
    res.end('server');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('request hooks (in front of the server’s own handler)', () => {
  it('runs hooks in order: the first that answers ends it, the others pass it on', async () => {
    const seen: string[] = [];
    onServerRequest('stamp', (req) => {
      seen.push(`stamp ${req.url}`);
      req.headers['x-stamped'] = 'yes';
      return false;
    });
    onServerRequest('answer', (req, res) => {
      if (req.url !== '/mine') return false;
      res.end(`hook ${req.headers['x-stamped']}`);
      return true;
    });
    expect(await (await fetch(`${base}/mine`)).text()).toBe('hook yes');
    expect(await (await fetch(`${base}/other`)).text()).toBe('server');
    expect(seen).toEqual(['stamp /mine', 'stamp /other']);
    expect(handled).toEqual(['/other']);
  });

  it('a hook that throws leaves the request to the server and the server up', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onServerRequest('answer', () => {
      throw new Error('bug');
    });
    expect(await (await fetch(`${base}/after-bug`)).text()).toBe('server');
    expect(logged).toHaveBeenCalledOnce();
    // Replaced under the same name, not added twice.
    onServerRequest('answer', () => false);
    expect(await (await fetch(`${base}/again`)).text()).toBe('server');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
