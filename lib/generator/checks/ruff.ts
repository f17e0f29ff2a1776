import { ContentCache } from '../content-cache';
import { formatSource, withRuff } from '../format/ruff';
import type { Diagnostic } from './types';

type RuffDiagnostic = {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
};

type FileDiagnostic = Omit<Diagnostic, 'file'>;

/** source -> its diagnostics without the file name (the same text gives the same diagnostics anywhere). */
const checked = new ContentCache<readonly FileDiagnostic[]>(32 * 2 ** 20);

function isFormatted(source: string): boolean | null {
  try {
    return formatSource(source) === source;
  } catch {
    return null; // A syntax error: `check` reports it with its position.
  }
}

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
 * `ruff format --check` and `ruff check` (E, F, W, I, B, UP; line length 88) of one Python file, memoised
 * by content.
 */
export function ruffDiagnostics(file: string, source: string): Diagnostic[] {
  return checked.through(source, diagnose).map((d) => ({ file, ...d }));
}
