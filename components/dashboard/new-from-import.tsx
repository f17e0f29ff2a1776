'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ImportPanel } from '@/components/import/import-panel';
import { FORMAT_LABELS, type ImportAnswer } from '@/components/import/import-types';
import { keepPendingImport } from '@/components/import/pending-import';
import { DialogButton } from '@/components/ui/dialog-button';
import { callApi } from '@/lib/api/client';

/**
 * "New from SQL / OpenAPI": read a schema or document, show the report, then create a blank workspace and open
 * it with the import proposed on the canvas (accepting it there is one undoable step).
 */
export function NewFromImport() {
  return (
    <DialogButton label="New from SQL / OpenAPI" className="import-dialog" labelledBy="import-new-title">
      {(close) => (
        <ImportPanel
          title="New workspace from SQL or OpenAPI"
          titleId="import-new-title"
          endpoint="/api/import"
          onClose={close}
        >
          {(answer) => <CreateFromImport key={JSON.stringify(answer.highlight)} answer={answer} />}
        </ImportPanel>
      )}
    </DialogButton>
  );
}

function CreateFromImport({ answer }: { answer: ImportAnswer }) {
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState(answer.name.slice(0, 100));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setPending(true);
    setError(null);
    const created = await callApi<{ id: string }>('/api/workspaces', {
      method: 'POST',
      body: { name, template: 'blank' },
    });
    if (!created.ok) {
      setPending(false);
      setError(created.error.issues?.[0]?.message ?? created.error.message);
      return;
    }
    keepPendingImport(created.data.id, {
      label: `Import ${FORMAT_LABELS[answer.format]}`,
      operations: answer.operations,
      highlight: answer.highlight,
    });
    router.push(`/w/${created.data.id}`);
  }

  return (
    <form
      className="import-actions"
      aria-label="Create the workspace"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label htmlFor={nameId}>
        Workspace name
        <input id={nameId} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={pending || answer.operations.length === 0}>
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
