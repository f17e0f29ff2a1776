'use client';

import './code-view.css';
import { useReactFlow } from '@xyflow/react';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { nodeIdFor, selectedElementId } from '@/components/editor/model/find-element';
import { problemSelection } from '@/components/editor/problems/problem-target';
import { useEditorStore } from '@/components/editor/store/editor-context';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import type { Problem } from '@/lib/design';
import { BlockedView } from './blocked-view';
import type { RevealTarget } from './code-editor';
import { DiagnosticsList } from './diagnostics-list';
import { countChanges } from './file-changes';
import { FileTreeView } from './file-tree-view';
import {
  type DesignProblem,
  type Diagnostic,
  diagnosticsByFile,
  listedPaths,
  statusText,
} from './generation-state';
import { useGeneration } from './use-generation';

// Monaco touches `window` at import: browser only, and out of the Design view's bundle.
const CodeEditorView = dynamic(() => import('./code-editor'), {
  ssr: false,
  loading: () => <div className="code-editor-loading muted">Loading editor…</div>,
});

const PREFERRED_FIRST_FILE = 'app/main.py';

function ChangeSummary({ changes }: { changes: Parameters<typeof countChanges>[0] }) {
  const counts = countChanges(changes);
  const parts = (['modified', 'added', 'removed'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  if (parts.length === 0) return null;
  return <span className="change-summary">Since last generation: {parts.join(', ')}</span>;
}

/** The generated FastAPI project of the design being edited: file tree, read-only Monaco, checks, diffs. */
export function CodeView({
  workspaceId,
  active,
  onShowDesign,
  target = null,
}: {
  workspaceId: string;
  active: boolean;
  onShowDesign: () => void;
  /** A file and line to open, asked for from outside (a diagnostic in Try it); a new nonce asks again. */
  target?: RevealTarget | null;
}) {
  const generation = useGeneration(workspaceId, active);
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [diff, setDiff] = useState(false);
  const [reveal, setReveal] = useState<RevealTarget | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // The design's keyboard shortcuts (Delete, Ctrl+D...) listen on window and would act on an element the
  // user cannot see from here: keys pressed in the Code view stop at its edge.
  useEffect(() => {
    const root = rootRef.current;
    const stop = (event: KeyboardEvent) => event.stopPropagation();
    root?.addEventListener('keydown', stop);
    return () => root?.removeEventListener('keydown', stop);
  }, []);

  useEffect(() => {
    if (!target) return;
    setChosenPath(target.path);
    setDiff(false);
    setReveal(target);
  }, [target]);

  const paths = useMemo(() => listedPaths(generation), [generation]);
  const byFile = useMemo(() => diagnosticsByFile(generation.diagnostics), [generation.diagnostics]);
  const counts = useMemo(() => new Map([...byFile].map(([file, list]) => [file, list.length])), [byFile]);
  const openPath =
    chosenPath && paths.includes(chosenPath)
      ? chosenPath
      : paths.includes(PREFERRED_FIRST_FILE)
        ? PREFERRED_FIRST_FILE
        : (paths[0] ?? null);
  const current = openPath ? generation.files?.[openPath] : undefined;
  const previous = openPath && generation.previous ? (generation.previous[openPath] ?? null) : null;
  const change = openPath ? generation.changes[openPath] : undefined;
  const canDiff = generation.previous !== null;

  const jumpTo = (d: Diagnostic) => {
    setChosenPath(d.file);
    setDiff(false);
    setReveal({ path: d.file, line: d.line, column: d.column, nonce: Date.now() });
  };
  const showInDesign = (problem: DesignProblem) => {
    const selection = problemSelection({ ...problem, code: problem.code as Problem['code'] });
    onShowDesign();
    actions.select(selection);
    const elementId = selectedElementId(selection);
    const nodeId = elementId && nodeIdFor(store.getState().design, elementId);
    if (nodeId)
      requestAnimationFrame(() => flow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1, duration: 250 }));
  };

  return (
    <div className="code-view" ref={rootRef}>
      <div className="code-header">
        <span
          role="status"
          aria-label="Generation status"
          className={`generation-status phase-${generation.phase}`}
        >
          {statusText(generation)}
        </span>
        <ChangeSummary changes={generation.changes} />
        <span className="toolbar-spacer" />
        <button
          type="button"
          aria-pressed={diff}
          disabled={!canDiff}
          title={canDiff ? 'Compare the open file with the previous generation' : 'Nothing to compare yet'}
          onClick={() => setDiff(!diff)}
        >
          Diff
        </button>
      </div>
      {generation.phase === 'blocked' ? (
        <BlockedView problems={generation.problems} onShow={showInDesign} />
      ) : (
        <div className="code-body">
          <FileTreeView
            paths={paths}
            openPath={openPath}
            changes={generation.changes}
            diagnosticCounts={counts}
            onOpen={setChosenPath}
          />
          <div className="code-main">
            {openPath && (
              <div className="code-file-header">
                <code>{openPath}</code>
                {change && <span className={`change-tag change-${change}`}>{change}</span>}
                {diff && <span className="diff-legend">Left: previous generation · Right: current</span>}
              </div>
            )}
            <div className="code-editor-host">
              {openPath ? (
                <CodeEditorView
                  path={openPath}
                  value={current ?? ''}
                  original={previous}
                  diff={diff && canDiff}
                  diagnostics={byFile.get(openPath) ?? []}
                  reveal={reveal}
                />
              ) : (
                <div className="code-editor-loading muted">{statusText(generation)}</div>
              )}
            </div>
            <DiagnosticsList diagnostics={generation.diagnostics} openPath={openPath} onJump={jumpTo} />
          </div>
        </div>
      )}
    </div>
  );
}
