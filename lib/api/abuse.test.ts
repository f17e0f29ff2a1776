/**
 * The abuse suite (issue 14): the worst inputs one user can send, scaled to run in seconds, on PGlite and on
 * PostgreSQL. Route handlers run as the server runs them, and sessions are real Auth.js cookies (its core with
 * the app's configuration): each case asserts a clear 4xx in the error shape, that nothing was stored, and that
 * a second user is unaffected.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

process.env.AUTH_SECRET = 'abuse-suite-secret-abuse-suite-secret-0123';
process.env.SIGNIN_MAX_FAILURES = '5';
process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = '20';
process.env.SIGNUP_MAX_PER_ADDRESS = '10';
delete process.env.AUTH_URL;
delete process.env.TRUSTED_PROXIES;

import { authFlow, fromAddress } from '@/lib/api/testing/auth-flow';
import { ctx } from '@/lib/api/testing/route-calls';
import { hashPassword } from '@/lib/auth/password';
import type { Db, DbHandle } from '@/lib/db/connect';
import { workspaceAccess } from '@/lib/db/queries/access';
import { createShareLink, listShareLinks } from '@/lib/db/queries/shares';
import { createUser } from '@/lib/db/queries/users';
import { createWorkspace, listWorkspaces } from '@/lib/db/queries/workspaces';
import { testDatabases, uniqueEmail } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design/templates';

const state: { db: Db | null; flow: ReturnType<typeof authFlow> | null; cookie: string | null } = {
  db: null,
  flow: null,
  cookie: null,
};
const verifications = { count: 0 };

vi.mock('@/lib/db/client', () => ({ db: async () => state.db }));
vi.mock('@/lib/auth/auth', () => ({
  auth: () => state.flow!.session(state.cookie),
  handlers: { GET: (r: Request) => state.flow!.handler(r), POST: (r: Request) => state.flow!.handler(r) },
}));
vi.mock('@/lib/auth/password', async (original) => {
  const real = await original<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      verifications.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});
vi.mock('next/headers', () => ({
  headers: async () => new Headers(state.cookie ? { cookie: state.cookie } : {}),
}));
// The read-only editor of view links is not what these tests look at.
vi.mock('@/components/editor/editor', () => ({ Editor: () => null }));

const workspacesRoute = await import('@/app/api/workspaces/route');
const designRoute = await import('@/app/api/workspaces/[id]/design/route');
const sharesRoute = await import('@/app/api/workspaces/[id]/shares/route');
const acceptRoute = await import('@/app/api/share/[token]/accept/route');
const sessionsRoute = await import('@/app/api/sessions/route');
const accountsRoute = await import('@/app/api/accounts/route');
const authRoute = await import('@/app/api/auth/[...nextauth]/route');
const { default: SharePage } = await import('@/app/s/[token]/page');

const PASSWORD = 'correct-horse-1';
// Counters live in the database, and PostgreSQL's outlives a run: addresses are new each run.
const [A, B] = [randomInt(256), randomInt(256)];
const ip = (group: number, host: number) => `${10 + group}.${A}.${B}.${host}`;
const SITE = 'http://local';

function request(method: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  return new Request(`${SITE}/api`, {
    method,
    body: init.body,
    headers: init.headers,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}
const json = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(method, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

async function as<T>(cookie: string | null, call: () => Promise<T>): Promise<T> {
  state.cookie = cookie;
  return call();
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; issues?: unknown[] } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error;
}

/** A body of `total` bytes in 64 KiB chunks, counting how much of it the server pulled. */
function chunkedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe.each(testDatabases)('abuse suite on $name', (database) => {
  let handle: DbHandle;
  const users: Record<string, { id: string; email: string }> = {};

  async function account(name: string) {
    const email = uniqueEmail(name);
    const row = await createUser(handle.db, {
      email,
      name: null,
      passwordHash: await hashPassword(PASSWORD),
    });
    users[name] = { id: row!.id, email };
    return users[name]!;
  }
  const signIn = (name: string, address = ip(1, 10)) =>
    state.flow!.signIn(users[name]!.email, PASSWORD, address);

  beforeAll(async () => {
    handle = await database.open();
    state.db = handle.db;
    state.flow = authFlow(handle.db);
    for (const name of ['alice', 'bob', 'carol', 'dave']) await account(name);
  });
  afterAll(() => handle.close());

  it('100 parallel wrong passwords: at most the limit are verified; another user still signs in', async () => {
    const before = verifications.count;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        state.flow!.signIn(users.alice!.email, 'wrong-password-1', ip(2, i + 1)),
      ),
    );
    expect(results.every((r) => r === null)).toBe(true);
    expect(verifications.count - before).toBeLessThanOrEqual(5);
    expect(verifications.count - before).toBeGreaterThan(0);
    // The right password is refused too while the account is locked…
    expect(await signIn('alice', ip(2, 200))).toBeNull();
    // …and another account signs in.
    const bob = await signIn('bob');
    expect((await state.flow!.session(bob))?.user?.email).toBe(users.bob!.email);
  });

  it('rotating X-Forwarded-For without TRUSTED_PROXIES stays one address; forging a victim locks no one', async () => {
    const attacker = ip(3, 7);
    const before = verifications.count;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        state.flow!.signIn(uniqueEmail('nobody'), 'guess-1', attacker, { 'x-forwarded-for': `10.9.${i}.1` }),
      ),
    );
    expect(verifications.count - before).toBeLessThanOrEqual(20);
    // The attacker, forging the victim's address, only used up their own allowance.
    const victim = ip(3, 99);
    await Promise.all(
      Array.from({ length: 25 }, () =>
        state.flow!.signIn(uniqueEmail('nobody'), 'guess-1', ip(3, 8), { 'x-forwarded-for': victim }),
      ),
    );
    expect(await signIn('carol', victim)).not.toBeNull();
  });

  it('text/plain, form and multipart bodies get 415, a foreign Origin 403, and nothing is stored', async () => {
    const bob = await signIn('bob');
    const body = { name: 'Planted' };
    const attempts = [
      request('POST', { body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } }),
      request('POST', { body: new URLSearchParams({ name: 'Planted' }) }),
      request('POST', {
        body: (() => {
          const f = new FormData();
          f.set('name', 'Planted');
          return f;
        })(),
      }),
    ];
    for (const attempt of attempts) {
      await expectError(
        await as(bob, () => workspacesRoute.POST(attempt, ctx({}))),
        415,
        'unsupported_media_type',
      );
    }
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.test' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://sub.local' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      await expectError(
        await as(bob, () => workspacesRoute.POST(json('POST', body, headers), ctx({}))),
        403,
        'forbidden',
      );
    }
    expect((await listWorkspaces(handle.db, users.bob!.id)).map((w) => w.name)).not.toContain('Planted');

    // Edit links cannot be made from another site either.
    const ws = await createWorkspace(handle.db, users.bob!.id, { name: 'Bob', design: templates.todo() });
    const link = json('POST', { role: 'edit' }, { origin: 'https://evil.test' });
    await expectError(await as(bob, () => sharesRoute.POST(link, ctx({ id: ws.id }))), 403, 'forbidden');
    expect(await listShareLinks(handle.db, ws.id)).toHaveLength(0);
    // Nor can a foreign page sign anyone out (Auth.js POSTs get the same check).
    const signOut = request('POST', {
      body: 'csrfToken=x',
      headers: { origin: 'https://evil.test', 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectError(await authRoute.POST(signOut as never), 403, 'forbidden');

    // The app's own pages, and clients that are not browsers, still work.
    const own = await as(bob, () =>
      workspacesRoute.POST(
        json('POST', { name: 'Mine' }, { origin: SITE, 'sec-fetch-site': 'same-origin' }),
        ctx({}),
      ),
    );
    expect(own.status).toBe(201);
    expect(
      (await as(bob, () => workspacesRoute.POST(json('POST', { name: 'Script' }), ctx({})))).status,
    ).toBe(201);
  });

  it('NUL, lone surrogates and 2^31 get 422 naming the path; the design is unchanged; others still save', async () => {
    const bob = await signIn('bob');
    const ws = await createWorkspace(handle.db, users.bob!.id, { name: 'Strings', design: templates.todo() });
    const design = templates.todo();
    const cases: [unknown, string][] = [
      [{ design: { ...design, name: 'a\u0000b' }, baseVersion: 1 }, 'design.name'],
      [
        { design: { ...design, entities: [{ ...design.entities[0], name: 'x\uD800' }] }, baseVersion: 1 },
        'design.entities[0].name',
      ],
      [{ design: { ...design, '\uDC00key': 1 }, baseVersion: 1 }, 'design.\uDC00key'],
      [{ design, baseVersion: 2 ** 31 }, 'baseVersion'],
      // Every whole number of the design too (a column length, a token lifetime; paths within the design).
      [
        { design: { ...design, auth: { ...design.auth, tokenLifetimeMinutes: 2 ** 31 } }, baseVersion: 1 },
        'auth.tokenLifetimeMinutes',
      ],
      [
        {
          design: {
            ...design,
            entities: [
              {
                ...design.entities[0],
                fields: [{ ...design.entities[0]!.fields[0], constraints: { maxLength: 2 ** 31 } }],
              },
            ],
          },
          baseVersion: 1,
        },
        'entities[0].fields[0].constraints.maxLength',
      ],
    ];
    for (const [body, path] of cases) {
      const error = await expectError(
        await as(bob, () => designRoute.PUT(json('PUT', body), ctx({ id: ws.id }))),
        422,
        'validation_failed',
      );
      expect(error.issues).toContainEqual({ path, message: expect.any(String) });
    }
    const nul = await as(bob, () => workspacesRoute.POST(json('POST', { name: 'x\u0000' }), ctx({})));
    expect((await expectError(nul, 422, 'validation_failed')).issues).toEqual([
      { path: 'name', message: expect.stringContaining('NUL') },
    ]);

    // A NUL in a path parameter (%00) is a 404, not a database error.
    const membersRoute = await import('@/app/api/workspaces/[id]/members/[userId]/route');
    const nulParam = await as(bob, () =>
      membersRoute.DELETE(request('DELETE'), ctx({ id: ws.id, userId: 'a\u0000' })),
    );
    await expectError(nulParam, 404, 'not_found');

    const stored = await (await as(bob, () => designRoute.GET(request('GET'), ctx({ id: ws.id })))).json();
    expect(stored.version).toBe(1);
    // The same workspace saves normally, and so does another user's.
    const saved = await as(bob, () =>
      designRoute.PUT(json('PUT', { design, baseVersion: 1 }), ctx({ id: ws.id })),
    );
    expect(saved.status).toBe(200);
    const carol = await signIn('carol');
    const theirs = await createWorkspace(handle.db, users.carol!.id, {
      name: 'Carol',
      design: templates.todo(),
    });
    const ok = await as(carol, () =>
      designRoute.PUT(json('PUT', { design, baseVersion: 1 }), ctx({ id: theirs.id })),
    );
    expect(ok.status).toBe(200);
  });

  it('a chunked 20 MB body gets 413 after reading little more than the limit, anonymously too', async () => {
    const bob = await signIn('bob');
    const ws = await createWorkspace(handle.db, users.bob!.id, { name: 'Big', design: templates.todo() });
    const big = chunkedBody(20 * 1024 * 1024);
    const put = request('PUT', { body: big.stream, headers: { 'content-type': 'application/json' } });
    await expectError(
      await as(bob, () => designRoute.PUT(put, ctx({ id: ws.id }))),
      413,
      'payload_too_large',
    );
    expect(big.pulled.bytes).toBeLessThan(6 * 1024 * 1024);

    const anonymous = chunkedBody(20 * 1024 * 1024);
    const signUp = request('POST', {
      body: anonymous.stream,
      headers: { 'content-type': 'application/json' },
    });
    await expectError(await as(null, () => accountsRoute.POST(signUp, ctx({}))), 413, 'payload_too_large');
    expect(anonymous.pulled.bytes).toBeLessThan(6 * 1024 * 1024);
    // A declared Content-Length over the limit is refused before reading at all.
    const declared = chunkedBody(20 * 1024 * 1024);
    const lying = request('POST', {
      body: declared.stream,
      headers: { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) },
    });
    await expectError(await as(null, () => accountsRoute.POST(lying, ctx({}))), 413, 'payload_too_large');
    expect(declared.pulled.bytes).toBeLessThanOrEqual(64 * 1024);

    const design = templates.todo();
    const saved = await as(bob, () =>
      designRoute.PUT(json('PUT', { design, baseVersion: 1 }), ctx({ id: ws.id })),
    );
    expect(saved.status).toBe(200);
  });

  it('a signed-out cookie gets 401; sign out everywhere ends every session of that user only', async () => {
    const first = await signIn('dave');
    const second = await signIn('dave');
    const other = await signIn('carol');
    const list = () => workspacesRoute.GET(request('GET'), ctx({}));
    expect((await as(first, list)).status).toBe(200);
    await state.flow!.signOut(first!);
    await expectError(await as(first, list), 401, 'unauthenticated');
    expect((await as(second, list)).status).toBe(200);

    const third = await signIn('dave');
    expect((await as(second, () => sessionsRoute.DELETE(request('DELETE'), ctx({})))).status).toBe(204);
    await expectError(await as(second, list), 401, 'unauthenticated');
    await expectError(await as(third, list), 401, 'unauthenticated');
    expect((await as(other, list)).status).toBe(200);
    // Signing in again works.
    expect((await as(await signIn('dave'), list)).status).toBe(200);
  });

  it('opening an edit link does not join; the Join button (POST, same origin) does', async () => {
    const owner = await createWorkspace(handle.db, users.bob!.id, {
      name: 'Invite',
      design: templates.todo(),
    });
    const { token } = await createShareLink(handle.db, {
      workspaceId: owner.id,
      role: 'edit',
      createdBy: users.bob!.id,
      expiresAt: null,
    });
    const carol = await signIn('carol');
    const page = await as(carol, () => SharePage({ params: Promise.resolve({ token }) }));
    expect(page).toMatchObject({ props: { token, workspaceName: 'Invite' } });
    expect(await workspaceAccess(handle.db, users.carol!.id, owner.id)).toBeNull();

    const foreign = request('POST', { headers: { origin: 'https://evil.test' } });
    await expectError(await as(carol, () => acceptRoute.POST(foreign, ctx({ token }))), 403, 'forbidden');
    expect(await workspaceAccess(handle.db, users.carol!.id, owner.id)).toBeNull();

    const join = await as(carol, () =>
      acceptRoute.POST(request('POST', { headers: { origin: SITE } }), ctx({ token })),
    );
    expect(await join.json()).toEqual({ workspaceId: owner.id, role: 'editor' });
    expect((await workspaceAccess(handle.db, users.carol!.id, owner.id))?.role).toBe('editor');
    // A member opening the link goes straight to the workspace.
    await expect(as(carol, () => SharePage({ params: Promise.resolve({ token }) }))).rejects.toMatchObject({
      digest: expect.stringContaining(`/w/${owner.id}`),
    });
  });

  it('a full disk answers 507 "out of disk space", logged without the request data; others carry on', async () => {
    const bob = await signIn('bob');
    const real = handle.db;
    // The database's writes fail the way a full disk makes them fail (PostgreSQL disk_full, 53100).
    state.db = new Proxy(real, {
      get: (target, key, receiver) =>
        key === 'insert'
          ? () => {
              throw Object.assign(
                new Error('Failed query: insert into "workspaces"\nparams: Full-Disk-Secret'),
                {
                  cause: Object.assign(new Error('could not extend file "base/16384/16385"'), {
                    code: '53100',
                  }),
                },
              );
            }
          : Reflect.get(target, key, receiver),
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const full = await as(bob, () =>
        workspacesRoute.POST(json('POST', { name: 'Full-Disk-Secret' }), ctx({})),
      );
      const error = await expectError(full, 507, 'insufficient_storage');
      expect(error.message).toBe('The server is out of disk space.');
      expect(log.mock.calls.flat().join(' ')).toContain('53100');
      expect(log.mock.calls.flat().join(' ')).not.toContain('Full-Disk-Secret');
    } finally {
      log.mockRestore();
      state.db = real;
    }
    const carol = await signIn('carol');
    expect(
      (await as(carol, () => workspacesRoute.POST(json('POST', { name: 'After' }), ctx({})))).status,
    ).toBe(201);
  });

  it('sign-ups are limited per client address (429 with Retry-After); another address still signs up', async () => {
    const from = (address: string) =>
      as(null, () =>
        accountsRoute.POST(
          json('POST', { email: uniqueEmail('spam'), password: PASSWORD }, fromAddress(address)),
          ctx({}),
        ),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await from(ip(4, 1))).status);
    expect(statuses).toEqual(Array(10).fill(201));
    const refused = await from(ip(4, 1));
    await expectError(refused.clone(), 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from(ip(4, 2))).status).toBe(201);
  });
});
