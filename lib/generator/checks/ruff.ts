import { isFormatted, withRuff } from '../format/ruff';
import type { Diagnostic } from './types';

type RuffDiagnostic = {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
};

type FileDiagnostic = Omit<Diagnostic, 'file'>;

function diagnose(source: string): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (isFormatted(source) === false) {
    out.push({
      line: 1,
      column: 1,
      rule: 'format',
      message: 'File is not ruff-formatted',
      severity: 'error',
    });
  }
  for (const d of withRuff((ws) => ws.check(source)) as RuffDiagnostic[]) {
    out.push({
      line: d.start_location.row,
      column: d.start_location.column,
      rule: d.code ?? 'invalid-syntax',
      message: d.message,
      severity: 'error',
    });
  }
  return out;
}

/**
 * `ruff format --check` and `ruff check` (E, F, W, I, B, UP; line length 88) of one Python file (memoised by
 * content in `checkProject`).
 */
export function ruffDiagnostics(file: string, source: string): Diagnostic[] {
  return diagnose(source).map((d) => ({ file, ...d }));
}
