/**
 * `GET /api/workspaces/{id}/preview/errors`: the workspace's own tracebacks for those who may read it, a 404 for
 * anybody else, who never reaches the manager (session and manager stubbed; PGlite and PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, getRequest, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import { parseTracebacks } from './tracebacks';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
const asked: string[] = [];
const logged = `Traceback (most recent call last):
  File "/preview/app/app/handlers/publish_post.py", line 3, in publish_post
    raise KeyError("x")
KeyError: 'x'
`;
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({
    tracebacks: (id: string) => {
      asked.push(id);
      return parseTracebacks(logged);
    },
  }),
}));

const errors = await import('@/app/api/workspaces/[id]/preview/errors/route');

describe.each(testDatabases)('preview errors API ($name)', (database) => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';
  beforeAll(async () => {
    state.handle = await database.open();
    alice = await testUser(state.handle.db, 'alice');
    bob = await testUser(state.handle.db, 'bob');
    id = (await createWorkspace(state.handle.db, alice.id, { name: 'Todo', design: templates.todo() })).id;
  });
  afterAll(() => state.handle?.close());

  it('answers the tracebacks of the workspace to its owner', async () => {
    state.user = alice;
    const answer = await errors.GET(getRequest(), ctx({ id }));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.tracebacks[0].exception).toBe("KeyError: 'x'");
    expect(body.tracebacks[0].focus).toMatchObject({ file: 'app/handlers/publish_post.py', line: 3 });
    expect(asked).toEqual([id]);
  });

  it("is a 404 for another user's workspace and a 401 without a session, asking the manager nothing", async () => {
    asked.length = 0;
    state.user = bob;
    const other = await errors.GET(getRequest(), ctx({ id }));
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('not_found');
    state.user = null;
    expect((await errors.GET(getRequest(), ctx({ id }))).status).toBe(401);
    expect(asked).toEqual([]);
  });
});
