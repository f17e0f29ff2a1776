/** Share-link guesses are counted before the lookup: parallel unknown tokens get no more lookups than the limit. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/lib/db/connect';
import { createShareLink } from '@/lib/db/queries/shares';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases, uniqueEmail } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import { testUser } from './testing/route-calls';

const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/db/queries/shares', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db/queries/shares')>();
  return {
    ...original,
    resolveShareToken: (...args: Parameters<typeof original.resolveShareToken>) => {
      lookups.count++;
      return original.resolveShareToken(...args);
    },
  };
});

const { requireShare, shareLimits } = await import('./access');

const statusOf = (call: Promise<unknown>) =>
  call.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );
const unknownToken = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(39)}`;

describe.each(testDatabases)('share-link guesses on $name', (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it('looks up at most the limit of 50 parallel unknown tokens; the rest answer 429', async () => {
    const max = shareLimits().max;
    const address = `guess-${uniqueEmail()}`;
    lookups.count = 0;
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => statusOf(requireShare(handle.db, unknownToken(i), address))),
    );
    expect(lookups.count).toBe(max);
    expect(statuses.filter((s) => s === 404)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - max);
  });

  it('gives the attempt back for a token that names a link, so using a link never locks its holder out', async () => {
    const max = shareLimits().max;
    const address = `holder-${uniqueEmail()}`;
    const owner = await testUser(handle.db, 'owner');
    const ws = await createWorkspace(handle.db, owner.id, { name: 'Shared', design: templates.todo() });
    const { token } = await createShareLink(handle.db, {
      workspaceId: ws.id,
      role: 'view',
      createdBy: owner.id,
      expiresAt: null,
    });
    for (let i = 0; i < max - 1; i++)
      expect(await statusOf(requireShare(handle.db, unknownToken(i), address))).toBe(404);
    // One after the other (parallel ones near the limit may be refused: each is counted before it is looked up).
    const uses: number[] = [];
    for (let i = 0; i < 10; i++) uses.push(await statusOf(requireShare(handle.db, token, address)));
    expect(uses).toEqual(Array(10).fill(200));
    // One unknown token is still allowed (the link's uses were given back), the next one is not.
    expect(await statusOf(requireShare(handle.db, unknownToken(98), address))).toBe(404);
    expect(await statusOf(requireShare(handle.db, unknownToken(99), address))).toBe(429);
  });
});
