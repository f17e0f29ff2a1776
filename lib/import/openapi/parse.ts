import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ImportError, type SourceLocation } from '../types';

/**
 * Reading an OpenAPI document: JSON or YAML text (JSON is YAML) into plain values, with a way back from a JSON
 * pointer to the line and column it came from. Bounded: aliases are capped (a "billion laughs" document expands
 * to nothing large), and a nesting too deep for the parser is an ImportError, not a stack overflow.
 */

/** At most this many alias expansions in the whole document (yaml's own guard against alias bombs). */
export const MAX_ALIASES = 100;
/** Deeper documents are refused before the recursive parts of the parser and the importer see them. */
export const MAX_DEPTH = 64;

export type OpenApiSource = {
  root: unknown;
  /** The 1-based line and column of the value at `pointer`, or undefined when the pointer leads nowhere. */
  position: (pointer: string) => { line: number; column: number } | undefined;
};

/** RFC 6901 escaping of one reference token. */
export const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (tokens: readonly (string | number)[]) =>
  tokens.map((t) => `/${escapeToken(String(t))}`).join('');
export const tokensOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Nesting depth of brackets and indentation, measured without parsing: the yaml composer recurses per level,
 * so a 100,000-deep `[[[...` must be refused before it. Counts flow brackets (outside quotes) and block
 * indentation steps; an over-estimate is fine (strings hold no structure the bound could miss).
 */
function nestingTooDeep(text: string): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let column = 1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      column = 1;
      if (quote === "'") quote = null;
      continue;
    }
    column++;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = text[i - 1];
      // A quote inside a plain YAML word (`it's`) does not open a string.
      if (quote === null && (prev === undefined || /[\s,[{:]/.test(prev))) quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return { line, column: column - 1 };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

function blockIndentTooDeep(text: string): { line: number; column: number } | null {
  // Block nesting: the indentation levels open at each line (a stack), plus sequences opened by `- - ` prefixes.
  const stack: number[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const dashes = /^(-\s+)+/.exec(trimmed)?.[0] ?? '';
    const indent = raw.length - trimmed.length + dashes.length;
    while (stack.length > 0 && (stack[stack.length - 1] as number) >= indent) stack.pop();
    stack.push(indent);
    // `- - - x` nests three sequences on one line.
    if (stack.length + (dashes.match(/-/g)?.length ?? 0) > MAX_DEPTH * 2) return { line, column: indent + 1 };
  }
  return null;
}

export function parseSource(text: string): OpenApiSource {
  const deep = nestingTooDeep(text) ?? blockIndentTooDeep(text);
  if (deep) throw new ImportError(`The document is nested deeper than ${MAX_DEPTH} levels.`, deep);
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: false });
  } catch (error) {
    throw new ImportError(`The document could not be read: ${String((error as Error)?.message ?? error)}`);
  }
  const first = doc.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const message = first.message.split('\n')[0] ?? 'syntax error';
    throw new ImportError(
      `Not valid JSON or YAML: ${message}`,
      at ? { line: at.line, column: at.col } : undefined,
    );
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (/alias/i.test(message))
      throw new ImportError(`The document expands too many YAML aliases (at most ${MAX_ALIASES}).`);
    throw new ImportError(`The document could not be read: ${message}`);
  }
  const position = (pointer: string) => {
    let node: unknown = doc.contents;
    for (const token of tokensOf(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === token);
        if (!pair) return undefined;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(token)];
      } else return undefined;
    }
    const range = (node as Node | null)?.range;
    if (!range) return undefined;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };
  return { root, position };
}

/** A pointer location for the report. */
export const at = (pointer: string): SourceLocation => ({ pointer });
