'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { CodeView } from '@/components/code/code-view';
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
import { type EditorView, VIEW_PANEL_ID, VIEW_TAB_ID } from './toolbar/view-tabs';

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
  const [view, setView] = useState<EditorView>('design');
  // The Code view mounts on first use and then stays, so it can tell what changed since it last generated.
  const [codeOpened, setCodeOpened] = useState(false);
  const changeView = (next: EditorView) => {
    if (next === 'code') setCodeOpened(true);
    setView(next);
  };
  return (
    <div className="editor">
      <Toolbar view={view} onViewChange={changeView} />
      <SaveBanner workspaceId={workspaceId} />
      <div
        className="editor-main"
        role="tabpanel"
        id={VIEW_PANEL_ID.design}
        aria-labelledby={VIEW_TAB_ID.design}
        style={view === 'design' ? undefined : { display: 'none' }}
      >
        <div className="editor-center">
          <div className="editor-canvas">
            <Canvas />
            <Notice />
          </div>
          <ProblemsPanel />
        </div>
        <Inspector />
      </div>
      {codeOpened && (
        <div
          className="editor-main"
          role="tabpanel"
          id={VIEW_PANEL_ID.code}
          aria-labelledby={VIEW_TAB_ID.code}
          style={view === 'code' ? undefined : { display: 'none' }}
        >
          <CodeView
            workspaceId={workspaceId}
            active={view === 'code'}
            onShowDesign={() => changeView('design')}
          />
        </div>
      )}
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
