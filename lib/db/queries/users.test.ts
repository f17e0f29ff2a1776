import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { clearFailures, lockedForSeconds, recordFailure } from './sign-in-failures';
import { createUser, findUserByEmail } from './users';

describe.each(testDatabases)('users and sign-in failures on $name', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('refuses a second account with the same email in any letter case', async () => {
    const email = uniqueEmail('Case');
    expect(await createUser(handle.db, { email, name: 'A', passwordHash: 'h' })).not.toBeNull();
    expect(
      await createUser(handle.db, { email: email.toUpperCase(), name: 'B', passwordHash: 'h' }),
    ).toBeNull();
    expect((await findUserByEmail(handle.db, email.toUpperCase()))?.name).toBe('A');
  });

  it('locks a key after the maximum failures until the window ends, and clears', async () => {
    const limits = { maxFailures: 3, windowSeconds: 60 };
    const key = `account:${uniqueEmail()}`;
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 2; i++) await recordFailure(handle.db, [key], limits, t0);
    expect(await lockedForSeconds(handle.db, [key], limits, t0)).toBe(0);
    await recordFailure(handle.db, [key], limits, t0);
    expect(await lockedForSeconds(handle.db, [key], limits, new Date(t0.getTime() + 10_000))).toBe(50);
    expect(await lockedForSeconds(handle.db, [key], limits, new Date(t0.getTime() + 61_000))).toBe(0);
    // A failure after the window starts a new count.
    await recordFailure(handle.db, [key], limits, new Date(t0.getTime() + 61_000));
    expect(await lockedForSeconds(handle.db, [key], limits, new Date(t0.getTime() + 62_000))).toBe(0);
    await clearFailures(handle.db, [key]);
  });
});
