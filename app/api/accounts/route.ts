import { createAccount } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { clientAddress } from '@/lib/auth/client-address';
import { hashPassword } from '@/lib/auth/password';
import { takeAttempt } from '@/lib/db/queries/rate-limits';
import { createUser } from '@/lib/db/queries/users';
import { env } from '@/lib/env';

export const POST = route(createAccount, async ({ request, db, body }) => {
  // Counted before the (expensive) password hash, whether or not the account is then created.
  const { SIGNUP_MAX_PER_ADDRESS, SIGNUP_WINDOW_SECONDS } = env();
  const attempt = await takeAttempt(
    db,
    `signup:address:${clientAddress(request)}`,
    { max: SIGNUP_MAX_PER_ADDRESS, windowSeconds: SIGNUP_WINDOW_SECONDS },
    new Date(),
  );
  if (!attempt.allowed) {
    const wait = attempt.lockedForSeconds;
    throw new ApiError(
      'rate_limited',
      `Too many sign-ups from your address. Try again in ${wait} seconds.`,
      undefined,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const user = await createUser(db, {
    email: body.email,
    name: body.name || null,
    passwordHash: await hashPassword(body.password),
  });
  if (!user) {
    throw new ApiError('conflict', 'An account with this email already exists. Sign in instead.', [
      { path: 'email', message: 'This email is already registered.' },
    ]);
  }
  return { id: user.id, email: user.email };
});
