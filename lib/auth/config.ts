import 'server-only';
// Auth.js core, which next-auth re-exports (the same classes): importable without Next.js, so tests run the
// real configuration (lib/api/testing/auth-flow.ts).
import { CredentialsSignin } from '@auth/core/errors';
import Credentials from '@auth/core/providers/credentials';
import GitHub from '@auth/core/providers/github';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { NextAuthConfig } from 'next-auth';
import type { Db } from '@/lib/db/connect';
import { accounts, sessions, users, verificationTokens } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { clientAddress } from './client-address';
import { SIGN_IN_ERROR, signInSchema } from './credentials';
import { authLogger } from './logger';
import { authSecret } from './secret';
import { endSession, isSessionActive, startSession } from './sessions';
import { checkCredentials } from './sign-in';

class InvalidCredentials extends CredentialsSignin {
  code = SIGN_IN_ERROR.invalid;
}

class RateLimited extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `${SIGN_IN_ERROR.rateLimited}:${seconds}`;
  }
}

/** The Auth.js configuration on a database (lib/auth/auth.ts opens it lazily; tests pass their own). */
export function authConfig(database: Db): NextAuthConfig {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return {
    secret: authSecret(),
    trustHost: true,
    // A wrong password is one line in the server's output, not a stack trace; real errors keep theirs.
    logger: authLogger(),
    // Credentials sign-in requires JWT sessions; each JWT names a row of user_sessions (`sid`), so a
    // signed-out or revoked token is refused server-side.
    session: { strategy: 'jwt' },
    adapter: DrizzleAdapter(database, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    pages: { signIn: '/signin' },
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const { email, password } = parsed.data;
          const result = await checkCredentials(database, email, password, clientAddress(request));
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
          if (result.retryAfterSeconds) throw new RateLimited(result.retryAfterSeconds);
          throw new InvalidCredentials();
        },
      }),
      ...(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET
        ? [GitHub({ clientId: AUTH_GITHUB_ID, clientSecret: AUTH_GITHUB_SECRET })]
        : []),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) return { ...token, sid: await startSession(database, user.id) };
        // Returning null makes Auth.js treat the request as signed out and clear the cookie.
        return typeof token.sid === 'string' && (await isSessionActive(database, token.sid)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endSession(database, sid);
      },
    },
  };
}
