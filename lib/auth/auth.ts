import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { db } from '@/lib/db/client';
import { accounts, sessions, users, verificationTokens } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { clientAddress } from './client-address';
import { SIGN_IN_ERROR, signInSchema } from './credentials';
import { authSecret } from './secret';
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

// Lazy: the database opens and the secret is read on the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(async (): Promise<NextAuthConfig> => {
  const database = await db();
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return {
    secret: authSecret(),
    trustHost: true,
    // Credentials sign-in requires JWT sessions.
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
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});
