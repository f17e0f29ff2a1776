'use client';

import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { useEditorActions } from '../store/use-editor-actions';

/**
 * The workspace's one name (the dashboard lists the same): one line, cut with an ellipsis, the whole name in
 * the tooltip. The owner renames it here; the server keeps the design's name (the project title) equal to it,
 * and the editor's copy of the design follows so the Code view shows the new title at once.
 */
export function WorkspaceName({
  workspaceId,
  initial,
  canRename,
}: {
  workspaceId: string | undefined;
  initial: string;
  canRename: boolean;
}) {
  const actions = useEditorActions();
  const [name, setName] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function rename(next: string) {
    const trimmed = next.trim();
    if (trimmed === name || !workspaceId) return setEditing(false);
    setBusy(true);
    const result = await callApi<{ name: string }>(`/api/workspaces/${workspaceId}`, {
      method: 'PATCH',
      body: { name: trimmed },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setName(result.data.name);
    setError(null);
    setEditing(false);
    actions.apply('Rename', { op: 'renameDesign', name: result.data.name }, { coalesceKey: 'design-name' });
  }

  if (editing) {
    return (
      <form
        className="workspace-name-form"
        onSubmit={(e) => {
          e.preventDefault();
          void rename(String(new FormData(e.currentTarget).get('name') ?? ''));
        }}
      >
        <input
          name="name"
          aria-label="Workspace name"
          defaultValue={name}
          maxLength={100}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          title={error ?? undefined}
          autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setError(null);
              setEditing(false);
            }
          }}
        />
        <button type="submit" className="small" disabled={busy}>
          Save
        </button>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </form>
    );
  }
  return (
    <>
      <span className="design-name" title={name}>
        {name || 'Untitled'}
      </span>
      {canRename && (
        // Its own button (not the name): a name never becomes part of another control's accessible name.
        <button
          type="button"
          className="small rename-workspace"
          title="Rename the workspace"
          aria-label="Rename workspace"
          onClick={() => setEditing(true)}
        >
          ✎
        </button>
      )}
    </>
  );
}
