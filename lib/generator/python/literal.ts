/**
 * The one place user text becomes Python source. Every string from the design goes through `pyStr`
 * (or `pyDocstring`), so quotes, backslashes, newlines and control characters can never end a literal early.
 */

// Control, format, separator (except the plain space) and lone surrogates are escaped; printable text is kept.
const ESCAPE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\\"]|[\uD800-\uDFFF]/gu;

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '"':
      return '\\"';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case ' ':
      return ' ';
  }
  const code = ch.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Printable ASCII but quote and backslash: nothing to escape (most text), without the slower Unicode scan. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function escapeBody(value: string): string {
  return PLAIN.test(value) ? value : value.replace(ESCAPE, escapeChar);
}

/**
 * A Python string expression equal to `value`. Long values become implicitly concatenated pieces in
 * parentheses (see `pyLongStr`), so user text can never push a line past the length limit.
 */
export function pyStr(value: string): string {
  return pyLongStr(value);
}

/** Always one double-quoted literal (for f-string templates, which cannot be split this way). */
export function pySingleStr(value: string): string {
  return `"${escapeBody(value)}"`;
}

/**
 * A string literal that may be long: split into implicitly concatenated pieces inside parentheses so the
 * formatter can put each piece on its own line and no line exceeds the limit (E501). Pieces never split an
 * escape sequence.
 */
export function pyLongStr(value: string, pieceWidth = 44): string {
  const body = escapeBody(value);
  if (body.length <= pieceWidth) return `"${body}"`;
  const tokens = body.match(/\\(x..|u....|U........|.)|[^\\]/gs) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > pieceWidth) {
      pieces.push(current);
      current = '';
    }
    current += token;
  }
  if (current !== '') pieces.push(current);
  return `(${pieces.map((p) => `"${p}"`).join(' ')})`;
}

/**
 * A docstring body for `text`: word-wrapped to short lines, every quote and backslash escaped (a `"` can never
 * close the literal), other control characters escaped, no trailing spaces. Returns null for blank text.
 */
export function pyDocstring(text: string, indent: string, width = 72): string | null {
  const words = text
    .split(/\s+/u)
    .map((word) => escapeBody(word))
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      // Never cut inside an escape sequence.
      let cut = width;
      const head = word.slice(0, cut);
      const lastSlash = head.lastIndexOf('\\');
      if (lastSlash >= cut - 10 && lastSlash >= 0) cut = lastSlash;
      if (cut === 0) cut = Math.min(word.length, 10);
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, cut));
      line = '';
      word = word.slice(cut);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length === 1) return `"""${lines[0]}"""`;
  return `"""${lines[0]}\n${lines
    .slice(1)
    .map((l) => indent + l)
    .join('\n')}\n${indent}"""`;
}

/** A JSON value as a Python expression (dicts, lists, str, int/float, bool, None). */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyStr(k)}: ${pyValue(v)}`).join(', ')}}`;
  }
  return 'None';
}

/** Finite numbers only (the schema's JSON values are finite); integers stay integers. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) return 'None';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const text = String(value);
  // `1e-7` is valid Python; `1e+21` too. JS never emits a bare trailing dot.
  return text;
}

/** A Python float literal (always with a dot or exponent): `1` -> `1.0`. */
export function pyFloat(value: number): string {
  const text = pyNumber(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
