import { openApiDiagnostics } from './openapi';
import { ruffDiagnostics } from './ruff';
import { pythonParser, treeSitterDiagnostics } from './tree-sitter';
import type { Diagnostic } from './types';

export type { Diagnostic } from './types';

/**
 * Checks a generated file map: ruff format + lint of every `.py`, tree-sitter parse errors, and structural
 * validation of `*.json` OpenAPI documents (files whose JSON has an `openapi` key). Sorted by file and line.
 */
export async function checkProject(files: Record<string, string>): Promise<Diagnostic[]> {
  const parser = await pythonParser();
  const out: Diagnostic[] = [];
  for (const file of Object.keys(files).sort()) {
    const source = files[file] as string;
    if (file.endsWith('.py')) {
      out.push(...ruffDiagnostics(file, source), ...treeSitterDiagnostics(parser, file, source));
    } else if (file.endsWith('.json')) {
      let doc: unknown;
      try {
        doc = JSON.parse(source);
      } catch (error) {
        out.push({ file, line: 1, column: 1, rule: 'json', message: String(error), severity: 'error' });
        continue;
      }
      if (typeof doc === 'object' && doc !== null && 'openapi' in doc)
        out.push(...openApiDiagnostics(file, doc));
    }
  }
  return out;
}

export { openApiDiagnostics };
