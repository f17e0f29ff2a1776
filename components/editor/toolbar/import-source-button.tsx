'use client';

import { ImportPanel } from '@/components/import/import-panel';
import { FORMAT_LABELS, IMPORT_PROPOSAL_PREFIX } from '@/components/import/import-types';
import { usePendingImport } from '@/components/import/pending-import';
import { DialogButton } from '@/components/ui/dialog-button';
import { useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';

/**
 * "Import" (SQL / OpenAPI): a schema or document merged into the current design, planned on the server against
 * the in-memory design (fresh ids, clashes listed) and shown as a proposal on the canvas: Accept is one
 * undoable step. Also shows the import a new workspace was created from (the dashboard's dialog).
 */
export function ImportSourceButton({ workspaceId }: { workspaceId: string }) {
  const store = useEditorStore();
  const actions = useEditorActions();
  usePendingImport(workspaceId);
  return (
    <DialogButton
      label="Import"
      title="Import a SQL schema or an OpenAPI document into this design"
      className="import-dialog"
      labelledBy="import-merge-title"
    >
      {(close) => (
        <ImportPanel
          title="Import SQL or OpenAPI into this design"
          titleId="import-merge-title"
          endpoint={`/api/workspaces/${workspaceId}/import`}
          extraBody={() => ({ design: store.getState().design })}
          onClose={close}
        >
          {(answer) => (
            <div className="import-actions">
              <button
                type="button"
                className="primary"
                disabled={answer.operations.length === 0}
                onClick={() => {
                  actions.propose(
                    `${IMPORT_PROPOSAL_PREFIX}${Date.now()}`,
                    `Import ${FORMAT_LABELS[answer.format]}`,
                    answer.operations,
                    answer.highlight,
                  );
                  close();
                }}
              >
                Show on the canvas
              </button>
            </div>
          )}
        </ImportPanel>
      )}
    </DialogButton>
  );
}
