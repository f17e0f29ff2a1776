'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/api/client';

/** The explicit step of an edit link: opening it changes nothing; joining is this POST. */
export function JoinWorkspace({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setPending(true);
    setError(null);
    const result = await callApi<{ workspaceId: string }>(`/api/share/${encodeURIComponent(token)}/accept`, {
      method: 'POST',
    });
    if (!result.ok) {
      setPending(false);
      setError(result.error.message);
      return;
    }
    router.push(`/w/${result.data.workspaceId}`);
  }

  return (
    <main className="page">
      <div className="card auth-card stack">
        <h1>Join “{workspaceName}”</h1>
        <p className="muted">This link invites you to edit the workspace as a collaborator.</p>
        {error && (
          <div role="alert" className="alert error">
            {error}
          </div>
        )}
        <button className="primary" type="button" onClick={join} disabled={pending}>
          {pending ? 'Joining…' : 'Join workspace'}
        </button>
      </div>
    </main>
  );
}
