import 'server-only';
import { headers } from 'next/headers';
import { auth } from './auth';

/** Auth.js's session cookie (`__Secure-` over HTTPS, `.0`, `.1`… when chunked). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in user, or null. Every page and route handler asks this before touching data. */
export async function currentUser(): Promise<SessionUser | null> {
  // No cookie, no session: skip Auth.js, whose first call opens the database (seconds on a fresh start).
  if (!SESSION_COOKIE.test((await headers()).get('cookie') ?? '')) return null;
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}
