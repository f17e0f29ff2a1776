'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useState } from 'react';
import { AssistantPanel, type AssistantSetup } from '@/components/assistant/assistant-panel';
import type { RevealTarget } from '@/components/code/code-editor';
import { CodeNavigationContext } from '@/components/code/code-navigation';
import { CodeView } from '@/components/code/code-view';
import { ImportProposalBar } from '@/components/import/import-proposal-bar';
import { IMPORT_PROPOSAL_PREFIX } from '@/components/import/import-types';
import { PreviewView } from '@/components/preview/preview-view';
import type { Design } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { Canvas } from './flow/canvas';
import { Inspector } from './inspector/inspector';
import { ProblemsProvider } from './problems/problems-context';
import { ProblemsPanel } from './problems/problems-panel';
import { SaveBanner } from './save/save-banner';
import { useAutosave } from './save/use-autosave';
import { EditorStoreProvider, useEditor } from './store/editor-context';
import { type EditorMode, EditorModeContext, useEditorMode } from './store/editor-mode';
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

/**
 * While a proposal is shown, the canvas says so (edits wait for Accept or Reject): the assistant's is decided in
 * its panel, an import's right here.
 */
function ProposalOverlay() {
  const proposal = useEditor((s) => s.proposal);
  if (!proposal) return null;
  if (proposal.id.startsWith(IMPORT_PROPOSAL_PREFIX)) return <ImportProposalBar label={proposal.label} />;
  return (
    <div className="proposal-overlay" role="status">
      Showing the assistant’s proposal: accept or reject it in the Assistant panel
    </div>
  );
}

/** One view's tab panel; hidden (not unmounted) while another view is shown, so it keeps its state. */
function ViewPanel({ view, shown, children }: { view: EditorView; shown: boolean; children: ReactNode }) {
  return (
    <div
      className="editor-main"
      role="tabpanel"
      id={VIEW_PANEL_ID[view]}
      aria-labelledby={VIEW_TAB_ID[view]}
      style={shown ? undefined : { display: 'none' }}
    >
      {children}
    </div>
  );
}

function EditorLayout({
  workspaceId,
  name,
  assistant,
}: {
  workspaceId: string;
  name?: string;
  assistant?: AssistantSetup;
}) {
  const { readOnly } = useEditorMode();
  const reviewing = useEditor((s) => s.proposal !== null);
  const [assistantOpen, setAssistantOpen] = useState(false);
  useAutosave(workspaceId, !readOnly);
  useShortcuts();
  const [view, setView] = useState<EditorView>('design');
  // The Code view mounts on first use and then stays, so it can tell what changed since it last generated.
  const [codeOpened, setCodeOpened] = useState(false);
  // Try it likewise: it keeps the running preview (and Swagger's authorization) while another view is shown.
  const [previewOpened, setPreviewOpened] = useState(false);
  // A file and line to show in the Code view (from a preview diagnostic).
  const [codeTarget, setCodeTarget] = useState<RevealTarget | null>(null);
  const changeView = (next: EditorView) => {
    if (next === 'code') setCodeOpened(true);
    if (next === 'preview') setPreviewOpened(true);
    setView(next);
  };
  const openInCode = (path: string) => {
    setCodeTarget({ path, line: 1, column: 1, nonce: Date.now() });
    changeView('code');
  };
  return (
    <CodeNavigationContext.Provider value={openInCode}>
      <div className="editor">
        <Toolbar
          workspaceName={name}
          view={view}
          onViewChange={changeView}
          assistantOpen={assistantOpen}
          onAssistantToggle={assistant && !readOnly ? () => setAssistantOpen(!assistantOpen) : undefined}
        />
        {!readOnly && <SaveBanner workspaceId={workspaceId} />}
        <div className="editor-body">
          <div className="editor-views">
            <ViewPanel view="design" shown={view === 'design'}>
              <div className="editor-center">
                <div className="editor-canvas">
                  <Canvas />
                  <Notice />
                  <ProposalOverlay />
                </div>
                <ProblemsPanel />
              </div>
              {/* Read only: the inspector still shows everything, its controls are disabled. */}
              <fieldset disabled={readOnly || reviewing} className="editor-fieldset">
                <Inspector />
              </fieldset>
            </ViewPanel>
            {codeOpened && (
              <ViewPanel view="code" shown={view === 'code'}>
                <CodeView
                  workspaceId={workspaceId}
                  active={view === 'code'}
                  onShowDesign={() => changeView('design')}
                  target={codeTarget}
                />
              </ViewPanel>
            )}
            {previewOpened && (
              <ViewPanel view="preview" shown={view === 'preview'}>
                <PreviewView
                  workspaceId={workspaceId}
                  active={view === 'preview'}
                  onShowDesign={() => changeView('design')}
                  onShowFile={(target) => {
                    setCodeTarget({ ...target, nonce: Date.now() });
                    changeView('code');
                  }}
                />
              </ViewPanel>
            )}
          </div>
          {assistant && !readOnly && (
            // Kept mounted while closed, so the conversation survives hiding the panel.
            <div className="editor-assistant" style={assistantOpen ? undefined : { display: 'none' }}>
              <AssistantPanel
                workspaceId={workspaceId}
                setup={assistant}
                onClose={() => setAssistantOpen(false)}
                onShowCode={() => changeView('code')}
              />
            </div>
          )}
        </div>
      </div>
    </CodeNavigationContext.Provider>
  );
}

const OWNER: EditorMode = { kind: 'member', role: 'owner' };

/** The design editor of one workspace: one store per mount, fed by the server-loaded design. */
export function Editor({
  workspaceId,
  name,
  design,
  version,
  userCode,
  mode = OWNER,
  assistant,
}: {
  workspaceId: string;
  /** The workspace's name, shown and renamed in the toolbar (members only). */
  name?: string;
  design: Design;
  version: number;
  /** The stored user code (handlers, hooks, custom tests). */
  userCode?: UserCode;
  /** Whether this server has an assistant provider (absent: no assistant, e.g. view links). */
  assistant?: AssistantSetup;
  /** Who opened it: a member (owner or collaborator), or a view link (read only). */
  mode?: EditorMode;
}) {
  return (
    <EditorModeContext.Provider value={mode}>
      <EditorStoreProvider
        design={design}
        version={version}
        userCode={userCode}
        readOnly={mode.kind === 'share'}
        historyKey={workspaceId}
      >
        <ProblemsProvider>
          <ReactFlowProvider>
            <EditorLayout workspaceId={workspaceId} name={name} assistant={assistant} />
          </ReactFlowProvider>
        </ProblemsProvider>
      </EditorStoreProvider>
    </EditorModeContext.Provider>
  );
}
