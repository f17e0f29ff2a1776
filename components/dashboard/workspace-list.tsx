'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { callApi } from '@/lib/api/client';
import { NewFromImport } from './new-from-import';
import { NewWorkspaceForm } from './new-workspace-form';
import { RelativeTime } from './relative-time';

export interface WorkspaceItem {
  id: string;
  name: string;
  updatedAt: string;
  /** `editor`: shared with me by `ownerEmail`; I may open and edit it, not rename, delete or share it. */
  role?: 'owner' | 'editor';
  ownerEmail?: string;
}

export function WorkspaceList({ initial }: { initial: WorkspaceItem[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<WorkspaceItem | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  async function run(action: Promise<{ ok: boolean; error?: { message: string } }>) {
    setError(null);
    const result = await action;
    if (!result.ok) setError(result.error?.message ?? 'Something went wrong.');
    router.refresh();
    return result.ok;
  }

  async function rename(item: WorkspaceItem, name: string) {
    if (await run(callApi(`/api/workspaces/${item.id}`, { method: 'PATCH', body: { name } })))
      setRenaming(null);
  }

  function askDelete(item: WorkspaceItem) {
    setToDelete(item);
    dialog.current?.showModal();
  }

  async function confirmDelete() {
    if (!toDelete) return;
    dialog.current?.close();
    await run(callApi(`/api/workspaces/${toDelete.id}`, { method: 'DELETE' }));
    setToDelete(null);
  }

  return (
    <section aria-labelledby="workspaces-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1 id="workspaces-title">Your workspaces</h1>
        <NewFromImport />
      </div>
      <NewWorkspaceForm onCreated={(id) => router.push(`/w/${id}`)} />
      {error && (
        <div role="alert" className="alert error" style={{ marginTop: '1rem' }}>
          {error}
        </div>
      )}
      {initial.length === 0 ? (
        <p className="empty">No workspaces yet. Create one from a template above.</p>
      ) : (
        <ul className="workspace-list" aria-label="Workspaces">
          {initial.map((item) => (
            <li key={item.id} className="workspace-item" aria-label={item.name}>
              {renaming === item.id ? (
                <form
                  className="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    rename(item, String(new FormData(e.currentTarget).get('name') ?? ''));
                  }}
                >
                  <input
                    name="name"
                    aria-label="New name"
                    defaultValue={item.name}
                    maxLength={100}
                    autoFocus
                  />
                  <button type="submit" className="primary">
                    Save
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <div>
                  <Link className="name" href={`/w/${item.id}`}>
                    {item.name}
                  </Link>
                  <div className="muted">
                    Edited <RelativeTime iso={item.updatedAt} />
                    {item.role === 'editor' && (
                      <span className="shared-badge" style={{ color: 'var(--indigo)' }}>
                        {' '}
                        · Shared with you by {item.ownerEmail}
                      </span>
                    )}
                  </div>
                </div>
              )}
              <div className="row">
                {item.role !== 'editor' && (
                  <button
                    type="button"
                    onClick={() => setRenaming(item.id)}
                    aria-label={`Rename ${item.name}`}
                  >
                    Rename
                  </button>
                )}
                <button
                  type="button"
                  onClick={() =>
                    run(callApi(`/api/workspaces/${item.id}/duplicate`, { method: 'POST', body: {} }))
                  }
                  aria-label={`Duplicate ${item.name}`}
                >
                  Duplicate
                </button>
                {item.role !== 'editor' && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => askDelete(item)}
                    aria-label={`Delete ${item.name}`}
                  >
                    Delete
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <dialog ref={dialog} aria-labelledby="delete-title" onClose={() => setToDelete(null)}>
        <h2 id="delete-title">Delete “{toDelete?.name}”?</h2>
        <p className="muted">The workspace and its design are deleted for good.</p>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={confirmDelete}>
            Delete workspace
          </button>
        </div>
      </dialog>
    </section>
  );
}
