import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, type Node, Parser } from 'web-tree-sitter';
import type { Diagnostic } from './types';

let parserPromise: Promise<Parser> | undefined;

/**
 * One parser per process; the grammar is read from node_modules at run time (bundlers cannot import .wasm).
 * A parser whose parse threw is dropped (`treeSitterDiagnostics`), so the next call builds a fresh one.
 */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = readFileSync(
      path.join(process.cwd(), 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
    );
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export type { Parser };

type FileDiagnostic = Omit<Diagnostic, 'file'>;

/** ERROR and MISSING nodes of the parse tree as diagnostics (memoised by content in `checkProject`). */
export function treeSitterDiagnostics(parser: Parser, file: string, source: string): Diagnostic[] {
  return parseSafely(parser, source).map((d) => ({ file, ...d }));
}

/** A WASM instance that threw may be corrupted: forget it (and free it) so one input never poisons later calls. */
function parseSafely(parser: Parser, source: string): FileDiagnostic[] {
  try {
    return parseDiagnostics(parser, source);
  } catch (error) {
    const dropped = parserPromise;
    parserPromise = undefined;
    void dropped?.then((p) => {
      if (p === parser) parser.delete();
    });
    throw error;
  }
}

function parseDiagnostics(parser: Parser, source: string): FileDiagnostic[] {
  const tree = parser.parse(source);
  if (!tree)
    return [{ line: 1, column: 1, rule: 'parse', message: 'tree-sitter could not parse', severity: 'error' }];
  const out: FileDiagnostic[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      out.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        rule: node.isMissing ? 'parse-missing' : 'parse-error',
        message: node.isMissing ? `Missing ${node.type}` : 'Syntax error',
        severity: 'error',
      });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return out;
}
