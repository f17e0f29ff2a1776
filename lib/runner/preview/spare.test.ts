import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import { PreviewManager } from './manager';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const previewsDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-spare-test-'));
afterAll(() => rmSync(previewsDir, { recursive: true, force: true }));

function call(socketPath: string, method: string, url: string, body?: unknown, headers = {}) {
  return new Promise<{ status: number; json: () => unknown }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        socketPath,
        method,
        path: url,
        headers: data ? { 'content-type': 'application/json', ...headers } : headers,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Sandbox processes (prlimit, bwrap) whose command line names `folder`. */
const processesUsing = (folder: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(folder));

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const user = { email: 'spare@example.com', password: 'correct horse 42' };
const owner = { userId: 'user-spare' };

// On a quota disk (where this host can mount one: the spare's image is renamed) and in a plain folder (renamed).
describe.skipIf(!available.ok).each([{ quotaDisks: true }, { quotaDisks: false }])(
  `spare sandbox, quota disks: $quotaDisks${skipNote(available)}`,
  ({ quotaDisks }) => {
    const dir = path.join(previewsDir, String(quotaDisks));
    const manager = new PreviewManager({
      previewsDir: dir,
      check: false,
      spare: true,
      quotaDisks,
      availability: async () => available,
    });
    afterAll(() => manager.stopAll());
    /** The spares in the previews folder: their folders, or their disk images on quota disks. */
    const spares = () => readdirSync(dir).filter((name) => name.startsWith('.spare-'));
    const rootOf = (name: string) => manager.pathsOf(name.replace(/\.img$/, '')).root;

    it("a new workspace's preview takes over the spare; the next one gets a new spare; a restart keeps its data", async () => {
      await manager.fillSpare();
      await until('a spare', () => spares().length === 1);
      const first = spares()[0];

      const a = await manager.start('ws-a', templates.todo(), owner);
      expect(a.ok).toBe(true);
      // The spare's folder (or image) is the workspace's now, and a new spare is started after that start.
      expect(existsSync(path.join(dir, manager.pathsOf('ws-a').quotaDisk ? 'ws-a.img' : 'ws-a'))).toBe(true);
      await until('the next spare', () => spares().length === 1 && spares()[0] !== first);
      const second = spares()[0];

      const socketA = manager.socketFor('ws-a')!;
      expect((await call(socketA, 'POST', '/auth/register', user)).status).toBe(201);
      const login = await call(socketA, 'POST', '/auth/login/json', user);
      const auth = { authorization: `Bearer ${(login.json() as { access_token: string }).access_token}` };
      const keyA = readFileSync(path.join(path.dirname(socketA), 'data', 'secret.key'), 'utf8');

      // Another workspace takes the second spare: a database and a secret key of its own.
      const b = await manager.start('ws-b', templates.todo(), owner);
      expect(b.ok).toBe(true);
      const socketB = manager.socketFor('ws-b')!;
      expect(path.dirname(socketB)).not.toBe(path.dirname(socketA));
      expect((await call(socketB, 'POST', '/auth/login/json', user)).status).toBe(401);
      expect((await call(socketB, 'GET', '/todo-lists', undefined, auth)).status).toBe(401);
      expect(readFileSync(path.join(path.dirname(socketB), 'data', 'secret.key'), 'utf8')).not.toBe(keyA);
      await until('the third spare', () => spares().length === 1 && spares()[0] !== second);
      const third = spares()[0]!;
      expect(processesUsing(rootOf(third)).length).toBeGreaterThan(0);

      // Stopped and started again, A has a folder already: it keeps its own data and key, the spare stays.
      await manager.stop('ws-a');
      const again = await manager.start('ws-a', templates.todo(), owner);
      expect(again.ok).toBe(true);
      const socketA2 = manager.socketFor('ws-a')!;
      expect((await call(socketA2, 'GET', '/todo-lists', undefined, auth)).status).toBe(200);
      expect(readFileSync(path.join(path.dirname(socketA2), 'data', 'secret.key'), 'utf8')).toBe(keyA);
      expect(spares()).toEqual([third]);

      // Stopping everything ends the spare and removes its folder.
      await manager.stopAll();
      expect(spares()).toEqual([]);
      expect(processesUsing(rootOf(third))).toEqual([]);
    }, 120_000);
  },
);

describe('spare sandbox leftovers', () => {
  it('a new manager removes the spares of servers that have died, not those of live ones', () => {
    const dir = path.join(previewsDir, 'leftovers');
    mkdirSync(dir, { recursive: true });
    const dead = spawnSync('true').pid;
    const gone = [`.spare-${dead}-ab12`, `.spare-${dead}-cd34.img`, `.spare-${dead}-ef56.img.partial`];
    const kept = [`.spare-${process.pid}-0123`, 'a-workspace', 'a-workspace.img', `.spare-x-${dead}`];
    for (const name of [...gone, ...kept])
      if (name.includes('.img') || name.startsWith('a-')) writeFileSync(path.join(dir, name), '');
      else mkdirSync(path.join(dir, name));
    new PreviewManager({ previewsDir: dir, spare: true, availability: async () => available });
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
  });
});
