import type { Diagnostic } from './generation-state';

/** What POST /api/workspaces/{id}/checks answers (lib/api/contracts.ts `runChecks`). */
export type ChecksResponse =
  | {
      state: 'checked';
      ok: boolean;
      ms: number;
      tools: {
        tool: 'mypy' | 'pytest';
        ok: boolean;
        summary: string;
        findings: { tool: 'mypy' | 'pytest'; file: string; line: number; message: string }[];
      }[];
    }
  | { state: 'problems'; problems: { code: string; path: string; message: string }[] }
  | { state: 'blocked'; conflicts: { path: string; line: number; message: string }[] };

export type ChecksState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; response: ChecksResponse }
  | { phase: 'failed'; message: string };

/** mypy's and pytest's findings as diagnostics (rule: the tool), so the list and Monaco show them like ruff's. */
export function checkDiagnostics(state: ChecksState): Diagnostic[] {
  if (state.phase !== 'done' || state.response.state !== 'checked') return [];
  return state.response.tools.flatMap((t) =>
    t.findings.map((f) => ({
      file: f.file,
      line: Math.max(1, f.line),
      column: 1,
      rule: f.tool,
      message: f.message,
      severity: 'error' as const,
    })),
  );
}

/** The status beside the "Run checks" button. */
export function checksStatusText(state: ChecksState): string {
  switch (state.phase) {
    case 'idle':
      return 'mypy and pytest not run yet';
    case 'running':
      return 'Checks running…';
    case 'failed':
      return `Checks failed to run: ${state.message}`;
    case 'done': {
      const r = state.response;
      if (r.state === 'problems') return `Checks not run: the design has ${r.problems.length} problem(s)`;
      if (r.state === 'blocked') return `Checks not run: ${r.conflicts.length} merge conflict(s) to resolve`;
      const n = r.tools.reduce((sum, t) => sum + t.findings.length, 0);
      const seconds = (r.ms / 1000).toFixed(1);
      if (r.ok)
        return `Checks passed (${r.tools.map((t) => `${t.tool}: ${t.summary}`).join('; ')}) in ${seconds} s`;
      return `Checks: ${n} finding${n === 1 ? '' : 's'} in ${seconds} s`;
    }
  }
}
