'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider } from '@xyflow/react';
import type { Design } from '@/lib/design';
import { Canvas } from './flow/canvas';
import { Inspector } from './inspector/inspector';
import { ProblemsProvider } from './problems/problems-context';
import { ProblemsPanel } from './problems/problems-panel';
import { SaveBanner } from './save/save-banner';
import { useAutosave } from './save/use-autosave';
import { EditorStoreProvider, useEditor } from './store/editor-context';
import { useEditorActions } from './store/use-editor-actions';
import { useShortcuts } from './store/use-shortcuts';
import { Toolbar } from './toolbar/toolbar';

function Notice() {
  const notice = useEditor((s) => s.notice);
  const actions = useEditorActions();
  if (!notice) return null;
  return (
    <div className="editor-notice" role="alert">
      {notice}
      <button type="button" className="link" onClick={actions.dismissNotice} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

function EditorLayout({ workspaceId }: { workspaceId: string }) {
  useAutosave(workspaceId);
  useShortcuts();
  return (
    <div className="editor">
      <Toolbar />
      <SaveBanner workspaceId={workspaceId} />
      <div className="editor-main">
        <div className="editor-center">
          <div className="editor-canvas">
            <Canvas />
            <Notice />
          </div>
          <ProblemsPanel />
        </div>
        <Inspector />
      </div>
    </div>
  );
}

/** The design editor of one workspace: one store per mount, fed by the server-loaded design. */
export function Editor({
  workspaceId,
  design,
  version,
}: {
  workspaceId: string;
  design: Design;
  version: number;
}) {
  return (
    <EditorStoreProvider design={design} version={version}>
      <ProblemsProvider>
        <ReactFlowProvider>
          <EditorLayout workspaceId={workspaceId} />
        </ReactFlowProvider>
      </ProblemsProvider>
    </EditorStoreProvider>
  );
}
