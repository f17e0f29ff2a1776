import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, type Node, Parser } from 'web-tree-sitter';
import type { Diagnostic } from './types';

let parserPromise: Promise<Parser> | undefined;

/** One parser per process; the grammar is read from node_modules at run time (bundlers cannot import .wasm). */
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

/** ERROR and MISSING nodes of the parse tree as diagnostics. */
export function treeSitterDiagnostics(parser: Parser, file: string, source: string): Diagnostic[] {
  const tree = parser.parse(source);
  if (!tree)
    return [
      { file, line: 1, column: 1, rule: 'parse', message: 'tree-sitter could not parse', severity: 'error' },
    ];
  const out: Diagnostic[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      out.push({
        file,
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
