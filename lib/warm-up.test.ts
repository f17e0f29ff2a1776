import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const events: string[] = [];
vi.mock('@/lib/db/client', () => ({
  db: async () => {
    events.push('db');
    return {};
  },
}));
vi.mock('@/lib/jobs/pool', () => ({
  THREADS: 2,
  runJob: async (name: string, input: { design: { name: string } }, { owner }: { owner: string }) => {
    events.push(`${name} ${input.design.name} ${owner}`);
    return {};
  },
}));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({
    availability: async () => {
      events.push('preview check');
      throw new Error('no bwrap here');
    },
  }),
}));

const { warmUp } = await import('./warm-up');

describe('warmUp', () => {
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      events.push(`GET ${request.url}`);
      response.end('<html></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(() => {
    server.close();
    delete process.env.PORT;
  });

  it('warms every thread, serves the first page, then opens the database and checks previews', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await warmUp();
      expect([...events].sort()).toEqual(
        ['GET /signin', 'db', 'generate Todo warm-up:0', 'generate Todo warm-up:1', 'preview check'].sort(),
      );
      // The page's own request opens the database first; the warm-up's open and the check come after it.
      expect(events.indexOf('GET /signin')).toBeLessThan(events.indexOf('db'));
      expect(events.indexOf('db')).toBeLessThan(events.indexOf('preview check'));
      // A failing step is logged and the rest still ran.
      expect(errors).toHaveBeenCalledWith(
        '[warm-up] failed:',
        expect.objectContaining({ message: 'no bwrap here' }),
      );
      expect(logged.mock.calls[0]?.[0]).toMatch(
        /^\[warm-up\] first page in \d+ ms; database, 2 generation thread/,
      );
    } finally {
      logged.mockRestore();
      errors.mockRestore();
    }
  });
});
