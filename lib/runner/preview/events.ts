/** What a preview start reports, step by step (sent as server-sent events by the POST route). */

export const STEPS = ['validate', 'generate', 'check', 'migrate', 'start', 'ready'] as const;
export type StepName = (typeof STEPS)[number];

export type StepProblem = { code: string; path: string; message: string; elementId?: string };
export type StepDiagnostic = {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
};

/** A table of the preview database that lost rows in a start (`rows` of them), and why. */
export type TableReset = { table: string; rows: number; reason: string };

/**
 * What the migrate step did to the preview's rows: all kept, nothing there to keep, or reset: the whole
 * database (`asked`: Reset data; else `reason` says why) or the `tables` listed, the rest kept.
 */
export type DataReport =
  | { outcome: 'kept' | 'empty' }
  | { outcome: 'reset'; asked: boolean; all: boolean; tables: TableReset[]; reason?: string };

export type StepEvent = {
  step: StepName;
  status: 'running' | 'done' | 'failed';
  ms?: number;
  message?: string;
  problems?: StepProblem[];
  diagnostics?: StepDiagnostic[];
  /** The migrate step: what happened to the data. */
  data?: DataReport;
};

export type EndEvent = { ok: boolean; baseUrl?: string; error?: string };

export type PreviewStatus =
  | { state: 'unavailable'; missing: string[]; howTo: string }
  | { state: 'stopped' }
  | { state: 'starting' }
  | { state: 'running'; startedAt: string; baseUrl: string }
  | { state: 'failed'; error: string };

export const baseUrlOf = (workspaceId: string) => `/preview/${workspaceId}`;
