import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { clearCounts, countAttempt, lockedForSeconds, refundAttempt, takeAttempt } from './rate-limits';

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

describe.each(testDatabases)('count-first attempts on $name', (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it('lets exactly `max` of many parallel attempts through, and refunds one', async () => {
    const limit = { max: 5, windowSeconds: 60 };
    const key = `test:${uniqueEmail('parallel')}`;
    const t0 = new Date('2026-01-01T00:00:00Z');
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () => takeAttempt(handle.db, key, limit, t0)),
    );
    expect(attempts.filter((a) => a.allowed)).toHaveLength(5);
    expect(attempts.filter((a) => a.lockedForSeconds === 60)).toHaveLength(46);
    await clearCounts(handle.db, [key]);
    for (let i = 0; i < 5; i++) await takeAttempt(handle.db, key, limit, t0);
    await refundAttempt(handle.db, key);
    expect((await takeAttempt(handle.db, key, limit, t0)).allowed).toBe(true);
    expect((await takeAttempt(handle.db, key, limit, t0)).allowed).toBe(false);
    // A new window starts again at 1.
    expect(await takeAttempt(handle.db, key, limit, new Date(t0.getTime() + 61_000))).toEqual({
      allowed: true,
      lockedForSeconds: 0,
    });
  });
});
