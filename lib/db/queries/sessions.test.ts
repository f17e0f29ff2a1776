import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from '@/lib/api/testing/route-calls';
import type { DbHandle } from '../connect';
import { userSessions } from '../schema';
import { testDatabases } from '../testing/databases';
import { createSession, revokeSession, revokeUserSessions, sessionActive } from './sessions';

describe.each(testDatabases)('sessions on $name', (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it('revokes one session or all of a user, and drops rows revoked long ago', async () => {
    const [ann, ben] = [await testUser(handle.db, 'ann'), await testUser(handle.db, 'ben')];
    const a1 = await createSession(handle.db, ann.id);
    const a2 = await createSession(handle.db, ann.id);
    const b1 = await createSession(handle.db, ben.id);
    const t0 = new Date('2026-01-01T00:00:00Z');
    await revokeSession(handle.db, a1, t0);
    expect([await sessionActive(handle.db, a1), await sessionActive(handle.db, a2)]).toEqual([false, true]);
    expect(await revokeUserSessions(handle.db, ann.id, t0)).toEqual([a2]);
    expect(await sessionActive(handle.db, a2)).toBe(false);
    expect(await sessionActive(handle.db, b1)).toBe(true);
    expect(await sessionActive(handle.db, 'no-such-session')).toBe(false);
    await createSession(handle.db, ann.id, new Date(t0.getTime() + 2 * 86_400_000));
    const rows = await handle.db.select().from(userSessions).where(eq(userSessions.userId, ann.id));
    expect(rows.map((r) => r.revokedAt)).toEqual([null]);
  });
});
