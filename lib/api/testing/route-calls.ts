/**
 * What tests of route handlers share: the Next.js context object, JSON requests, and signed-up users (the tests
 * stub the session with `vi.mock('@/lib/auth/session')`, which has to stay in each test file).
 */
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/connect';
import { createUser } from '@/lib/db/queries/users';
import { uniqueEmail } from '@/lib/db/testing/databases';

export const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

export const postJson = (body: unknown) =>
  new Request('http://local/api', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

export const getRequest = () => new Request('http://local/api');

/** A new account, as the session stub returns it. */
export async function testUser(db: Db, prefix: string): Promise<SessionUser> {
  const email = uniqueEmail(prefix);
  const row = await createUser(db, { email, name: null, passwordHash: 'x' });
  if (!row) throw new Error('user not created');
  return { id: row.id, email, name: null };
}
