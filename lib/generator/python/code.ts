/** Tiny helpers for assembling Python source: indentation and keyword arguments. */

export const INDENT = '    ';

export function indent(text: string, depth = 1): string {
  const pad = INDENT.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
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
