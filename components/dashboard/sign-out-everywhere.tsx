'use client';

import { useState } from 'react';
import { callApi } from '@/lib/api/client';

/** Ends every session of the account (other browsers and devices too), then this one goes to sign-in. */
export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    const result = await callApi('/api/sessions', { method: 'DELETE' });
    if (!result.ok) {
      setPending(false);
      setError(result.error.message);
      return;
    }
    window.location.assign('/signin');
  }

  return (
    <section className="stack-tight" aria-label="Sessions" style={{ marginTop: '2rem' }}>
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}
      <div className="row">
        <button type="button" onClick={onClick} disabled={pending}>
          {pending ? 'Signing out everywhere…' : 'Sign out everywhere'}
        </button>
        <span className="muted">Ends your sessions on every browser and device, this one included.</span>
      </div>
    </section>
  );
}
