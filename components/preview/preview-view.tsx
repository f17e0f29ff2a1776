'use client';

import './preview-view.css';
import { useReactFlow } from '@xyflow/react';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { nodeIdFor, selectedElementId } from '@/components/editor/model/find-element';
import { problemSelection } from '@/components/editor/problems/problem-target';
import { useEditorStore } from '@/components/editor/store/editor-context';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import type { Problem } from '@/lib/design';
import {
  type DataReset,
  type Diagnostic,
  type PreviewProblem,
  type PreviewState,
  resetNotice,
  STEP_LABELS,
  STEPS,
  type StepView,
  statusText,
} from './preview-state';
import { ServerErrors } from './server-errors';
import { authStorageKey, clearAuth } from './swagger-auth';
import { usePreview } from './use-preview';

// Swagger UI (and its stylesheet) is large and browser-only: loaded when the API is first shown.
const SwaggerPanel = dynamic(() => import('./swagger-panel'), {
  ssr: false,
  loading: () => <p className="muted preview-note">Loading Swagger UI…</p>,
});

/** Where a diagnostic is: the Code view opens the file at this line. */
export type FileTarget = { path: string; line: number; column: number };

const STEP_ICONS: Record<StepView['status'], string> = { pending: '○', running: '◌', done: '✓', failed: '✕' };

/** Rows were lost: said above the steps and the API until dismissed, not only in a step's tooltip. */
function ResetBanner({ reset, onDismiss }: { reset: DataReset; onDismiss: () => void }) {
  const notice = resetNotice(reset);
  return (
    <section
      className={`preview-reset${reset.asked ? ' is-asked' : ''}`}
      role={reset.asked ? 'status' : 'alert'}
      aria-label="Data reset"
    >
      <div className="preview-reset-text">
        <strong>{notice.title}</strong>
        {notice.lines.length > 0 && (
          <ul>
            {notice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <span>
          {notice.kept ? `${notice.kept} ` : ''}Tokens issued before no longer work: the API's authorization
          was cleared, sign in again.
        </span>
      </div>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function StepList({ state }: { state: PreviewState }) {
  return (
    <ol className="preview-steps" aria-label="Preview steps">
      {STEPS.map((name) => {
        const step = state.steps[name];
        // A done step that lost data is not a plain check mark: it says so, with its message.
        const warning = step.status === 'done' && step.warning;
        return (
          <li
            key={name}
            className={`preview-step step-${step.status}${warning ? ' step-warning' : ''}`}
            aria-label={`${STEP_LABELS[name]}: ${step.status}${warning ? ', data reset' : ''}`}
            title={step.message}
          >
            <span className="step-icon" aria-hidden="true">
              {warning ? '!' : STEP_ICONS[step.status]}
            </span>
            <span className="step-label">{STEP_LABELS[name]}</span>
            {step.ms !== undefined && <span className="step-ms">{formatMs(step.ms)}</span>}
            {step.message && (step.status === 'failed' || warning) && (
              <p className="step-message">{step.message}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Findings({
  problems,
  diagnostics,
  onShowProblem,
  onShowDiagnostic,
}: {
  problems: readonly PreviewProblem[];
  diagnostics: readonly Diagnostic[];
  onShowProblem: (problem: PreviewProblem) => void;
  onShowDiagnostic: (diagnostic: Diagnostic) => void;
}) {
  if (problems.length === 0 && diagnostics.length === 0) return null;
  return (
    <>
      {problems.length > 0 && (
        <section className="preview-findings" aria-label="Design problems">
          <h3>Design problems</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.path}:${p.code}:${i}`}>
                <button type="button" onClick={() => onShowProblem(p)} title="Show in Design">
                  <code className="finding-where">{p.code}</code> <span>{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {diagnostics.length > 0 && (
        <section className="preview-findings" aria-label="Code diagnostics">
          <h3>Code diagnostics</h3>
          <ul>
            {diagnostics.map((d, i) => (
              <li key={`${d.file}:${d.line}:${d.column}:${d.rule}:${i}`}>
                <button
                  type="button"
                  className={`severity-${d.severity}`}
                  onClick={() => onShowDiagnostic(d)}
                  title="Show in Code"
                >
                  <code className="finding-where">
                    {d.file}:{d.line}
                  </code>{' '}
                  <code className="finding-rule">{d.rule}</code> <span>{d.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Unavailable({ missing, howTo, onRetry }: { missing: string[]; howTo: string; onRetry: () => void }) {
  return (
    <section className="preview-unavailable" aria-label="Preview unavailable">
      <h2>Live preview is not available on this server</h2>
      <p>Missing:</p>
      <ul>
        {missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <p className="preview-howto">{howTo}</p>
      <p className="muted">The rest of the IDE works as usual. </p>
      <button type="button" onClick={onRetry}>
        Check again
      </button>
    </section>
  );
}

/** Why the API shown may not be the design's current one (null: it is). */
function staleNote(state: PreviewState): string | null {
  if (state.phase === 'starting' || state.phase === 'checking')
    return 'Restarting: the API below is the previous one.';
  if (state.phase === 'failed') return 'The last start failed: the API below is the previous one.';
  return null;
}

/** "Try it": the design's generated API running in a sandbox, with its progress and Swagger UI. */
export function PreviewView({
  workspaceId,
  active,
  onShowDesign,
  onShowFile,
}: {
  workspaceId: string;
  active: boolean;
  onShowDesign: () => void;
  onShowFile: (target: FileTarget) => void;
}) {
  const { state, restart, resetData, stop, dismissReset } = usePreview(workspaceId, active);
  // 5xx answers seen in Swagger UI: each one fetches what the app raised.
  const [failures, setFailures] = useState(0);
  const authKey = authStorageKey(workspaceId);
  // A reset makes the stored authorization stale, whether or not Swagger UI is shown yet.
  useEffect(() => {
    if (state.dataResets > 0) clearAuth(authKey);
  }, [state.dataResets, authKey]);
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const rootRef = useRef<HTMLDivElement>(null);

  // Keys typed into Swagger's forms must not reach the design's shortcuts (Delete, Ctrl+Z...).
  useEffect(() => {
    const root = rootRef.current;
    const stopKeys = (event: KeyboardEvent) => event.stopPropagation();
    root?.addEventListener('keydown', stopKeys);
    return () => root?.removeEventListener('keydown', stopKeys);
  }, []);

  const showProblem = (problem: PreviewProblem) => {
    const selection = problemSelection({ ...problem, code: problem.code as Problem['code'] });
    onShowDesign();
    actions.select(selection);
    const elementId = selectedElementId(selection);
    const nodeId = elementId && nodeIdFor(store.getState().design, elementId);
    if (nodeId)
      requestAnimationFrame(() => flow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1, duration: 250 }));
  };
  const confirmReset = () => {
    if (window.confirm('Reset the preview data? Every row in the preview database is deleted.')) resetData();
  };
  const hasApi = state.starts > 0 && state.phase !== 'stopped';
  const busy = state.phase === 'starting' || state.phase === 'checking';
  const unavailable = state.phase === 'unavailable' && state.unavailable;
  // A failed step shows its own message; the overall error is shown when no step explains the failure.
  const stepExplains = STEPS.some((s) => state.steps[s].status === 'failed' && state.steps[s].message);

  return (
    <div className="preview-view" ref={rootRef}>
      <div className="preview-header">
        <span role="status" aria-label="Preview status" className={`preview-status phase-${state.phase}`}>
          {statusText(state)}
        </span>
        {state.resetData && busy && <span className="muted">with fresh data</span>}
        <span className="toolbar-spacer" />
        {!unavailable && (
          <>
            <button type="button" onClick={restart} disabled={state.phase === 'checking'}>
              {state.phase === 'stopped' ? 'Start' : 'Restart'}
            </button>
            <button type="button" onClick={confirmReset} disabled={busy}>
              Reset data
            </button>
            <button
              type="button"
              onClick={stop}
              disabled={state.phase === 'stopped' || state.phase === 'idle'}
            >
              Stop
            </button>
          </>
        )}
      </div>
      {state.dataReset && !unavailable && <ResetBanner reset={state.dataReset} onDismiss={dismissReset} />}
      {unavailable ? (
        <Unavailable missing={unavailable.missing} howTo={unavailable.howTo} onRetry={restart} />
      ) : (
        <div className="preview-body">
          <aside className="preview-progress" aria-label="Preview progress">
            <StepList state={state} />
            {state.phase === 'failed' && state.error && !stepExplains && (
              <p className="preview-error" role="alert">
                {state.error}
              </p>
            )}
            {state.baseUrl && state.phase === 'running' && (
              <p className="preview-about muted">
                Requests go to the generated app at <code>{state.baseUrl}</code>. Its rows are carried over
                when the design changes (renames included); a table whose rows cannot fit the new schema is
                reset, and a banner says so. <strong>Reset data</strong> empties it.
              </p>
            )}
            <Findings
              problems={state.problems}
              diagnostics={state.diagnostics}
              onShowProblem={showProblem}
              onShowDiagnostic={(d) => onShowFile({ path: d.file, line: d.line, column: d.column })}
            />
            {state.phase === 'running' && (
              <ServerErrors workspaceId={workspaceId} failures={failures} onShowFile={onShowFile} />
            )}
          </aside>
          <section className="preview-api" aria-label="API">
            {!hasApi && (
              <p className="muted preview-note">
                {state.phase === 'stopped'
                  ? 'The preview is stopped.'
                  : state.phase === 'failed'
                    ? 'The API appears here once the preview starts.'
                    : 'The API appears here once the server is ready.'}
              </p>
            )}
            {/* Mounted from the first start on (hidden while stopped), so Authorize survives restarts. */}
            {state.baseUrl && state.starts > 0 && (
              <div hidden={state.phase === 'stopped'}>
                <SwaggerPanel
                  key={workspaceId}
                  baseUrl={state.baseUrl}
                  starts={state.starts}
                  staleNote={staleNote(state)}
                  authKey={authKey}
                  resets={state.dataResets}
                  onServerError={() => setFailures((n) => n + 1)}
                />
              </div>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
