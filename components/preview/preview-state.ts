import type { Design } from '@/lib/design';
import type { Diagnostic } from '@/lib/generator/checks/types';

export type { Diagnostic };

/**
 * How long the Try it view waits after the last edit before it restarts the preview: long enough to take a
 * burst of keystrokes as one restart, short next to a warm restart (a few hundred milliseconds). A newer restart
 * supersedes one in flight (the stream of the old one is dropped, the server stops its start).
 */
export const RESTART_DELAY_MS = 400;

/** The steps of one preview start, in order. */
export const STEPS = ['validate', 'generate', 'check', 'migrate', 'start', 'ready'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepName, string> = {
  validate: 'Validate design',
  generate: 'Generate code',
  check: 'Check code',
  migrate: 'Migrate database',
  start: 'Start server',
  ready: 'Ready',
};

export type PreviewProblem = { code: string; path: string; message: string; elementId?: string };

/** `GET /api/workspaces/{id}/preview`. */
export type PreviewStatus =
  | { state: 'unavailable'; missing: string[]; howTo: string }
  | { state: 'stopped' }
  | { state: 'starting' }
  | { state: 'running'; startedAt: string; baseUrl: string }
  | { state: 'failed'; error: string };

/** A table of the preview database that lost rows in a start, and why. */
export type TableReset = { table: string; rows: number; reason: string };

/** What the migrate step did to the preview's rows (lib/runner/preview/events.ts). */
export type DataReport =
  | { outcome: 'kept' | 'empty' }
  | { outcome: 'reset'; asked: boolean; all: boolean; tables: TableReset[]; reason?: string };

export type DataReset = Extract<DataReport, { outcome: 'reset' }>;

/** `event: step` of the POST stream. */
export type StepEvent = {
  step: StepName;
  status: 'running' | 'done' | 'failed';
  ms?: number;
  message?: string;
  problems?: PreviewProblem[];
  diagnostics?: Diagnostic[];
  data?: DataReport;
};

/** `event: end`, the last event of the POST stream. */
export type EndEvent = { ok: boolean; baseUrl?: string; error?: string };

export type StepView = {
  status: 'pending' | 'running' | 'done' | 'failed';
  ms?: number;
  message?: string;
  /** Done, but with data lost (the migrate step that reset tables). */
  warning?: boolean;
};

export type PreviewState = {
  phase: 'idle' | 'checking' | 'unavailable' | 'starting' | 'running' | 'failed' | 'stopped';
  steps: Record<StepName, StepView>;
  problems: readonly PreviewProblem[];
  diagnostics: readonly Diagnostic[];
  baseUrl: string | null;
  error: string | null;
  unavailable: { missing: string[]; howTo: string } | null;
  /** Counts successful starts: what runs in the sandbox changed, so the API description may have too. */
  starts: number;
  /** Whether the current start wipes the preview's data. */
  resetData: boolean;
  /** The last data reset reported, shown until dismissed (or replaced by a newer one). */
  dataReset: DataReset | null;
  /** Counts the resets reported: each one makes the API's authorization stale. */
  dataResets: number;
};

export type PreviewEvent =
  | { type: 'checking' }
  | { type: 'status'; status: PreviewStatus }
  | { type: 'started'; resetData: boolean }
  | { type: 'step'; step: StepEvent }
  | { type: 'ended'; end: EndEvent; fallbackBaseUrl: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
  | { type: 'dismissReset' };

const pendingSteps = (): Record<StepName, StepView> =>
  Object.fromEntries(STEPS.map((s) => [s, { status: 'pending' }])) as Record<StepName, StepView>;

export const initialPreview: PreviewState = {
  phase: 'idle',
  steps: pendingSteps(),
  problems: [],
  diagnostics: [],
  baseUrl: null,
  error: null,
  unavailable: null,
  starts: 0,
  resetData: false,
  dataReset: null,
  dataResets: 0,
};

/** A step's data report, when it says rows were lost. */
function resetOf(step: StepEvent): DataReset | null {
  const data = step.data;
  return step.status === 'done' && data?.outcome === 'reset' ? data : null;
}

const isStep = (value: unknown): value is StepName => (STEPS as readonly string[]).includes(value as string);

export function previewReducer(state: PreviewState, event: PreviewEvent): PreviewState {
  switch (event.type) {
    case 'checking':
      return { ...state, phase: state.phase === 'idle' ? 'checking' : state.phase };
    case 'status': {
      const { status } = event;
      if (status.state === 'unavailable')
        return {
          ...state,
          phase: 'unavailable',
          unavailable: { missing: status.missing, howTo: status.howTo },
        };
      return { ...state, unavailable: null };
    }
    case 'started':
      return {
        ...state,
        phase: 'starting',
        steps: pendingSteps(),
        problems: [],
        diagnostics: [],
        error: null,
        unavailable: null,
        resetData: event.resetData,
      };
    case 'step': {
      const { step } = event;
      if (!isStep(step.step)) return state;
      const reset = resetOf(step);
      return {
        ...state,
        steps: {
          ...state.steps,
          [step.step]: { status: step.status, ms: step.ms, message: step.message, warning: reset !== null },
        },
        ...(reset ? { dataReset: reset, dataResets: state.dataResets + 1 } : {}),
        problems: step.problems ? [...state.problems, ...step.problems] : state.problems,
        diagnostics: step.diagnostics ? [...state.diagnostics, ...step.diagnostics] : state.diagnostics,
      };
    }
    case 'ended': {
      const { end } = event;
      if (end.ok)
        return {
          ...state,
          phase: 'running',
          baseUrl: end.baseUrl ?? event.fallbackBaseUrl,
          error: null,
          starts: state.starts + 1,
          resetData: false,
        };
      const failedStep = STEPS.find((s) => state.steps[s].status === 'failed');
      const stepMessage = failedStep ? state.steps[failedStep].message : undefined;
      return {
        ...state,
        phase: 'failed',
        error: end.error ?? stepMessage ?? 'the preview did not start',
        steps: stopRunningSteps(state.steps),
        resetData: false,
      };
    }
    case 'failed':
      return {
        ...state,
        phase: 'failed',
        error: event.message,
        steps: stopRunningSteps(state.steps),
        resetData: false,
      };
    case 'stopped':
      return { ...state, phase: 'stopped', steps: pendingSteps(), error: null, resetData: false };
    case 'dismissReset':
      return { ...state, dataReset: null };
  }
}

/** A step still marked running when the whole start failed did not finish. */
function stopRunningSteps(steps: Record<StepName, StepView>): Record<StepName, StepView> {
  if (!STEPS.some((s) => steps[s].status === 'running')) return steps;
  return Object.fromEntries(
    STEPS.map((s) => [s, steps[s].status === 'running' ? { ...steps[s], status: 'failed' } : steps[s]]),
  ) as Record<StepName, StepView>;
}

export function statusText(state: PreviewState): string {
  switch (state.phase) {
    case 'idle':
    case 'checking':
      return 'Checking…';
    case 'starting':
      return 'Starting…';
    case 'running':
      return 'Running';
    case 'failed':
      return `Failed: ${state.error ?? 'unknown error'}`;
    case 'unavailable':
      return `Unavailable: ${state.unavailable?.missing.join(', ') || 'the preview cannot run here'}`;
    case 'stopped':
      return 'Stopped';
  }
}

/**
 * Whether two designs run the same: the canvas layout (box positions) is not part of the generated app, so
 * moving a box does not restart the preview. Operations share structure, so unchanged parts are identical.
 */
export function sameRuntimeDesign(a: Design | null, b: Design): boolean {
  if (a === null) return false;
  if (a === b) return true;
  return (Object.keys(b) as (keyof Design)[]).every((key) => key === 'layout' || a[key] === b[key]);
}

/** Parses one stream event's JSON; null when it is not JSON. */
export function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

/** What the reset banner says: its title and one line per table. */
export function resetNotice(reset: DataReset): { title: string; lines: string[]; kept: string | null } {
  if (reset.asked)
    return { title: 'Preview data reset, as you asked: every table starts empty.', lines: [], kept: null };
  const lines = reset.tables.map((t) => `${t.table} (${rows(t.rows)}): ${t.reason}`);
  if (reset.tables.length === 0)
    return {
      title: 'All preview data was reset',
      lines: [reset.reason ?? 'the rows did not fit the new schema'],
      kept: null,
    };
  return {
    title: reset.all ? 'All preview data was reset' : 'Some preview data was reset',
    lines,
    kept: reset.all ? null : 'The other tables kept their rows.',
  };
}
