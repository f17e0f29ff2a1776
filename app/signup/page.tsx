import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { currentUser } from '@/lib/auth/session';

export const metadata = { title: 'Sign up · Fastdraft' };

export default async function SignUpPage() {
  if (await currentUser()) redirect('/dashboard');
  return (
    <main className="page">
      <div className="card auth-card">
        <h1>Create your account</h1>
        <SignUpForm />
      </div>
    </main>
  );
}
