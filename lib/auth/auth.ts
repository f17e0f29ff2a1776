import 'server-only';
import NextAuth from 'next-auth';
import { db } from '@/lib/db/client';
import { authConfig } from './config';

// Lazy: the database opens and the secret is read on the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => authConfig(await db()));
