import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata = { title: 'Sign in · Fastdraft' };

export default async function SignInPage() {
  if (await currentUser()) redirect('/dashboard');
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return (
    <main className="page">
      <div className="card auth-card">
        <h1>Sign in</h1>
        <SignInForm githubEnabled={Boolean(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET)} />
      </div>
    </main>
  );
}
