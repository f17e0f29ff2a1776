'use client';

import { type FormEvent, useState } from 'react';
import { callApi } from '@/lib/api/client';

const TEMPLATES = [
  { value: 'blank', label: 'Blank' },
  { value: 'blog', label: 'Blog (users, posts, comments, tags, follows)' },
  { value: 'todo', label: 'Todo lists' },
  { value: 'shop', label: 'Shop (products, orders, order lines)' },
  {
    value: 'conduit',
    label: 'Conduit (RealWorld: articles, favorites, follows, feed; camelCase, Token auth, field-map errors)',
  },
  { value: 'social', label: 'Social (posts, likes, follows, feed: behaviour without code)' },
];

export function NewWorkspaceForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await callApi<{ id: string }>('/api/workspaces', {
      method: 'POST',
      body: { name: String(form.get('name') ?? ''), template: String(form.get('template') ?? 'blank') },
    });
    if (!result.ok) {
      setPending(false);
      setError(result.error.issues?.[0]?.message ?? result.error.message);
      return;
    }
    onCreated(result.data.id);
  }

  return (
    <form
      className="card row"
      onSubmit={onSubmit}
      aria-label="New workspace"
      style={{ alignItems: 'flex-end' }}
    >
      <label style={{ flex: 1 }}>
        Workspace name
        <input name="name" required maxLength={100} placeholder="My API" />
      </label>
      <label>
        Template
        <select name="template" defaultValue="blank">
          {TEMPLATES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create workspace'}
      </button>
      {error && (
        <div role="alert" className="alert error" style={{ width: '100%' }}>
          {error}
        </div>
      )}
    </form>
  );
}
