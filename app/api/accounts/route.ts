import { createAccount } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { hashPassword } from '@/lib/auth/password';
import { createUser } from '@/lib/db/queries/users';

export const POST = route(createAccount, async ({ db, body }) => {
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
