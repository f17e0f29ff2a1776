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

export type StepEvent = {
  step: StepName;
  status: 'running' | 'done' | 'failed';
  ms?: number;
  message?: string;
  problems?: StepProblem[];
  diagnostics?: StepDiagnostic[];
};

export type EndEvent = { ok: boolean; baseUrl?: string; error?: string };

export type PreviewStatus =
  | { state: 'unavailable'; missing: string[]; howTo: string }
  | { state: 'stopped' }
  | { state: 'starting' }
  | { state: 'running'; startedAt: string; baseUrl: string }
  | { state: 'failed'; error: string };

export const baseUrlOf = (workspaceId: string) => `/preview/${workspaceId}`;
