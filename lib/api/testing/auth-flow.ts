/**
 * Auth.js itself (its core `Auth`, with the app's real configuration on a test database) behind plain Requests:
 * sign in with credentials, read the session a cookie gives, sign out. Lets tests exercise the session cookie
 * path end to end; stub `@/lib/auth/auth` with `auth: () => flow.session(cookie)` to make route handlers see it.
 */
import { Auth, type AuthConfig } from '@auth/core';
import type { Session } from 'next-auth';
import { authConfig } from '@/lib/auth/config';
import { PEER_HEADER, peerHeaderValue } from '@/lib/auth/peer-address';
import type { Db } from '@/lib/db/connect';

const BASE = 'http://local/api/auth';
const SESSION_COOKIE = 'authjs.session-token';

/** `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Headers that make a request come from `address` as the socket's peer (what instrumentation.ts records). */
export const fromAddress = (address: string) => ({ [PEER_HEADER]: peerHeaderValue(address) });

export function authFlow(db: Db) {
  const config = {
    ...authConfig(db),
    basePath: '/api/auth',
    // Wrong passwords are what these tests send; Auth.js would log each one as an error.
    logger: {
      error: (e: Error) => (e as { type?: string }).type !== 'CredentialsSignin' && console.error(e),
    },
  } as AuthConfig;
  const call = (path: string, init: RequestInit = {}) => Auth(new Request(`${BASE}/${path}`, init), config);

  async function csrf(): Promise<{ token: string; cookie: string }> {
    const response = await call('csrf');
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { token: csrfToken, cookie: cookiesOf(response).join('; ') };
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  return {
    /** The session cookie (`authjs.session-token=...`) of a successful sign-in, or null. */
    async signIn(
      email: string,
      password: string,
      address = '192.0.2.1',
      headers: Record<string, string> = {},
    ): Promise<string | null> {
      const { token, cookie } = await csrf();
      const response = await call('callback/credentials', {
        method: 'POST',
        body: form({ csrfToken: token, email, password }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie,
          ...headers,
          ...fromAddress(address),
        },
      });
      return cookiesOf(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > 30) ?? null;
    },
    /** What `auth()` answers for a request carrying `cookie`. */
    async session(cookie: string | null): Promise<Session | null> {
      if (!cookie) return null;
      const response = await call('session', { headers: { cookie } });
      return (await response.json()) as Session | null;
    },
    async signOut(cookie: string): Promise<void> {
      const { token, cookie: csrfCookie } = await csrf();
      await call('signout', {
        method: 'POST',
        body: form({ csrfToken: token }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${csrfCookie}; ${cookie}` },
      });
    },
    handler: (request: Request) => Auth(request, config),
  };
}
