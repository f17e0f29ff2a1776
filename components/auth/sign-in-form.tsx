'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { safeCallback, withCallback } from '@/lib/auth/callback';
import { SIGN_IN_ERROR } from '@/lib/auth/credentials';

export function signInMessage(code: string | undefined): string {
  if (code?.startsWith(SIGN_IN_ERROR.rateLimited)) {
    const seconds = Number(code.split(':')[1] ?? '60');
    const minutes = Math.ceil(seconds / 60);
    return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return 'Wrong email or password.';
}

export function SignInForm({
  githubEnabled,
  callbackUrl = '/dashboard',
}: {
  githubEnabled: boolean;
  /** Where to go once signed in (a share link asks to come back to itself). */
  callbackUrl?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (result?.error) {
      setError(signInMessage(result.code));
      return;
    }
    router.push(safeCallback(callbackUrl));
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Sign in">
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {githubEnabled && (
        <button type="button" onClick={() => signIn('github', { redirectTo: safeCallback(callbackUrl) })}>
          Sign in with GitHub
        </button>
      )}
      <p className="muted">
        No account yet?{' '}
        <Link href={withCallback('/signup', safeCallback(callbackUrl))}>Create an account</Link>
      </p>
    </form>
  );
}
