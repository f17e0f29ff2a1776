/** Tiny helpers for assembling Python source: indentation and keyword arguments. */

export const INDENT = '    ';

export function indent(text: string, depth = 1): string {
  const pad = INDENT.repeat(depth);
  // A hand-rolled split/map/join: emitters indent every block, often nested, so this is a hot path.
  let out = '';
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    if (line !== '') out += pad + line;
    if (end === -1) return out;
    out += '\n';
    start = end + 1;
  }
}

/** `name=value` pairs, skipping undefined values. */
export function kwargs(pairs: Array<[string, string | undefined | null | false]>): string[] {
  return pairs.filter((p): p is [string, string] => typeof p[1] === 'string').map(([k, v]) => `${k}=${v}`);
}

export function call(fn: string, args: readonly string[]): string {
  return `${fn}(${args.join(', ')})`;
}

/** A module: header (imports), then top-level blocks separated by two blank lines. */
export function module(imports: string, blocks: readonly string[], header?: string): string {
  // One blank line after imports: the formatter makes it two before a def/class, as isort expects.
  const head = [header, imports].filter((p): p is string => Boolean(p)).join('\n\n');
  const body = blocks.filter((b) => b.trim() !== '').join('\n\n\n');
  return `${[head, body].filter((p) => p !== '').join('\n\n')}\n`;
}
