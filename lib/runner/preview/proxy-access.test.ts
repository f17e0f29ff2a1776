/**
 * `/preview/{id}/...` remembers a yes of its session and access checks for a second (lib/db/queries/access-cache.ts),
 * and revocation still wins: sign-out, sign out everywhere, a member removed and a workspace deleted refuse the
 * very next request; a change made behind this server's back (another server on the same database) is seen once the
 * remembered yes is ACCESS_TTL_MS old (a faked clock, no sleeps). The database, its queries and the session table are
 * real; the JWT is stood in for by a cookie naming a session row, checked as Auth.js's jwt callback does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { endAllSessions, endSession, isSessionActive, startSession } from '@/lib/auth/sessions';
import type { DbHandle } from '@/lib/db/connect';
import { ACCESS_TTL_MS } from '@/lib/db/queries/access-cache';
import { addMember, removeMember } from '@/lib/db/queries/shares';
import { createUser } from '@/lib/db/queries/users';
import { createWorkspace, deleteWorkspace } from '@/lib/db/queries/workspaces';
import { workspaceMembers } from '@/lib/db/schema';
import { testDatabases, uniqueEmail } from '@/lib/db/testing/databases';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-proxy-access-'));
const socketPath = path.join(dir, 'app.sock');
const state: { handle?: DbHandle; cookie: string; sessions: Map<string, { userId: string; sid: string }> } = {
  cookie: '',
  sessions: new Map(),
};
let sessionChecks = 0;

vi.mock('@/lib/auth/session', () => ({
  // What lib/auth/session.ts + the jwt callback answer: the session row named by the cookie, if still active.
  currentUser: async () => {
    sessionChecks += 1;
    const token = /authjs\.session-token=([^;]+)/.exec(state.cookie)?.[1];
    const session = token ? state.sessions.get(token) : undefined;
    if (!session || !(await isSessionActive(state.handle!.db, session.sid))) return null;
    return { id: session.userId, email: 'x@example.test', name: null };
  },
}));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle!.db }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({ socketFor: () => socketPath, touch: () => {} }),
}));

const route = await import('@/app/preview/[id]/[[...path]]/route');

let server: http.Server;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.useRealTimers());

describe.each(testDatabases)('preview access on $name', ({ open }) => {
  beforeAll(async () => {
    state.handle = await open();
  });
  afterAll(() => state.handle?.close());

  const newUser = async (name: string) => {
    const { db } = state.handle!;
    const id = (await createUser(db, { email: uniqueEmail(name), name: null, passwordHash: 'x' }))!.id;
    const token = `${name}-${id}`;
    state.sessions.set(token, { userId: id, sid: await startSession(db, id) });
    return { id, cookie: `authjs.session-token=${token}; theirs=1` };
  };
  const newWorkspace = async (ownerId: string) =>
    (await createWorkspace(state.handle!.db, ownerId, { name: 'W', design: {} })).id;
  const get = async (cookie: string, id: string) => {
    state.cookie = cookie;
    const request = new Request(`http://local/preview/${id}/posts`, { headers: { cookie } });
    return (await route.GET(request, { params: Promise.resolve({ id, path: ['posts'] }) })).status;
  };

  it('asks once per second per session and workspace', async () => {
    const alice = await newUser('alice');
    const bob = await newUser('bob');
    const id = await newWorkspace(alice.id);
    sessionChecks = 0;
    expect(await get(alice.cookie, id)).toBe(200);
    expect(await get(alice.cookie, id)).toBe(200);
    expect(await get(alice.cookie, id)).toBe(200);
    expect(sessionChecks).toBe(1);
    // Another session is asked for itself: Bob is no member.
    expect(await get(bob.cookie, id)).toBe(404);
    expect(await get(bob.cookie, id)).toBe(404);
    expect(sessionChecks).toBe(3);
    // No session cookie at all: asked every time (and refused).
    expect(await get('theirs=1', id)).toBe(404);
  });

  it('sign-out refuses the next request', async () => {
    const alice = await newUser('alice');
    const id = await newWorkspace(alice.id);
    expect(await get(alice.cookie, id)).toBe(200);
    const token = /authjs\.session-token=([^;]+)/.exec(alice.cookie)![1]!;
    await endSession(state.handle!.db, state.sessions.get(token)!.sid);
    expect(await get(alice.cookie, id)).toBe(404);
  });

  it('sign out everywhere refuses the next request of every session', async () => {
    const alice = await newUser('alice');
    const id = await newWorkspace(alice.id);
    const { db } = state.handle!;
    const second = `alice-2-${alice.id}`;
    state.sessions.set(second, { userId: alice.id, sid: await startSession(db, alice.id) });
    const secondCookie = `authjs.session-token=${second}`;
    expect(await get(alice.cookie, id)).toBe(200);
    expect(await get(secondCookie, id)).toBe(200);
    await endAllSessions(db, alice.id);
    expect(await get(alice.cookie, id)).toBe(404);
    expect(await get(secondCookie, id)).toBe(404);
  });

  it('a removed member is refused at once; a deleted workspace too', async () => {
    const alice = await newUser('alice');
    const bob = await newUser('bob');
    const id = await newWorkspace(alice.id);
    const { db } = state.handle!;
    await addMember(db, id, bob.id);
    expect(await get(bob.cookie, id)).toBe(200);
    await removeMember(db, id, bob.id);
    expect(await get(bob.cookie, id)).toBe(404);
    expect(await get(alice.cookie, id)).toBe(200);
    await deleteWorkspace(db, alice.id, id);
    expect(await get(alice.cookie, id)).toBe(404);
  });

  it('a removal made behind this server takes effect once the remembered yes is ACCESS_TTL_MS old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const alice = await newUser('alice');
    const bob = await newUser('bob');
    const id = await newWorkspace(alice.id);
    const { db } = state.handle!;
    await addMember(db, id, bob.id);
    expect(await get(bob.cookie, id)).toBe(200);
    // Straight in the table, as another app server on the same PostgreSQL would: no forgetAccess here.
    await db.delete(workspaceMembers).where(eq(workspaceMembers.workspaceId, id));
    vi.advanceTimersByTime(ACCESS_TTL_MS - 1);
    expect(await get(bob.cookie, id)).toBe(200);
    vi.advanceTimersByTime(1);
    expect(await get(bob.cookie, id)).toBe(404);
  });
});
