import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addField, applyOperations, templates } from '@/lib/design';
import type { EndEvent, StepEvent } from './events';
import { PreviewManager } from './manager';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const previewsDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-previews-test-'));
const manager = new PreviewManager({
  previewsDir,
  check: false,
  availability: async () => available,
});
afterAll(async () => {
  await manager.stopAll();
  rmSync(previewsDir, { recursive: true, force: true });
});

type Answer = { status: number; body: string; json: () => unknown };

function call(
  socketPath: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      {
        socketPath,
        method,
        path: url,
        headers: data
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers }
          : headers,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, json: () => JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Processes whose command line mentions the folder (prlimit/bwrap/python of a preview). */
function processesUsing(folder: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(folder) && !line.includes('ps -eo'));
}

const id = '00000000-0000-4000-8000-00000000c0de';
const owner = { userId: 'user-main' };

describe.skipIf(!available.ok)(`preview runner${skipNote(available)}`, () => {
  it('starts the todo app, keeps rows across a regeneration, resets data on demand, stops cleanly', async () => {
    const steps: StepEvent[] = [];
    let t = performance.now();
    const first = await manager.start(id, templates.todo(), { ...owner, onStep: (e) => steps.push(e) });
    const coldMs = Math.round(performance.now() - t);
    expect(first, JSON.stringify(steps)).toEqual({ ok: true, baseUrl: `/preview/${id}` });
    const order = steps.map((s) => `${s.step}:${s.status}`);
    // The check runs beside migrate and start; the rest in order, and ready only once the check is done too.
    expect(order.filter((s) => !s.startsWith('check:'))).toEqual(
      ['validate', 'generate', 'migrate', 'start', 'ready'].flatMap((s) => [`${s}:running`, `${s}:done`]),
    );
    expect(order.slice(3, 6)).toEqual(['generate:done', 'check:running', 'migrate:running']);
    expect(order.indexOf('check:done')).toBeGreaterThan(order.indexOf('check:running'));
    expect(order.indexOf('check:done')).toBeLessThan(order.indexOf('ready:running'));
    expect(steps.filter((s) => s.status === 'done').every((s) => typeof s.ms === 'number')).toBe(true);
    expect(await manager.status(id)).toMatchObject({ state: 'running', baseUrl: `/preview/${id}` });

    const socket = manager.socketFor(id);
    expect(socket).toBeTruthy();
    const health = await call(socket!, 'GET', '/health');
    expect(health.status).toBe(200);
    expect((await call(socket!, 'GET', '/openapi.json')).json()).toMatchObject({ info: { title: 'Todo' } });

    const user = { email: 'keep@example.com', password: 'correct horse 42' };
    expect((await call(socket!, 'POST', '/auth/register', user)).status).toBe(201);
    const token = async (s: string) =>
      ((await call(s, 'POST', '/auth/login/json', user)).json() as { access_token: string }).access_token;
    const auth = { authorization: `Bearer ${await token(socket!)}` };
    const created = await call(socket!, 'POST', '/todo-lists', { title: 'Groceries' }, auth);
    expect(created.status, created.body).toBe(201);

    // A new required field without default: the row is kept and gets ''.
    const withNote = addField(templates.todo(), {
      entityId: 'e_todo_list',
      field: { id: 'f_todo_list_note', name: 'note', type: 'string' },
    });
    const restartSteps: StepEvent[] = [];
    t = performance.now();
    const second = await manager.start(id, withNote, { ...owner, onStep: (e) => restartSteps.push(e) });
    const restartMs = Math.round(performance.now() - t);
    expect(second.ok, JSON.stringify(restartSteps)).toBe(true);
    expect(restartSteps.find((s) => s.step === 'migrate' && s.status === 'done')?.message).toMatch(
      /^data kept/,
    );
    const socket2 = manager.socketFor(id)!;
    // The secret key stays, so the old token is still valid.
    const lists = await call(socket2, 'GET', '/todo-lists', undefined, auth);
    expect(lists.status, lists.body).toBe(200);
    expect(lists.json()).toMatchObject({ total: 1, items: [{ title: 'Groceries', note: '' }] });

    const reset = await manager.start(id, withNote, { ...owner, resetData: true });
    expect(reset.ok).toBe(true);
    const socket3 = manager.socketFor(id)!;
    expect((await call(socket3, 'POST', '/auth/login/json', user)).status).toBe(401);

    const folder = manager.pathsOf(id).root;
    expect(processesUsing(folder).length).toBeGreaterThan(0);
    // The app's secret reaches it through the environment, never a command line.
    expect(processesUsing(folder).filter((line) => line.includes('SECRET_KEY'))).toEqual([]);
    // Stopped as soon as the stop begins, while the app and its sandbox are still going.
    const stopping = manager.stop(id);
    expect(await manager.status(id)).toEqual({ state: 'stopped' });
    await stopping;
    expect(await manager.status(id)).toEqual({ state: 'stopped' });
    expect(manager.socketFor(id)).toBeNull();
    expect(existsSync(socket3)).toBe(false);
    expect(processesUsing(folder)).toEqual([]);
    console.log(`preview start: cold ${coldMs} ms, restart with data copy ${restartMs} ms`);
  }, 120_000);

  it('with committed versions, migrates the database along the revision chain: renamed columns keep their data', async () => {
    const ws = '00000000-0000-4000-8000-00000000a1e5';
    const v1 = templates.todo();
    const history = [
      { id: 'v1', message: 'Initial', createdAt: new Date('2025-01-01T00:00:00Z'), design: v1 },
    ];
    const first = await manager.start(ws, v1, { ...owner, history });
    expect(first.ok, first.error).toBe(true);
    const user = { email: 'chain@example.com', password: 'correct horse 42' };
    expect((await call(manager.socketFor(ws)!, 'POST', '/auth/register', user)).status).toBe(201);
    const login = await call(manager.socketFor(ws)!, 'POST', '/auth/login/json', user);
    const auth = { authorization: `Bearer ${(login.json() as { access_token: string }).access_token}` };
    const created = await call(manager.socketFor(ws)!, 'POST', '/todo-lists', { title: 'Groceries' }, auth);
    expect(created.status, created.body).toBe(201);

    // The working design renames the title: the pending revision renames the column, rows and all.
    const renamed = applyOperations(v1, [{ op: 'renameField', fieldId: 'f_todo_list_title', name: 'name' }]);
    const steps: StepEvent[] = [];
    expect((await manager.start(ws, renamed, { ...owner, history, onStep: (e) => steps.push(e) })).ok).toBe(
      true,
    );
    expect(steps.find((e) => e.step === 'migrate' && e.status === 'done')?.message).toMatch(
      /^data kept: the database was migrated by the revisions \(from 0001 up to 0002_\w+\)$/,
    );
    const lists = await call(manager.socketFor(ws)!, 'GET', '/todo-lists', undefined, auth);
    expect(lists.json()).toMatchObject({ total: 1, items: [{ name: 'Groceries' }] });

    // Another edit changes the pending revision: the old one is undone, the new one applied.
    const more = addField(renamed, {
      entityId: 'e_todo_list',
      field: { id: 'f_todo_list_note', name: 'note', type: 'string', nullable: true },
    });
    const again: StepEvent[] = [];
    expect((await manager.start(ws, more, { ...owner, history, onStep: (e) => again.push(e) })).ok).toBe(
      true,
    );
    expect(again.find((e) => e.step === 'migrate' && e.status === 'done')?.message).toMatch(
      /^data kept: the database was migrated by the revisions \(down to 0001, then up to 0002_\w+\)$/,
    );
    const after = await call(manager.socketFor(ws)!, 'GET', '/todo-lists', undefined, auth);
    expect(after.json()).toMatchObject({ total: 1, items: [{ name: 'Groceries', note: null }] });

    // Committing that design: the pending revision keeps its id, so the database is where it should be.
    const committed = [
      ...history,
      { id: 'v2', message: 'Rename', createdAt: new Date('2025-01-02T00:00:00Z'), design: more },
    ];
    const third: StepEvent[] = [];
    expect(
      (await manager.start(ws, more, { ...owner, history: committed, onStep: (e) => third.push(e) })).ok,
    ).toBe(true);
    expect(third.find((e) => e.step === 'migrate' && e.status === 'done')?.message).toMatch(
      /^data kept \(revisions unchanged, at 0002_\w+\)$/,
    );
    const last = await call(manager.socketFor(ws)!, 'GET', '/todo-lists', undefined, auth);
    expect(last.json()).toMatchObject({ total: 1, items: [{ name: 'Groceries' }] });
    await manager.stop(ws);
  }, 120_000);

  it('keeps the rows when a unique required field is added (derived values) and when it is renamed', async () => {
    const ws = '00000000-0000-4000-8000-0000000da7a0';
    expect((await manager.start(ws, templates.todo(), owner)).ok).toBe(true);
    const password = 'correct horse 42';
    for (const email of ['a@example.com', 'b@example.com']) {
      const registered = await call(manager.socketFor(ws)!, 'POST', '/auth/register', { email, password });
      expect(registered.status).toBe(201);
    }
    const me = async (email: string) => {
      const socket = manager.socketFor(ws)!;
      const login = await call(socket, 'POST', '/auth/login/json', { email, password });
      expect(login.status, login.body).toBe(200);
      const token = (login.json() as { access_token: string }).access_token;
      return (await call(socket, 'GET', '/auth/me', undefined, { authorization: `Bearer ${token}` })).json();
    };
    // Two users would both get '' in a new required unique column: each gets a value of its own instead.
    const unique = addField(templates.todo(), {
      entityId: 'e_user',
      field: { id: 'f_user_nickname', name: 'nickname', type: 'string', unique: true },
    });
    const steps: StepEvent[] = [];
    expect((await manager.start(ws, unique, { ...owner, onStep: (e) => steps.push(e) })).ok).toBe(true);
    const migrated = steps.find((s) => s.step === 'migrate' && s.status === 'done');
    expect(migrated?.message).toMatch(/^data kept: 2 row\(s\)/);
    expect(migrated?.data).toEqual({ outcome: 'kept' });
    expect(await me('a@example.com')).toMatchObject({ email: 'a@example.com', nickname: 'nickname_1' });
    expect(await me('b@example.com')).toMatchObject({ nickname: 'nickname_2' });

    // Renaming the unique field is a rename: the values stay.
    const renamed = applyOperations(unique, [
      { op: 'renameField', fieldId: 'f_user_nickname', name: 'handle' },
    ]);
    const again: StepEvent[] = [];
    expect((await manager.start(ws, renamed, { ...owner, onStep: (e) => again.push(e) })).ok).toBe(true);
    expect(again.find((s) => s.step === 'migrate' && s.status === 'done')?.data).toEqual({ outcome: 'kept' });
    expect(await me('a@example.com')).toMatchObject({ handle: 'nickname_1' });
    expect(await me('b@example.com')).toMatchObject({ handle: 'nickname_2' });

    // The app's secret is kept with the data: a token issued before a stop still works after it.
    const login = await call(manager.socketFor(ws)!, 'POST', '/auth/login/json', {
      email: 'a@example.com',
      password,
    });
    const auth = { authorization: `Bearer ${(login.json() as { access_token: string }).access_token}` };
    await manager.stop(ws);
    expect((await manager.start(ws, renamed, owner)).ok).toBe(true);
    expect((await call(manager.socketFor(ws)!, 'GET', '/auth/me', undefined, auth)).status).toBe(200);
    await manager.stop(ws);
  }, 120_000);

  it('resets only the tables nothing can be derived for, saying which and why', async () => {
    const ws = '00000000-0000-4000-8000-0000000da7a1';
    expect((await manager.start(ws, templates.todo(), owner)).ok).toBe(true);
    const user = { email: 'lists@example.com', password: 'correct horse 42' };
    expect((await call(manager.socketFor(ws)!, 'POST', '/auth/register', user)).status).toBe(201);
    const login = await call(manager.socketFor(ws)!, 'POST', '/auth/login/json', user);
    const auth = { authorization: `Bearer ${(login.json() as { access_token: string }).access_token}` };
    for (const title of ['Groceries', 'Chores']) {
      const list = await call(manager.socketFor(ws)!, 'POST', '/todo-lists', { title }, auth);
      expect(list.status, list.body).toBe(201);
      const item = await call(
        manager.socketFor(ws)!,
        'POST',
        '/todo-items',
        { title: `First of ${title}`, todo_list_id: (list.json() as { id: number }).id },
        auth,
      );
      expect(item.status, item.body).toBe(201);
    }
    // A required unique yes/no: two lists cannot both be distinct. Their items go with them; the user stays.
    const flagged = addField(templates.todo(), {
      entityId: 'e_todo_list',
      field: { id: 'f_todo_list_pinned', name: 'pinned', type: 'boolean', unique: true },
    });
    const steps: StepEvent[] = [];
    expect((await manager.start(ws, flagged, { ...owner, onStep: (e) => steps.push(e) })).ok).toBe(true);
    const migrated = steps.find((s) => s.step === 'migrate' && s.status === 'done');
    expect(migrated?.message).toMatch(
      /^data partly kept: 1 row in 1 table\(s\); reset todo_lists \(2 rows\)/,
    );
    expect(migrated?.data).toEqual({
      outcome: 'reset',
      asked: false,
      all: false,
      tables: [
        {
          table: 'todo_lists',
          rows: 2,
          reason: expect.stringMatching(
            /^no distinct value can be derived for each row of todo_lists\.pinned/,
          ),
        },
        {
          table: 'todo_items',
          rows: 2,
          reason: 'its rows referred to todo_lists rows that are gone (todo_lists was reset)',
        },
      ],
    });
    // The reset renewed the app's secret: the old token is refused; the user signs in again.
    const socket = manager.socketFor(ws)!;
    expect((await call(socket, 'GET', '/todo-lists', undefined, auth)).status).toBe(401);
    const fresh = await call(socket, 'POST', '/auth/login/json', user);
    expect(fresh.status).toBe(200);
    const token = { authorization: `Bearer ${(fresh.json() as { access_token: string }).access_token}` };
    expect((await call(socket, 'GET', '/todo-lists', undefined, token)).json()).toMatchObject({ total: 0 });
    await manager.stop(ws);
  }, 120_000);

  it('does not carry values into a column whose type changed kind, and says so', async () => {
    const ws = '00000000-0000-4000-8000-0000000da7a2';
    const noted = addField(templates.todo(), {
      entityId: 'e_todo_list',
      field: { id: 'f_todo_list_note', name: 'note', type: 'string', nullable: true },
    });
    expect((await manager.start(ws, noted, owner)).ok).toBe(true);
    const user = { email: 'kinds@example.com', password: 'correct horse 42' };
    expect((await call(manager.socketFor(ws)!, 'POST', '/auth/register', user)).status).toBe(201);
    const token = async () =>
      (
        (await call(manager.socketFor(ws)!, 'POST', '/auth/login/json', user)).json() as {
          access_token: string;
        }
      ).access_token;
    let auth = { authorization: `Bearer ${await token()}` };
    const body = { title: 'Groceries', note: 'by Friday' };
    const list = await call(manager.socketFor(ws)!, 'POST', '/todo-lists', body, auth);
    expect(list.status, list.body).toBe(201);
    const retyped = applyOperations(noted, [
      { op: 'updateField', fieldId: 'f_todo_list_note', patch: { type: 'boolean' } },
    ]);
    const steps: StepEvent[] = [];
    const restarted = await manager.start(ws, retyped, { ...owner, onStep: (e) => steps.push(e) });
    expect(restarted.ok, JSON.stringify(steps)).toBe(true);
    expect(steps.find((s) => s.step === 'migrate' && s.status === 'done')?.data).toEqual({
      outcome: 'reset',
      asked: false,
      all: false,
      tables: [
        {
          table: 'todo_lists',
          rows: 1,
          reason: 'note changed type (text to boolean): its values were not kept',
        },
      ],
    });
    auth = { authorization: `Bearer ${await token()}` };
    const lists = await call(manager.socketFor(ws)!, 'GET', '/todo-lists', undefined, auth);
    expect(lists.status, lists.body).toBe(200);
    expect(lists.json()).toMatchObject({ total: 1, items: [{ title: 'Groceries', note: null }] });
    await manager.stop(ws);
  }, 120_000);

  it("keeps each user to their quota by stopping their own oldest preview, never another user's", async () => {
    const small = new PreviewManager({
      previewsDir,
      check: false,
      max: 3,
      perUser: 2,
      // Long enough not to reap anything while the others start (each is touched); shortened below (the sweeper
      // runs every 5 s).
      idleSeconds: 20,
      availability: async () => available,
    });
    const ws = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const [alice, bob, carol] = [{ userId: 'alice' }, { userId: 'bob' }, { userId: 'carol' }];
    const touchAll = () => {
      for (const w of small.active()) small.touch(w);
    };
    try {
      expect((await small.start(ws(1), templates.todo(), bob)).ok).toBe(true);
      touchAll();
      expect((await small.start(ws(2), templates.todo(), alice)).ok).toBe(true);
      touchAll();
      expect((await small.start(ws(3), templates.todo(), alice)).ok).toBe(true);
      touchAll();
      expect(small.active().sort()).toEqual([ws(1), ws(2), ws(3)]);
      // Alice's third preview: her own oldest one makes room, Bob's stays.
      await new Promise((resolve) => setTimeout(resolve, 5));
      small.touch(ws(2));
      expect(small.admit(ws(4), 'alice')).toBeNull();
      expect((await small.start(ws(4), templates.todo(), alice)).ok).toBe(true);
      touchAll();
      expect(small.active().sort()).toEqual([ws(1), ws(2), ws(4)]);
      expect(await small.status(ws(3))).toEqual({ state: 'stopped' });
      expect(await small.status(ws(1))).toMatchObject({ state: 'running' });
      // The server is full: Carol is told to come back, and nobody's preview is stopped.
      const refusal = small.admit(ws(5), 'carol');
      expect(refusal).toMatchObject({ code: 'previews_busy', retryAfterSeconds: 30 });
      expect(refusal?.message).toMatch(/^Previews are busy/);
      const refused = await small.start(ws(5), templates.todo(), carol);
      expect(refused).toEqual({ ok: false, error: refusal?.message });
      expect(small.active().sort()).toEqual([ws(1), ws(2), ws(4)]);
      // Someone with a preview of their own may replace it even on a full server.
      expect(small.admit(ws(5), 'alice')).toBeNull();
      expect(small.admit(ws(5), 'bob')).toBeNull();
      // Restarting a running preview needs no new slot, whoever restarts it.
      expect(small.admit(ws(1), 'carol')).toBeNull();
      // Idle previews of anyone are stopped.
      small.options.idleSeconds = 0.001;
      await expect.poll(() => small.active(), { timeout: 15_000, interval: 200 }).toEqual([]);
      expect(await small.status(ws(1))).toEqual({ state: 'stopped' });
    } finally {
      await small.stopAll();
    }
  }, 180_000);

  it('a second start supersedes the first; a failing design reports its problems', async () => {
    const other = '00000000-0000-4000-8000-00000000beef';
    const events: StepEvent[] = [];
    const firstRun = manager.start(other, templates.todo(), owner);
    const secondRun = manager.start(other, templates.todo(), { ...owner, onStep: (e) => events.push(e) });
    const [first, second] = await Promise.all([firstRun, secondRun]);
    expect(first).toEqual<EndEvent>({ ok: false, error: 'superseded' });
    expect(second.ok, second.error).toBe(true);
    expect(events.find((e) => e.step === 'migrate' && e.status === 'done')?.message).toBe(
      'started with an empty database',
    );

    const same: StepEvent[] = [];
    expect((await manager.start(other, templates.todo(), { ...owner, onStep: (e) => same.push(e) })).ok).toBe(
      true,
    );
    expect(same.find((e) => e.step === 'migrate' && e.status === 'done')?.message).toBe(
      'data kept (same schema)',
    );

    const broken = templates.todo();
    broken.entities[0]!.name = 'class';
    const failedSteps: StepEvent[] = [];
    const failed = await manager.start(other, broken, { ...owner, onStep: (e) => failedSteps.push(e) });
    expect(failed.ok).toBe(false);
    const validate = failedSteps.find((s) => s.step === 'validate' && s.status === 'failed');
    expect(validate?.problems?.length).toBeGreaterThan(0);
    expect(await manager.status(other)).toMatchObject({ state: 'failed' });
    expect(manager.active()).not.toContain(other);
  }, 120_000);
});
