/**
 * `POST /api/workspaces/{id}/preview` when the server is full: a clear 503 with Retry-After before any stream, and
 * no start (session and manager stubbed; PGlite). The quota itself runs real previews in manager.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import type { Refusal } from './manager';

const state: { user: SessionUser | null; handle: DbHandle | null; refusal: Refusal | null } = {
  user: null,
  handle: null,
  refusal: null,
};
const admitted: [string, string][] = [];
const start = vi.fn(async () => ({ ok: true, baseUrl: '/preview/x' }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({
    admit: (id: string, userId: string) => {
      admitted.push([id, userId]);
      return state.refusal;
    },
    start,
  }),
}));

const preview = await import('@/app/api/workspaces/[id]/preview/route');

describe('preview start API when previews are busy', () => {
  let alice: SessionUser;
  let id = '';
  beforeAll(async () => {
    state.handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    alice = await testUser(state.handle.db, 'alice');
    id = (await createWorkspace(state.handle.db, alice.id, { name: 'Todo', design: templates.todo() })).id;
  });
  afterAll(() => state.handle?.close());

  it('answers 503 with Retry-After and the reason, and starts nothing', async () => {
    state.user = alice;
    state.refusal = {
      code: 'previews_busy',
      message: 'Previews are busy: try again.',
      retryAfterSeconds: 30,
    };
    const answer = await preview.POST(postJson({}), ctx({ id }));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(await answer.json()).toEqual({
      error: {
        code: 'unavailable',
        message: 'Previews are busy: try again.',
        reason: 'previews_busy',
        retryAfterSeconds: 30,
      },
    });
    expect(admitted).toEqual([[id, alice.id]]);
    expect(start).not.toHaveBeenCalled();
  });

  it('streams the start, counted against the user who asks, when there is room', async () => {
    state.refusal = null;
    const answer = await preview.POST(postJson({}), ctx({ id }));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('event: end');
    expect(start).toHaveBeenCalledWith(id, expect.anything(), expect.objectContaining({ userId: alice.id }));
  });
});
