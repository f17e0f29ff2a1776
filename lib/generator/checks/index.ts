import { ContentCache } from '../content-cache';
import { isKnownParsed } from '../format/ruff';
import { openApiDiagnostics } from './openapi';
import { ruffDiagnostics } from './ruff';
import { type Parser, pythonParser, treeSitterDiagnostics } from './tree-sitter';
import type { Diagnostic } from './types';

export { pythonParser } from './tree-sitter';
export type { Diagnostic } from './types';

/** One file's diagnostics without its name: the same Python text gives the same diagnostics under any name. */
export type FileDiagnostics = readonly Omit<Diagnostic, 'file'>[];

/** Python source -> ruff's and tree-sitter's diagnostics (one lookup per file; bounded like the other caches). */
const checkedPython = new ContentCache<FileDiagnostics>(32 * 2 ** 20);

const named = (file: string, found: FileDiagnostics): Diagnostic[] => found.map((d) => ({ file, ...d }));

/** What the content cache already knows of a Python file (no WASM runs), or undefined. */
export function knownPythonDiagnostics(file: string, source: string): Diagnostic[] | undefined {
  const found = checkedPython.get(source);
  return found && named(file, found);
}

/** Records diagnostics another thread found for this text (see lib/jobs/shared-checks.ts). */
export function rememberPythonDiagnostics(source: string, found: FileDiagnostics): void {
  checkedPython.set(source, found);
}

/**
 * tree-sitter for checking these Python texts, or undefined when every one is known parsed (`isKnownParsed`):
 * starting it (WASM, grammar) costs ~270 ms on a cold thread, and a generated project never needs it. Asked
 * before ruff checks the texts, like `pythonDiagnostics` asks.
 */
export function parserFor(sources: Iterable<string>): Promise<Parser | undefined> {
  for (const source of sources) if (!isKnownParsed(source)) return pythonParser();
  return Promise.resolve(undefined);
}

/**
 * ruff format --check and lint, then tree-sitter's parse errors, of one Python file (memoised by content).
 * tree-sitter is skipped for a text ruff's formatter produced (`isKnownParsed`): it parses, so tree-sitter has
 * nothing to add (`checks/known-parsed.test.ts` holds every golden project to that), and it is ~70 % of the
 * checks' time on generated code. `parser` is undefined when the caller found the text known parsed
 * (`parserFor`, or its own formatter output), so that answer stands even if the cache forgot it since.
 */
export function pythonDiagnostics(parser: Parser | undefined, file: string, source: string): Diagnostic[] {
  const found = checkedPython.through(source, (text) => {
    // Asked before ruff runs: its format check records what it formats, and that must not count here.
    const parsed = parser === undefined || isKnownParsed(text);
    return [...ruffDiagnostics('', text), ...(parsed ? [] : treeSitterDiagnostics(parser, '', text))].map(
      ({ file: _, ...d }) => d,
    );
  });
  return named(file, found);
}

/** Structural validation of a `.json` file that holds an OpenAPI document (an `openapi` key). */
export function jsonDiagnostics(file: string, source: string): Diagnostic[] {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    return [{ file, line: 1, column: 1, rule: 'json', message: String(error), severity: 'error' }];
  }
  return typeof doc === 'object' && doc !== null && 'openapi' in doc ? openApiDiagnostics(file, doc) : [];
}

/** The files `checkProject` looks at, in the order of its diagnostics. */
export function checkedFiles(files: Record<string, string>): string[] {
  return Object.keys(files)
    .sort()
    .filter((file) => file.endsWith('.py') || file.endsWith('.json'));
}

/**
 * Checks a generated file map: ruff format + lint of every `.py`, tree-sitter parse errors, and structural
 * validation of `*.json` OpenAPI documents (files whose JSON has an `openapi` key). Sorted by file and line.
 * One thread; lib/jobs/shared-checks.ts spreads the same per-file checks over the worker pool.
 */
export async function checkProject(files: Record<string, string>): Promise<Diagnostic[]> {
  const paths = checkedFiles(files);
  const parser = await parserFor(
    paths.filter((file) => file.endsWith('.py')).map((file) => files[file] as string),
  );
  const out: Diagnostic[] = [];
  for (const file of paths) {
    const source = files[file] as string;
    out.push(
      ...(file.endsWith('.py') ? pythonDiagnostics(parser, file, source) : jsonDiagnostics(file, source)),
    );
  }
  return out;
}

export { openApiDiagnostics };
