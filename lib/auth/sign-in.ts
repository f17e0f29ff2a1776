import 'server-only';
import type { Db } from '@/lib/db/connect';
import { clearCounts, refundAttempt, takeAttempt } from '@/lib/db/queries/rate-limits';
import { findUserByEmail, type UserRow } from '@/lib/db/queries/users';
import { env } from '@/lib/env';
import { verifyPassword } from './password';

export type SignInResult = { ok: true; user: UserRow } | { ok: false; retryAfterSeconds?: number };

// A constant hash keeps the timing of an unknown email close to a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0n5hD0V1l0Mm7Yh2D8l2l3B0e3d1JY1kXl7w3o5pJ2Y';

/**
 * Checks credentials, rate limited per account and per client address. Every attempt is counted before the
 * password is verified (one atomic statement per key), and one past a limit is refused unverified, so parallel
 * guesses get no more verifications than the limit. A successful sign-in clears its account's count and gives
 * the address back its attempt.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<SignInResult> {
  const { SIGNIN_MAX_FAILURES, SIGNIN_MAX_FAILURES_PER_ADDRESS, SIGNIN_WINDOW_SECONDS } = env();
  // One address may serve many people (an office behind NAT), so it gets a larger allowance than one account.
  const account = { key: `signin:account:${email.toLowerCase()}`, max: SIGNIN_MAX_FAILURES };
  const place = { key: `signin:address:${address}`, max: SIGNIN_MAX_FAILURES_PER_ADDRESS };
  const rules = [account, place].map((r) => ({ ...r, windowSeconds: SIGNIN_WINDOW_SECONDS }));
  const attempts = await Promise.all(rules.map((r) => takeAttempt(db, r.key, r, now)));
  const wait = (values: number[]) => Math.max(0, ...values);
  if (attempts.some((a) => !a.allowed)) {
    return { ok: false, retryAfterSeconds: wait(attempts.map((a) => a.lockedForSeconds)) };
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && valid) {
    await clearCounts(db, [account.key]);
    await refundAttempt(db, place.key);
    return { ok: true, user };
  }
  const waitNow = wait(attempts.map((a) => a.lockedForSeconds));
  return waitNow > 0 ? { ok: false, retryAfterSeconds: waitNow } : { ok: false };
}
