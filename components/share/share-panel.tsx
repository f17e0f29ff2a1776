'use client';

import './share.css';
import { useCallback, useEffect, useState } from 'react';
import { RelativeTime } from '@/components/dashboard/relative-time';
import { callApi } from '@/lib/api/client';

interface Link {
  id: string;
  role: 'view' | 'edit';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}
interface Member {
  userId: string;
  email: string;
  name: string | null;
  addedAt: string;
}

const EXPIRY_DAYS = { never: null, '1': 1, '7': 7, '30': 30 } as const;
type Expiry = keyof typeof EXPIRY_DAYS;

const ROLE_TEXT = { view: 'View (read only)', edit: 'Edit (collaborator)' } as const;

/**
 * Share links and collaborators of one workspace. A token is shown only when its link is created (the server
 * keeps just its hash), so "Copy link" is offered for links made in this dialog.
 */
export function SharePanel({
  workspaceId,
  onClose,
  urls,
  onCreated,
}: {
  workspaceId: string;
  onClose: () => void;
  /** URLs of links created while this editor is open (kept by the caller across openings of the dialog). */
  urls: Record<string, string>;
  onCreated: (id: string, url: string) => void;
}) {
  const [links, setLinks] = useState<Link[] | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [lastCreated, setLastCreated] = useState<string | null>(null);
  const [role, setRole] = useState<'view' | 'edit'>('view');
  const [expiry, setExpiry] = useState<Expiry>('7');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const base = `/api/workspaces/${workspaceId}`;

  const load = useCallback(async () => {
    const [l, m] = await Promise.all([
      callApi<{ items: Link[] }>(`${base}/shares`),
      callApi<{ items: Member[] }>(`${base}/members`),
    ]);
    if (l.ok) setLinks(l.data.items);
    if (m.ok) setMembers(m.data.items);
    if (!l.ok || !m.ok) setError((!l.ok ? l.error : !m.ok ? m.error : null)?.message ?? null);
  }, [base]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setError(null);
    const days = EXPIRY_DAYS[expiry];
    const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString();
    const result = await callApi<Link & { token: string; url: string }>(`${base}/shares`, {
      method: 'POST',
      body: { role, expiresAt },
    });
    if (!result.ok) return setError(result.error.message);
    // The address this page was opened at (the server may only know its internal one).
    onCreated(result.data.id, new URL(`/s/${result.data.token}`, window.location.origin).toString());
    setLastCreated(result.data.id);
    await load();
  }

  async function revoke(id: string) {
    const result = await callApi(`${base}/shares/${id}`, { method: 'DELETE' });
    if (!result.ok) setError(result.error.message);
    await load();
  }

  async function removeMember(userId: string) {
    const result = await callApi(`${base}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
    if (!result.ok) setError(result.error.message);
    await load();
  }

  async function copy(id: string, url: string) {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(id);
  }

  return (
    <div className="share-panel">
      <div className="share-head">
        <h2 id="share-title">Share workspace</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <form
        className="share-create"
        aria-label="New share link"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          Access
          <select value={role} onChange={(e) => setRole(e.target.value as 'view' | 'edit')}>
            <option value="view">{ROLE_TEXT.view}</option>
            <option value="edit">{ROLE_TEXT.edit}</option>
          </select>
        </label>
        <label>
          Expires
          <select value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
            <option value="1">in 1 day</option>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="never">never</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Create link
        </button>
      </form>
      <p className="muted">
        A view link opens the workspace read only, for anyone who has it. An edit link asks for sign-in and
        makes that person a collaborator (they can edit the design, not rename, delete or share).
      </p>
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}

      <h3>Links</h3>
      {links === null ? (
        <p className="muted">Loading…</p>
      ) : links.length === 0 ? (
        <p className="muted">No links yet.</p>
      ) : (
        <table className="share-table" aria-label="Share links">
          <thead>
            <tr>
              <th>Access</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => {
              const url = urls[link.id];
              return (
                <tr key={link.id} aria-label={`${link.role} link`}>
                  <td>
                    <span className={`role-badge ${link.role}`}>
                      {link.role === 'view' ? 'View' : 'Edit'}
                    </span>
                  </td>
                  <td>
                    <RelativeTime iso={link.createdAt} />
                  </td>
                  <td>{link.expiresAt ? <RelativeTime iso={link.expiresAt} /> : 'never'}</td>
                  <td>{link.lastUsedAt ? <RelativeTime iso={link.lastUsedAt} /> : 'never'}</td>
                  <td className="share-actions">
                    {url ? (
                      <button type="button" onClick={() => copy(link.id, url)} data-url={url}>
                        {copied === link.id ? 'Copied' : 'Copy link'}
                      </button>
                    ) : (
                      <button type="button" disabled title="The link is shown only when it is created">
                        Copy link
                      </button>
                    )}
                    <button type="button" className="danger" onClick={() => revoke(link.id)}>
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {lastCreated && urls[lastCreated] && links?.some((l) => l.id === lastCreated) && (
        <label className="share-new">
          New link (shown only now: only its hash is stored)
          <input
            className="share-url"
            readOnly
            value={urls[lastCreated]}
            aria-label="New link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}

      <h3>Members</h3>
      {members === null ? (
        <p className="muted">Loading…</p>
      ) : members.length === 0 ? (
        <p className="muted">No collaborators yet. Share an edit link to add one.</p>
      ) : (
        <ul className="share-members" aria-label="Members">
          {members.map((m) => (
            <li key={m.userId} aria-label={m.email}>
              <span>
                {m.email}{' '}
                <span className="muted">
                  · editor · joined <RelativeTime iso={m.addedAt} />
                </span>
              </span>
              <button type="button" className="danger" onClick={() => removeMember(m.userId)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
