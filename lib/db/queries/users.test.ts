import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
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
});
