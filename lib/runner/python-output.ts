/**
 * Turns the output of ruff, compileall, mypy, pytest, alembic and Python tracebacks into failures that name
 * a file of the generated project and a line. Pure: every function takes text and returns data.
 */
import path from 'node:path';

export type Failure = { file: string; line: number; message: string };

/** pytest's arguments for output `parsePytest` reads: quiet, short tracebacks, no cache folder, no colours. */
export const PYTEST_ARGS = ['-q', '-p', 'no:cacheprovider', '-p', 'no:warnings', '--tb=short', '--color=no'];
/** mypy's arguments for output `parseMypy` reads (the cache folder is the caller's). */
export const MYPY_ARGS = ['--strict', '--no-color-output'];

const clip = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A path relative to the project when it is inside it (as the tools print it, or absolute), else null. */
export function projectPath(file: string, projectDir: string, innerDir: string = projectDir): string | null {
  for (const base of [innerDir, projectDir]) {
    if (path.isAbsolute(file)) {
      const rel = path.relative(base, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
    }
  }
  if (path.isAbsolute(file)) return null;
  const normal = path.normalize(file);
  return normal.startsWith('..') ? null : normal.replace(/^\.\//, '');
}

/** `ruff check --output-format concise`: `path:line:col: CODE message`. */
export function parseRuffCheck(output: string): Failure[] {
  const out: Failure[] = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?):(\d+):(\d+): (.+)$/.exec(line.trim());
    if (m)
      out.push({ file: (m[1] as string).replace(/^\.\//, ''), line: Number(m[2]), message: m[4] as string });
  }
  return out;
}

/** `ruff format --diff`: one failure per file at its first changed line. */
export function parseRuffFormatDiff(output: string): Failure[] {
  const out: Failure[] = [];
  let file: string | null = null;
  for (const line of output.split('\n')) {
    const header = /^--- (?:a\/)?(.+?)(?:\t.*)?$/.exec(line);
    if (header) {
      file = (header[1] as string).replace(/^\.\//, '');
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (hunk && file) {
      out.push({
        file,
        line: Number(hunk[1]),
        message: 'not formatted as ruff format would (ruff format --diff)',
      });
      file = null;
    }
  }
  return out;
}

/** mypy: `path:line: error: message  [code]` (notes are attached to the error before them). */
export function parseMypy(output: string): Failure[] {
  const out: Failure[] = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?):(\d+)(?::\d+)?: (error|note): (.+)$/.exec(line.trim());
    if (!m) continue;
    if (m[3] === 'note') {
      const last = out.at(-1);
      if (last && last.file === m[1] && last.line === Number(m[2]))
        last.message = clip(`${last.message}; ${m[4]}`);
      continue;
    }
    out.push({ file: m[1] as string, line: Number(m[2]), message: m[4] as string });
  }
  return out;
}

type Frame = { file: string; line: number };

/** Frames of a Python traceback (`File "x", line N`) that are in the project, innermost last. */
export function tracebackFrames(text: string, projectDir: string, innerDir?: string): Frame[] {
  const frames: Frame[] = [];
  for (const m of text.matchAll(/File "([^"]+)", line (\d+)/g)) {
    const file = projectPath(m[1] as string, projectDir, innerDir);
    if (file) frames.push({ file, line: Number(m[2]) });
  }
  return frames;
}

/** The last line of a traceback that names the exception, e.g. `sqlalchemy.exc.OperationalError: ...`. */
export function exceptionLine(text: string): string {
  const lines = text.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] as string).trim();
    if (/^[\w.]+(Error|Exception|Exit|Failure|Warning|Interrupt)\b.*:?/.test(line) || /^[\w.]+: /.test(line))
      return clip(line);
  }
  return clip(lines.at(-1)?.trim() ?? '');
}

/** A crash: the innermost project frame of the traceback, with the exception line. */
export function parseTraceback(
  text: string,
  projectDir: string,
  innerDir?: string,
  fallback?: Failure,
): Failure[] {
  const frame = tracebackFrames(text, projectDir, innerDir).at(-1);
  const message = exceptionLine(text);
  if (frame) return [{ ...frame, message }];
  return [
    fallback ? { ...fallback, message: `${fallback.message}: ${message}` } : { file: '?', line: 0, message },
  ];
}

/** `python -m compileall -q`: `*** Error compiling 'x'...` followed by the SyntaxError and its `File` line. */
export function parseCompileall(output: string, projectDir: string, innerDir?: string): Failure[] {
  const out: Failure[] = [];
  const blocks = output.split(/^\*\*\* /m).slice(1);
  for (const block of blocks) {
    const frame = tracebackFrames(block, projectDir, innerDir).at(-1);
    const compiling = /Error compiling '([^']+)'/.exec(block);
    const file =
      frame?.file ?? (compiling ? projectPath(compiling[1] as string, projectDir, innerDir) : null) ?? '?';
    out.push({ file, line: frame?.line ?? 0, message: exceptionLine(block) });
  }
  return out;
}

/**
 * pytest run with `--tb=short -q`: one failure per FAILED/ERROR section. The location is, in order: an
 * endpoint FastAPI names in the error (`File "...", line N, in fn`), the innermost project frame, the test.
 */
export function parsePytest(output: string, projectDir: string, innerDir?: string): Failure[] {
  const out: Failure[] = [];
  const start = output.search(/^=+ (FAILURES|ERRORS) =+$/m);
  if (start < 0) return out;
  const end = output.search(/^=+ short test summary info =+$/m);
  const body = output.slice(start, end > start ? end : undefined);
  const sections = body.split(/^_{3,} (.+?) _{3,}$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const title = (sections[i] as string).trim();
    const text = (sections[i + 1] as string).split(/^-{3,} Captured /m)[0] as string;
    const errors = text
      .split('\n')
      .filter((l) => l.startsWith('E '))
      .map((l) => l.slice(1).trim());
    const frames: Frame[] = [];
    for (const m of text.matchAll(/^(\S+?\.py):(\d+): /gm)) {
      const file = projectPath(m[1] as string, projectDir, innerDir);
      if (file) frames.push({ file, line: Number(m[2]) });
    }
    const named = tracebackFrames(errors.join('\n'), projectDir, innerDir).at(-1);
    const where = named ?? frames.at(-1) ?? { file: '?', line: 0 };
    const first = errors.find((e) => e.length > 0) ?? text.trim().split('\n').at(-1) ?? 'failed';
    const route = errors.find((e) => /^(GET|POST|PUT|PATCH|DELETE) \//.test(e));
    out.push({ ...where, message: clip(`${title}: ${first}${route ? ` (${route})` : ''}`) });
  }
  return out;
}

/** Summary counts from pytest's closing line (`3 failed, 40 passed in 2.1s`). */
export function pytestCounts(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const last = output
    .trim()
    .split('\n')
    .reverse()
    .find((l) => / in [\d.]+s/.test(l));
  for (const m of (last ?? '').matchAll(/(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)/g))
    counts[m[2] as string] = Number(m[1]);
  return counts;
}

/** One operation reported by `alembic check`: what it touches. */
export type SchemaDrift = { op: string; table: string | null; column: string | null; text: string };

/**
 * `alembic check`: "New upgrade operations detected: [('modify_type', None, 'tasks', 'title', {...}, ...)]".
 * Returns the operations with the table and column they name, when they can be read.
 */
export function parseAlembicCheck(output: string): SchemaDrift[] {
  const marker = 'New upgrade operations detected:';
  const at = output.indexOf(marker);
  if (at < 0) return [];
  const list = (output.slice(at + marker.length).split('\n')[0] as string).trim();
  const drifts: SchemaDrift[] = [];
  const seen = new Set<string>();
  for (const m of list.matchAll(/(?<!\w)\('(\w+)',/g)) {
    const op = m[1] as string;
    const rest = list
      .slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + 400)
      .replace(/\{[^{}]*\}, /, '')
      .replace(/\)+\]*$/, ')');
    // ('modify_type', None, 'table', 'column', ...) / ('add_column', None, 'table', Column('col', ...))
    const direct = /^\s*(?:None|'\w*'),\s*'(\w+)',\s*(?:'(\w+)'|Column\('(\w+)')/.exec(rest);
    const table = /^\s*(?:Table|Index|UniqueConstraint|ForeignKeyConstraint)\('(\w+)'/.exec(rest);
    const tableOfIndex = /Column\('(\w+)', .*?table=<(\w+)>/.exec(rest);
    const drift: SchemaDrift = direct
      ? {
          op,
          table: direct[1] as string,
          column: (direct[2] ?? direct[3]) as string,
          text: clip(rest.trim(), 200),
        }
      : tableOfIndex
        ? {
            op,
            table: tableOfIndex[2] as string,
            column: tableOfIndex[1] as string,
            text: clip(rest.trim(), 200),
          }
        : { op, table: table ? (table[1] as string) : null, column: null, text: clip(rest.trim(), 200) };
    const key = `${drift.op} ${drift.table} ${drift.column}`;
    if (!seen.has(key)) drifts.push(drift);
    seen.add(key);
  }
  return drifts;
}
