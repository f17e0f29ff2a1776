import 'server-only';
import type { Db } from '@/lib/db/connect';
import { clearFailures, lockedForSeconds, recordFailure } from '@/lib/db/queries/sign-in-failures';
import { findUserByEmail, type UserRow } from '@/lib/db/queries/users';
import { env } from '@/lib/env';
import { verifyPassword } from './password';

export type SignInResult = { ok: true; user: UserRow } | { ok: false; retryAfterSeconds?: number };

// A constant hash keeps the timing of an unknown email close to a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0n5hD0V1l0Mm7Yh2D8l2l3B0e3d1JY1kXl7w3o5pJ2Y';

/** Checks credentials, rate limited per account and per client address. */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<SignInResult> {
  const limits = { maxFailures: env().SIGNIN_MAX_FAILURES, windowSeconds: env().SIGNIN_WINDOW_SECONDS };
  const keys = [`account:${email.toLowerCase()}`, `address:${address}`];
  const wait = await lockedForSeconds(db, keys, limits, now);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && valid) {
    await clearFailures(db, [keys[0]!]);
    return { ok: true, user };
  }
  await recordFailure(db, keys, limits, now);
  const waitNow = await lockedForSeconds(db, keys, limits, now);
  return waitNow > 0 ? { ok: false, retryAfterSeconds: waitNow } : { ok: false };
}
