import { ruffWorkspace } from '../format/ruff';
import type { Diagnostic } from './types';

type RuffDiagnostic = {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
};

/** `ruff format --check` and `ruff check` (E, F, W, I, B, UP; line length 88) of one Python file. */
export function ruffDiagnostics(file: string, source: string): Diagnostic[] {
  const ws = ruffWorkspace();
  const out: Diagnostic[] = [];
  let formatted: string | null = null;
  try {
    formatted = ws.format(source);
  } catch {
    // A syntax error: `check` reports it below with its position.
  }
  if (formatted !== null && formatted !== source) {
    out.push({
      file,
      line: 1,
      column: 1,
      rule: 'format',
      message: 'File is not ruff-formatted',
      severity: 'error',
    });
  }
  for (const d of ws.check(source) as RuffDiagnostic[]) {
    out.push({
      file,
      line: d.start_location.row,
      column: d.start_location.column,
      rule: d.code ?? 'invalid-syntax',
      message: d.message,
      severity: 'error',
    });
  }
  return out;
}
