'use client';

import { useReactFlow } from '@xyflow/react';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { CUSTOM_ENDPOINTS_NODE_ID, type LoadIssue, uniqueName } from '@/lib/design';
import { nextNodePosition } from '@/lib/design/placement';
import { FIT_VIEW_OPTIONS } from '../flow/fit-view';
import { useLayout } from '../flow/use-layout';
import { useAddCustomEndpoint } from '../inspector/custom-endpoints-section';
import { newId } from '../model/ids';
import { useProblems } from '../problems/problems-context';
import { designFileName, downloadJson } from '../save/download';
import { SaveStatusIndicator } from '../save/save-status';
import { useEditor, useEditorStore } from '../store/editor-context';
import { useEditorMode } from '../store/editor-mode';
import { useEditorActions } from '../store/use-editor-actions';
import { HistoryButton } from './history-button';
import { ImportButton, ImportErrors } from './import-button';
import { ImportSourceButton } from './import-source-button';
import { ShareButton } from './share-button';
import { type EditorView, ViewTabs } from './view-tabs';
import { WorkspaceName } from './workspace-name';

const READ_ONLY_VIEWS = ['design', 'code'] as const;
export function Toolbar({
  view,
  onViewChange,
  assistantOpen,
  onAssistantToggle,
  workspaceName,
}: {
  /** The workspace's name (absent on a view link: the design's name, which the server keeps equal to it). */
  workspaceName?: string;
  view: EditorView;
  onViewChange: (view: EditorView) => void;
  assistantOpen?: boolean;
  /** Absent when the assistant is not offered (view links). */
  onAssistantToggle?: () => void;
}) {
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const name = useEditor((s) => s.design.name);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future[0]?.label);
  const [importIssues, setImportIssues] = useState<LoadIssue[] | null>(null);
  const { layingOut, autoLayout } = useLayout();
  const { readOnly, isOwner } = useEditorMode();
  const workspaceId = useParams<{ id: string }>()?.id;
  const problemCount = useProblems().length;

  const focusNode = (id: string) =>
    requestAnimationFrame(() => flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id }], duration: 200 }));
  const addEntity = () => {
    const { design } = store.getState();
    const id = newId('ent');
    const entityName = uniqueName('Entity', new Set(design.entities.map((e) => e.name)), '');
    actions.apply(
      'Add entity',
      { op: 'addEntity', id, name: entityName, position: nextNodePosition(design) },
      {
        select: { kind: 'element', id },
      },
    );
    focusNode(id);
  };
  const addEnum = () => {
    const { design } = store.getState();
    const id = newId('enm');
    const enumName = uniqueName('Status', new Set(design.enums.map((e) => e.name)), '');
    actions.apply(
      'Add enum',
      {
        op: 'addEnum',
        id,
        name: enumName,
        values: ['draft', 'published'],
        position: nextNodePosition(design),
      },
      {
        select: { kind: 'element', id },
      },
    );
    focusNode(id);
  };
  const addCustomEndpoint = useAddCustomEndpoint();
  const addEndpoint = () => {
    addCustomEndpoint();
    focusNode(CUSTOM_ENDPOINTS_NODE_ID);
  };
  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label="Editor">
        <WorkspaceName
          workspaceId={workspaceId}
          initial={workspaceName ?? name}
          canRename={isOwner && !readOnly && workspaceName !== undefined}
        />
        <ViewTabs view={view} onChange={onViewChange} views={readOnly ? READ_ONLY_VIEWS : undefined} />
        {readOnly && (
          <span className="read-only-badge" title="Opened through a view link: nothing here can be changed">
            View only
          </span>
        )}
        <div
          className="toolbar-group"
          style={view === 'design' && !readOnly ? undefined : { display: 'none' }}
        >
          {/* One "Add" label for three short buttons: their accessible names stay "Add entity" etc. */}
          <span className="toolbar-label" aria-hidden="true">
            Add
          </span>
          <button
            type="button"
            className="primary"
            aria-label="Add entity"
            title="Add an entity"
            onClick={addEntity}
          >
            Entity
          </button>
          <button type="button" aria-label="Add enum" title="Add an enum" onClick={addEnum}>
            Enum
          </button>
          <button
            type="button"
            aria-label="Add endpoint"
            title="Add a custom endpoint of no entity (an entity's inspector adds one of its own)"
            onClick={() => addEndpoint()}
          >
            Endpoint
          </button>
          <button
            type="button"
            title="Authentication settings (register, login, roles)"
            onClick={() => actions.select({ kind: 'auth' })}
          >
            Auth
          </button>
          <button
            type="button"
            aria-label="Auto layout"
            title="Lay the boxes out automatically"
            onClick={autoLayout}
            disabled={layingOut}
          >
            Layout
          </button>
        </div>
        <div className="toolbar-group" style={readOnly ? { display: 'none' } : undefined}>
          <button
            type="button"
            onClick={actions.undo}
            disabled={!undoLabel}
            aria-label="Undo"
            className="icon-button"
            title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          >
            ↶
          </button>
          <button
            type="button"
            onClick={actions.redo}
            disabled={!redoLabel}
            aria-label="Redo"
            className="icon-button"
            title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          >
            ↷
          </button>
        </div>
        <div className="toolbar-group">
          {!readOnly && <ImportButton onError={setImportIssues} />}
          {!readOnly && workspaceId && <ImportSourceButton workspaceId={workspaceId} />}
          <button
            type="button"
            title="Download the design as a JSON file"
            onClick={() => downloadJson(designFileName(name), store.getState().design)}
          >
            Export
          </button>
          {readOnly || !workspaceId ? null : problemCount === 0 ? (
            <a
              className="button"
              href={`/api/workspaces/${workspaceId}/export`}
              download
              aria-label="Download project"
              title="Download the generated project (zip)"
            >
              Download
            </a>
          ) : (
            // A disabled button shows no tooltip in some browsers: the wrapper carries it.
            <span title={`Fix the design's ${problemCount} problem(s) to download the project`}>
              <button type="button" disabled aria-label="Download project">
                Download
              </button>
            </span>
          )}
        </div>
        <div className="toolbar-spacer" />
        {onAssistantToggle && (
          <button type="button" aria-pressed={assistantOpen} onClick={onAssistantToggle}>
            Assistant
          </button>
        )}
        {!readOnly && workspaceId && <HistoryButton workspaceId={workspaceId} />}
        {isOwner && workspaceId && <ShareButton workspaceId={workspaceId} />}
        {!readOnly && <SaveStatusIndicator />}
      </div>
      {importIssues && <ImportErrors issues={importIssues} onDismiss={() => setImportIssues(null)} />}
    </>
  );
}
