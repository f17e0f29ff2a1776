import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { safeCallback } from '@/lib/auth/callback';
import { currentUser } from '@/lib/auth/session';

export const metadata = { title: 'Sign up · Fastdraft' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallback(typeof raw === 'string' ? raw : undefined);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="page">
      <div className="card auth-card">
        <h1>Create your account</h1>
        {callbackUrl.startsWith('/s/') && (
          <p role="status" className="alert info">
            Create an account to open the shared workspace: you come back to it afterwards.
          </p>
        )}
        <SignUpForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
