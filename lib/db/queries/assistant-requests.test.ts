import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { admitAssistantRequest, recordAssistantTokens } from './assistant-requests';
import { createUser } from './users';
import { createWorkspace } from './workspaces';

describe.each(testDatabases)('assistant request limits on $name', (database) => {
  let handle: DbHandle;
  let workspaceId = '';
  const user = async () =>
    (await createUser(handle.db, { email: uniqueEmail('ai'), name: null, passwordHash: 'x' }))!.id;

  beforeAll(async () => {
    handle = await database.open();
    const owner = await user();
    workspaceId = (await createWorkspace(handle.db, owner, { name: 'w', design: templates.blank() })).id;
  });
  afterAll(() => handle.close());

  it('admits up to the hourly request limit, then says when to retry; an hour later admits again', async () => {
    const id = await user();
    const limits = { requestsPerHour: 2, tokensPerDay: 10_000 };
    const t0 = new Date('2026-01-01T10:00:00Z');
    expect((await admitAssistantRequest(handle.db, id, workspaceId, limits, t0)).ok).toBe(true);
    const t1 = new Date(t0.getTime() + 10 * 60_000);
    expect((await admitAssistantRequest(handle.db, id, workspaceId, limits, t1)).ok).toBe(true);
    const t2 = new Date(t0.getTime() + 20 * 60_000);
    expect(await admitAssistantRequest(handle.db, id, workspaceId, limits, t2)).toEqual({
      ok: false,
      reason: 'requests',
      retryAfterSeconds: 40 * 60,
    });
    // The refused request did not count: once the first leaves the window, one more fits.
    const t3 = new Date(t0.getTime() + 61 * 60_000);
    expect((await admitAssistantRequest(handle.db, id, workspaceId, limits, t3)).ok).toBe(true);
  });

  it('refuses once the tokens of the last 24 hours reach the budget and reports what is left', async () => {
    const id = await user();
    const limits = { requestsPerHour: 100, tokensPerDay: 1000 };
    const t0 = new Date('2026-01-02T10:00:00Z');
    const first = await admitAssistantRequest(handle.db, id, workspaceId, limits, t0);
    if (!first.ok) throw new Error('refused');
    expect(first.tokensLeft).toBe(1000);
    await recordAssistantTokens(handle.db, first.requestId, 600);
    const second = await admitAssistantRequest(
      handle.db,
      id,
      workspaceId,
      limits,
      new Date(t0.getTime() + 60_000),
    );
    expect(second).toMatchObject({ ok: true, tokensLeft: 400 });
    if (second.ok) await recordAssistantTokens(handle.db, second.requestId, 500);
    const third = await admitAssistantRequest(
      handle.db,
      id,
      workspaceId,
      limits,
      new Date(t0.getTime() + 120_000),
    );
    expect(third).toEqual({ ok: false, reason: 'tokens', retryAfterSeconds: 24 * 3600 - 120 });
    // Someone else's usage is not counted against this user.
    expect((await admitAssistantRequest(handle.db, await user(), workspaceId, limits, t0)).ok).toBe(true);
  });
});
