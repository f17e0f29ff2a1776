/**
 * Statement boundaries of a MySQL or SQLite script, for node-sql-parser, which parses one script as a whole and
 * then gives up on the first statement it does not know (a trigger, a `DELIMITER` block of mysqldump) and which
 * leaves most nodes without positions. Cutting the script at top-level semicolons, outside strings, quoted names,
 * comments and trigger bodies, lets each statement be parsed, positioned and, when it is not schema, skipped on
 * its own. This is lexing only: the parser still reads every statement.
 */
export interface Statement {
  /** The statement without its delimiter. */
  text: string;
  /** UTF-16 index in the script of its first character that is not blank or comment. */
  start: number;
}

export function splitStatements(script: string, mysql: boolean): Statement[] {
  const out: Statement[] = [];
  let delimiter = ';';
  let begin = 0;
  let i = 0;
  let trigger = false;
  let lastWord = '';
  const push = (end: number) => {
    const raw = script.slice(begin, end);
    const lead = leadingTrivia(raw, mysql);
    if (lead < raw.length) out.push({ text: raw.slice(lead), start: begin + lead });
  };
  while (i < script.length) {
    const c = script.charAt(i);
    const next = script.charAt(i + 1);
    // mysqldump's `DELIMITER ;;` lines (a client command, not SQL).
    if (mysql && atLineStart(script, i) && /^delimiter[ \t]/i.test(script.slice(i, i + 10))) {
      push(i);
      const end = lineEnd(script, i);
      delimiter = script.slice(i + 10, end).trim() || ';';
      i = end;
      begin = i;
      continue;
    }
    if (c === '-' && next === '-') i = lineEnd(script, i);
    else if (mysql && c === '#') i = lineEnd(script, i);
    else if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') i = quoted(script, i, c, mysql && c !== '`');
    else if (c === '[' && !mysql) {
      const end = script.indexOf(']', i + 1);
      i = end < 0 ? script.length : end + 1;
    } else if (script.startsWith(delimiter, i) && !(trigger && lastWord !== 'END' && delimiter === ';')) {
      push(i);
      i += delimiter.length;
      begin = i;
      trigger = false;
      lastWord = '';
    } else if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < script.length && /[A-Za-z0-9_$]/.test(script.charAt(end))) end++;
      lastWord = script.slice(i, end).toUpperCase();
      if (
        !trigger &&
        lastWord === 'TRIGGER' &&
        /^\s*create\b/i.test(script.slice(begin, i).replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))
      )
        trigger = true;
      i = end;
    } else {
      if (!/\s/.test(c)) lastWord = c;
      i++;
    }
  }
  push(script.length);
  return out;
}

function atLineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text.charAt(j) === ' ' || text.charAt(j) === '\t')) j--;
  return j < 0 || text.charAt(j) === '\n';
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** The index after a quoted string or name; doubled quotes and (MySQL strings) backslashes escape. */
function quoted(text: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charAt(j);
    if (backslash && c === '\\') j += 2;
    else if (c === quote) {
      if (text.charAt(j + 1) === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

/** Length of the blanks and comments a statement starts with (mysqldump's versioned comments only set session options). */
function leadingTrivia(text: string, mysql: boolean): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('--', i) || (mysql && text.charAt(i) === '#')) i = lineEnd(text, i);
    else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}
