'use client';

import './code-view.css';
import { useReactFlow } from '@xyflow/react';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { nodeIdFor, selectedElementId } from '@/components/editor/model/find-element';
import { problemSelection } from '@/components/editor/problems/problem-target';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-context';
import { useEditorMode } from '@/components/editor/store/editor-mode';
import { shownUserCode } from '@/components/editor/store/editor-state';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import type { Problem } from '@/lib/design';
import { BlockedView } from './blocked-view';
import type { RevealTarget } from './code-editor';
import { DiagnosticsList } from './diagnostics-list';
import { classifyChanges, countChanges } from './file-changes';
import { GENERATED_REASON } from './file-owner';
import { FileTreeView } from './file-tree-view';
import {
  type DesignProblem,
  type Diagnostic,
  diagnosticsByFile,
  listedPaths,
  statusText,
} from './generation-state';
import { NewFileForm } from './new-file-form';
import { newUserFileContent } from './new-user-file';
import { isSqlFile, SQL_FILES, sqlStatusText, sqlText } from './postgres-sql';
import { checkDiagnostics, checksStatusText } from './project-checks';
import { useGeneration } from './use-generation';
import { usePostgresSql } from './use-postgres-sql';
import { useProjectChecks } from './use-project-checks';
import { useProposalBaseline } from './use-proposal-baseline';

// Monaco touches `window` at import: browser only, and out of the Design view's bundle.
const CodeEditorView = dynamic(() => import('./code-editor'), {
  ssr: false,
  loading: () => <div className="code-editor-loading muted">Loading editor…</div>,
});

const PREFERRED_FIRST_FILE = 'app/main.py';

function ChangeSummary({
  changes,
  prefix = 'Since last generation',
}: {
  changes: Parameters<typeof countChanges>[0];
  prefix?: string;
}) {
  const counts = countChanges(changes);
  const parts = (['modified', 'added', 'removed'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  if (parts.length === 0) return null;
  return (
    <span className="change-summary">
      {prefix}: {parts.join(', ')}
    </span>
  );
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
  // Reviewing an assistant proposal: compare with the code of the design it would change.
  const baseline = useProposalBaseline(workspaceId, active);
  const proposalChanges = useMemo(
    () => (baseline && generation.files ? classifyChanges(baseline, generation.files) : null),
    [baseline, generation.files],
  );
  const changes = proposalChanges ?? generation.changes;
  const earlier = proposalChanges ? baseline : generation.previous;
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [diff, setDiff] = useState(false);
  const [reveal, setReveal] = useState<RevealTarget | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Plain SQL for PostgreSQL: two read-only files made on demand (members only: a view link cannot run it).
  const { readOnly } = useEditorMode();
  const reviewing = useEditor((s) => s.proposal !== null);
  // The user's own files come from the store (what they type; under review, the proposal's), the generated ones
  // from the last generation.
  const userCode = useEditor(shownUserCode);
  // Stored user files and the user-owned files of the generation (handler scaffolds not written yet).
  const userPaths = useMemo(
    () => new Set([...Object.keys(userCode.files), ...generation.userOwned]),
    [userCode, generation.userOwned],
  );
  const [creating, setCreating] = useState(false);
  // mypy --strict and pytest in the sandbox, on demand: their findings join ruff's in the list and the markers.
  const checks = useProjectChecks(workspaceId);
  const diagnostics = useMemo(
    () => [...generation.diagnostics, ...checkDiagnostics(checks.state)],
    [generation.diagnostics, checks.state],
  );

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

  const paths = useMemo(() => {
    const listed = listedPaths(generation);
    const withUser = [...new Set([...listed, ...userPaths])];
    return readOnly || listed.length === 0 ? withUser.sort() : [...withUser, ...SQL_FILES].sort();
  }, [generation, readOnly, userPaths]);
  const byFile = useMemo(() => diagnosticsByFile(diagnostics), [diagnostics]);
  const counts = useMemo(() => new Map([...byFile].map(([file, list]) => [file, list.length])), [byFile]);
  const openPath =
    chosenPath && paths.includes(chosenPath)
      ? chosenPath
      : paths.includes(PREFERRED_FIRST_FILE)
        ? PREFERRED_FIRST_FILE
        : (paths[0] ?? null);
  const sqlOpen = isSqlFile(openPath);
  const sql = usePostgresSql(workspaceId, active && sqlOpen);
  const storedUserFile = openPath ? userCode.files[openPath] : undefined;
  const userFile = openPath !== null && userPaths.has(openPath);
  const current = openPath
    ? sqlOpen
      ? (sqlText(sql, openPath) ?? undefined)
      : (storedUserFile?.content ?? generation.files?.[openPath])
    : undefined;
  // Typing goes to the store (and autosaves); a view link, a proposal under review or a diff only shows.
  const editable = userFile && !readOnly && !reviewing;
  const previous = openPath && earlier ? (earlier[openPath] ?? null) : null;
  const change = openPath ? changes[openPath] : undefined;
  const canDiff = earlier !== null && !sqlOpen;

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
        <ChangeSummary changes={changes} prefix={proposalChanges ? 'Proposal' : undefined} />
        <span className="toolbar-spacer" />
        {!readOnly && (
          <>
            <span
              role="status"
              aria-label="Checks status"
              className={`checks-status checks-${checks.state.phase}`}
            >
              {checksStatusText(checks.state)}
            </span>
            <button
              type="button"
              disabled={checks.state.phase === 'running' || reviewing}
              title="Run mypy --strict and the project's pytest suite in the sandbox on the design and your code"
              onClick={() => void checks.run()}
            >
              Run checks
            </button>
          </>
        )}
        {!readOnly && (
          <button
            type="button"
            disabled={reviewing}
            title="Create a file of your own under tests/custom/ or app/handlers/"
            onClick={() => setCreating(true)}
          >
            New file
          </button>
        )}
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
      {creating && (
        <NewFileForm
          taken={new Set(paths)}
          onCancel={() => setCreating(false)}
          onCreate={(path) => {
            store.dispatch({ type: 'writeUserFile', path, content: newUserFileContent(path) });
            setCreating(false);
            setChosenPath(path);
            setDiff(false);
          }}
        />
      )}
      {generation.phase === 'blocked' ? (
        <BlockedView problems={generation.problems} onShow={showInDesign} />
      ) : (
        <div className="code-body">
          <FileTreeView
            paths={paths}
            openPath={openPath}
            changes={changes}
            diagnosticCounts={counts}
            userPaths={userPaths}
            onOpen={setChosenPath}
          />
          <div className="code-main">
            {openPath && (
              <div className="code-file-header">
                <code>{openPath}</code>
                {change && <span className={`change-tag change-${change}`}>{change}</span>}
                {!sqlOpen &&
                  (userFile ? (
                    <span className="file-owner owner-user">
                      {editable
                        ? 'Your code: saved with the workspace, kept across regeneration'
                        : 'Your code (read only here)'}
                    </span>
                  ) : (
                    <span className="file-owner owner-generated">{GENERATED_REASON}</span>
                  ))}
                {sqlOpen && (
                  <span role="status" aria-label="SQL status" className={`sql-status sql-${sql.phase}`}>
                    {sqlStatusText(sql)}
                  </span>
                )}
                {diff && canDiff && (
                  <span className="diff-legend">
                    {proposalChanges
                      ? 'Left: current design · Right: proposal'
                      : 'Left: previous generation · Right: current'}
                  </span>
                )}
              </div>
            )}
            <div className="code-editor-host">
              {sqlOpen && current === undefined ? (
                <div className={`code-editor-loading ${sql.phase === 'failed' ? 'sql-failed' : 'muted'}`}>
                  {sqlStatusText(sql)}
                </div>
              ) : openPath ? (
                <CodeEditorView
                  path={openPath}
                  value={current ?? ''}
                  original={previous}
                  diff={diff && canDiff}
                  diagnostics={byFile.get(openPath) ?? []}
                  reveal={reveal}
                  editable={editable && !diff}
                  readOnlyReason={
                    userFile ? 'Read only: this view shows the code without changing it' : GENERATED_REASON
                  }
                  onChange={(content) => {
                    // A scaffold the person starts writing keeps what they saw as its merge base.
                    const base = generation.files?.[openPath] ?? '';
                    if (userPaths.has(openPath))
                      store.dispatch({ type: 'writeUserFile', path: openPath, content, base });
                  }}
                />
              ) : (
                <div className="code-editor-loading muted">{statusText(generation)}</div>
              )}
            </div>
            <DiagnosticsList diagnostics={diagnostics} openPath={openPath} onJump={jumpTo} />
          </div>
        </div>
      )}
    </div>
  );
}
