import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { clearCounts, countAttempt, lockedForSeconds } from './rate-limits';

describe.each(testDatabases)('rate limit counters on $name', (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it('locks a key after the maximum attempts until the window ends, then counts again from 1', async () => {
    const limit = { max: 3, windowSeconds: 60 };
    const key = `test:${uniqueEmail()}`;
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 2; i++) await countAttempt(handle.db, [key], limit, t0);
    expect(await lockedForSeconds(handle.db, [key], limit, t0)).toBe(0);
    await countAttempt(handle.db, [key], limit, t0);
    expect(await lockedForSeconds(handle.db, [key], limit, new Date(t0.getTime() + 10_000))).toBe(50);
    expect(await lockedForSeconds(handle.db, [key], limit, new Date(t0.getTime() + 61_000))).toBe(0);
    await countAttempt(handle.db, [key], limit, new Date(t0.getTime() + 61_000));
    expect(await lockedForSeconds(handle.db, [key], limit, new Date(t0.getTime() + 62_000))).toBe(0);
  });

  it('waits for the longest of several keys, and clears', async () => {
    const limit = { max: 1, windowSeconds: 100 };
    const [a, b] = [`test:${uniqueEmail('a')}`, `test:${uniqueEmail('b')}`];
    const t0 = new Date('2026-01-01T00:00:00Z');
    await countAttempt(handle.db, [a], limit, t0);
    await countAttempt(handle.db, [b], limit, new Date(t0.getTime() + 30_000));
    expect(await lockedForSeconds(handle.db, [a, b], limit, new Date(t0.getTime() + 40_000))).toBe(90);
    await clearCounts(handle.db, [a, b]);
    expect(await lockedForSeconds(handle.db, [a, b], limit, new Date(t0.getTime() + 40_000))).toBe(0);
  });
});
