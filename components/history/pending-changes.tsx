'use client';

import { useEffect, useRef, useState } from 'react';
import { useEditor } from '@/components/editor/store/editor-context';
import { callApi } from '@/lib/api/client';
import { DestructiveWarnings, DiffGroups, isEmptyDiff, type VersionDiff, warningsKey } from './diff-view';

export type PendingDiff = { base: number | null; diff: VersionDiff | null; problems: number };

export type PendingState =
  | { phase: 'loading' }
  | { phase: 'ready'; result: PendingDiff }
  | { phase: 'failed'; message: string };

export const PENDING_DELAY_MS = 400;

/**
 * What committing would change, kept current: the latest version against the editor's design (the one the commit
 * stores once autosaved), asked again a moment after each change and after each commit (`refresh`). Only the
 * newest answer is applied.
 */
export function usePendingDiff(workspaceId: string, refresh: number): PendingState {
  const design = useEditor((s) => s.design);
  const userCode = useEditor((s) => s.userCode);
  const [state, setState] = useState<PendingState>({ phase: 'loading' });
  const latest = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    // A commit changes the base: `refresh` asks again for the same design.
    void refresh;
    const request = ++latest.current;
    setState({ phase: 'loading' });
    const delay = first.current ? 0 : PENDING_DELAY_MS;
    first.current = false;
    const timer = setTimeout(async () => {
      const result = await callApi<PendingDiff>(`/api/workspaces/${workspaceId}/versions/pending-diff`, {
        method: 'POST',
        body: { design, userCode },
      });
      if (request !== latest.current) return;
      setState(
        result.ok
          ? { phase: 'ready', result: result.data }
          : { phase: 'failed', message: result.error.message },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [workspaceId, design, userCode, refresh]);

  return state;
}

/** The warnings a commit needs acknowledged ([] when none, or not known yet). */
export const pendingWarnings = (state: PendingState) =>
  state.phase === 'ready' ? (state.result.diff?.warnings ?? []) : [];

/**
 * The pending changes under the commit form, with the destructive ones first and prominent, and the
 * acknowledgement a destructive commit needs.
 */
export function PendingChanges({
  state,
  acknowledged,
  onAcknowledge,
}: {
  state: PendingState;
  acknowledged: boolean;
  onAcknowledge: (key: string | null) => void;
}) {
  if (state.phase === 'loading')
    return (
      <p className="muted" role="status">
        Checking what this commit changes…
      </p>
    );
  if (state.phase === 'failed')
    return (
      <p className="muted" role="status">
        Could not check what this commit changes: {state.message}
      </p>
    );
  const { base, diff, problems } = state.result;
  if (base === null || diff === null)
    return <p className="muted">The first version: generated migrations start from it.</p>;
  const key = warningsKey(diff.warnings);
  return (
    <section className="history-diff history-pending" aria-label="Pending changes">
      <h3>Not committed yet: changes since v{base}</h3>
      <DestructiveWarnings
        warnings={diff.warnings}
        title={`Committing will lose data: migrating a database from v${base} to this version`}
      >
        <label className="history-acknowledge">
          <input
            type="checkbox"
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.target.checked ? key : null)}
          />
          I understand that this data is lost when the database is migrated
        </label>
      </DestructiveWarnings>
      {problems > 0 && (
        <p className="muted">
          The design has {problems} {problems === 1 ? 'problem' : 'problems'}: data-loss checks run once{' '}
          {problems === 1 ? 'it is' : 'they are'} fixed.
        </p>
      )}
      {isEmptyDiff(diff) ? <p className="muted">No changes since v{base}.</p> : <DiffGroups diff={diff} />}
    </section>
  );
}
