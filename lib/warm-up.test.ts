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
    fillSpare: async () => {
      events.push('spare');
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

  it('opens the database, warms every thread and serves the first page at once, then checks previews and starts a spare sandbox', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await warmUp();
      expect([...events].sort()).toEqual(
        [
          'GET /signin',
          'db',
          'generate Todo warm-up:0',
          'generate Todo warm-up:1',
          'preview check',
          'spare',
        ].sort(),
      );
      // The database does not wait for the first page (which needs none); the check comes after the page.
      expect(events.indexOf('db')).toBeLessThan(events.indexOf('GET /signin'));
      expect(events.indexOf('GET /signin')).toBeLessThan(events.indexOf('preview check'));
      // The spare sandbox is started last, when all the rest is done (even when the check failed).
      expect(events.at(-1)).toBe('spare');
      // A failing step is logged and the rest still ran.
      expect(errors).toHaveBeenCalledWith(
        '[warm-up] failed:',
        expect.objectContaining({ message: 'no bwrap here' }),
      );
      // Each part's end is logged with the memory then.
      const line = String(logged.mock.calls[0]?.[0]);
      expect(line).toMatch(/^\[warm-up\] ready in \d+ ms/);
      for (const part of ['database', '2 generation thread(s)', 'first page', 'preview check'])
        expect(line).toMatch(new RegExp(`${part.replace(/[()]/g, '\\$&')} \\d+ ms \\(rss \\d+ MiB\\)`));
    } finally {
      logged.mockRestore();
      errors.mockRestore();
    }
  });
});
