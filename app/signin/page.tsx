import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { callbackReason, safeCallback } from '@/lib/auth/callback';
import { currentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata = { title: 'Sign in · Fastdraft' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallback(typeof raw === 'string' ? raw : undefined);
  if (await currentUser()) redirect(callbackUrl);
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  const reason = callbackReason(callbackUrl);
  return (
    <main className="page">
      <div className="card auth-card">
        <h1>Sign in</h1>
        {reason && (
          <p role="status" className="alert info">
            {reason}
          </p>
        )}
        <SignInForm githubEnabled={Boolean(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET)} callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
