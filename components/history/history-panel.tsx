'use client';

import './history.css';
import { useCallback, useEffect, useState } from 'react';
import { RelativeTime } from '@/components/dashboard/relative-time';
import { useEditor } from '@/components/editor/store/editor-context';
import { type SaveStatus, saveStatusOf } from '@/components/editor/store/editor-state';
import { callApi } from '@/lib/api/client';
import { DiffView, type VersionDiff, warningsKey } from './diff-view';
import { PendingChanges, pendingWarnings, usePendingDiff } from './pending-changes';

export interface VersionSummary {
  id: string;
  number: number;
  message: string;
  authorId: string | null;
  authorEmail: string | null;
  createdAt: string;
}

const UNSAVED_TEXT: Record<Exclude<SaveStatus, 'saved'>, string> = {
  saving: 'Saving…',
  dirty: 'Unsaved changes: waiting for the autosave…',
  error: 'The design could not be saved: fix the save error before committing.',
};

/**
 * Committed versions of a workspace's design: commit the stored design with a message, compare two versions
 * (with the changes that would lose data when migrated) and restore an old one (which reloads the editor).
 * Before a commit, the pending changes since the latest version are shown with their data-loss warnings; a
 * commit that loses data needs them acknowledged.
 */
export function HistoryPanel({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const base = `/api/workspaces/${workspaceId}/versions`;
  const status = useEditor(saveStatusOf);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [message, setMessage] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [diff, setDiff] = useState<{ from: number; to: number; result: VersionDiff } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const pending = usePendingDiff(workspaceId, refresh);
  // The warnings the person acknowledged (their key): other warnings need a new acknowledgement.
  const [acknowledged, setAcknowledged] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await callApi<{ items: VersionSummary[] }>(base);
    if (!result.ok) return setError(result.error.message);
    setVersions(result.data.items);
    return result.data.items;
  }, [base]);

  const showDiff = useCallback(
    async (from: number, to: number) => {
      const [a, b] = from < to ? [from, to] : [to, from];
      const result = await callApi<VersionDiff>(`${base}/${a}/diff/${b}`);
      if (!result.ok) return setError(result.error.message);
      setDiff({ from: a, to: b, result: result.data });
    },
    [base],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function commit() {
    setError(null);
    setBusy(true);
    try {
      const result = await callApi<VersionSummary>(base, { method: 'POST', body: { message } });
      if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
      setMessage('');
      setAcknowledged(null);
      setRefresh((n) => n + 1);
      await load();
      const n = result.data.number;
      if (n > 1) {
        setSelected([n - 1, n]);
        await showDiff(n - 1, n);
      } else {
        setSelected([]);
        setDiff(null);
      }
    } finally {
      setBusy(false);
    }
  }

  async function restore(n: number) {
    setError(null);
    setBusy(true);
    const result = await callApi<{ version: VersionSummary; designVersion: number }>(`${base}/${n}/restore`, {
      method: 'POST',
    });
    if (!result.ok) {
      setBusy(false);
      setConfirming(null);
      return setError(result.error.message);
    }
    // The stored design changed under the editor: start again from it.
    window.location.reload();
  }

  function toggle(n: number) {
    const next = selected.includes(n) ? selected.filter((x) => x !== n) : [...selected, n].slice(-2);
    setSelected(next);
    const [a, b] = next;
    if (a !== undefined && b !== undefined) void showDiff(a, b);
    else setDiff(null);
  }

  const saved = status === 'saved';
  const last = versions?.at(-1);
  const warnings = pendingWarnings(pending);
  const confirmed = warnings.length === 0 || acknowledged === warningsKey(warnings);
  // Known pending changes (or a failed check, said under the form) and, when they lose data, acknowledged.
  const canCommit = saved && !busy && message.trim() !== '' && pending.phase !== 'loading' && confirmed;

  return (
    <div className="history-panel">
      <div className="history-head">
        <h2 id="history-title">Version history</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>

      <form
        className="history-commit"
        aria-label="Commit version"
        onSubmit={(e) => {
          e.preventDefault();
          if (canCommit) void commit();
        }}
      >
        <label>
          Message
          <input
            value={message}
            maxLength={500}
            placeholder="What changed?"
            onChange={(e) => setMessage(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className={warnings.length > 0 ? 'danger' : 'primary'}
          disabled={!canCommit}
          title={confirmed ? undefined : 'Acknowledge the data loss below first'}
        >
          Commit
        </button>
      </form>
      <p className="muted">
        {saved
          ? last
            ? `Commits the saved design as version ${last.number + 1}.`
            : 'Commits the saved design as version 1.'
          : UNSAVED_TEXT[status]}
      </p>
      <PendingChanges
        state={pending}
        acknowledged={acknowledged !== null && acknowledged === warningsKey(warnings)}
        onAcknowledge={setAcknowledged}
      />
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}

      <h3>Versions</h3>
      {versions === null ? (
        <p className="muted">Loading…</p>
      ) : versions.length === 0 ? (
        <p className="muted">No versions yet.</p>
      ) : (
        <table className="history-table" aria-label="Versions">
          <thead>
            <tr>
              <th>
                <span className="sr-only">Compare</span>
              </th>
              <th>#</th>
              <th>Message</th>
              <th>Author</th>
              <th>When</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.id} aria-label={`Version ${v.number}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare version ${v.number}`}
                    checked={selected.includes(v.number)}
                    onChange={() => toggle(v.number)}
                  />
                </td>
                <td>v{v.number}</td>
                <td>{v.message}</td>
                <td>{v.authorEmail ?? '—'}</td>
                <td>
                  <RelativeTime iso={v.createdAt} />
                </td>
                <td>
                  <div className="history-actions">
                    {confirming === v.number ? (
                      <>
                        <span>Replace the design with v{v.number}?</span>
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => void restore(v.number)}
                        >
                          Confirm restore
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        disabled={busy || !saved}
                        title={saved ? undefined : 'Wait for the design to be saved'}
                        onClick={() => setConfirming(v.number)}
                      >
                        Restore
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {versions && versions.length > 1 && !diff && (
        <p className="muted">Select two versions to compare them.</p>
      )}
      {diff && <DiffView from={diff.from} to={diff.to} diff={diff.result} />}
    </div>
  );
}
