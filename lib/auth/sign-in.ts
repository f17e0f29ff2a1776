import 'server-only';
import type { Db } from '@/lib/db/connect';
import { clearCounts, countAttempt, lockedForSeconds } from '@/lib/db/queries/rate-limits';
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
  const { SIGNIN_MAX_FAILURES, SIGNIN_MAX_FAILURES_PER_ADDRESS, SIGNIN_WINDOW_SECONDS } = env();
  // One address may serve many people (an office behind NAT), so it gets a larger allowance than one account.
  const rules = [
    { keys: [`signin:account:${email.toLowerCase()}`], max: SIGNIN_MAX_FAILURES },
    { keys: [`signin:address:${address}`], max: SIGNIN_MAX_FAILURES_PER_ADDRESS },
  ].map((r) => ({ ...r, windowSeconds: SIGNIN_WINDOW_SECONDS }));
  const lockedFor = async () =>
    Math.max(...(await Promise.all(rules.map((r) => lockedForSeconds(db, r.keys, r, now)))));
  const wait = await lockedFor();
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && valid) {
    await clearCounts(db, rules[0]!.keys);
    return { ok: true, user };
  }
  for (const rule of rules) await countAttempt(db, rule.keys, rule, now);
  const waitNow = await lockedFor();
  return waitNow > 0 ? { ok: false, retryAfterSeconds: waitNow } : { ok: false };
}
