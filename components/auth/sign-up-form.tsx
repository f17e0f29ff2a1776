'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/api/client';
import { safeCallback, withCallback } from '@/lib/auth/callback';
import { PASSWORD_RULE } from '@/lib/auth/credentials';

export function SignUpForm({
  callbackUrl = '/dashboard',
}: {
  /** Where to go once signed up (a share link's invite asks to come back to itself). */
  callbackUrl?: string;
}) {
  const next = safeCallback(callbackUrl);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setPending(true);
    setError(null);
    setFieldErrors({});
    const created = await callApi('/api/accounts', {
      method: 'POST',
      body: { email, password, name: String(form.get('name') ?? '') || undefined },
    });
    if (!created.ok) {
      setPending(false);
      const issues = created.error.issues ?? [];
      // Invalid fields say so under themselves; the banner is for the rest (taken email, server errors).
      setError(
        created.error.code === 'validation_failed' && issues.length > 0 ? null : created.error.message,
      );
      setFieldErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
      return;
    }
    const result = await signIn('credentials', { email, password, redirect: false });
    setPending(false);
    if (result?.error) {
      router.push(withCallback('/signin', next));
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Sign up">
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}
      <label>
        Name (optional)
        <input name="name" autoComplete="name" maxLength={100} />
      </label>
      <div className="stack-tight">
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required aria-invalid={!!fieldErrors.email} />
        </label>
        {fieldErrors.email && <span className="field-error">{fieldErrors.email}</span>}
      </div>
      <div className="stack-tight">
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={!!fieldErrors.password}
            aria-describedby="password-rule"
          />
        </label>
        <span id="password-rule" className="hint">
          Use {PASSWORD_RULE}.
        </span>
        {fieldErrors.password && <span className="field-error">{fieldErrors.password}</span>}
      </div>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </button>
      <p className="muted">
        Already have an account? <Link href={withCallback('/signin', next)}>Sign in</Link>
      </p>
    </form>
  );
}
