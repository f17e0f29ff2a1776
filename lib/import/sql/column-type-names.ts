/**
 * SQLite takes any words as a column type (`NVARCHAR(120)`, `UNSIGNED BIG INT`, `UUID`) and `[name]` quoting, MySQL
 * takes `NVARCHAR`/`NCHAR`; node-sql-parser's grammars know fixed lists of types and no brackets. Before parsing, a
 * CREATE/ALTER TABLE's column types outside that list are replaced by `TEXT` padded to the same length, and
 * `[name]` by `"name"` (SQLite), so the parser reads the statement and every offset stays where it was; the
 * replaced type of each column is kept by the offset where it starts, for the reader to put back. Lexing only:
 * tokens and parenthesis depth.
 */

/** Type names node-sql-parser 5.4's SQLite grammar parses (from its own "expected" list). */
const SQLITE_KNOWN = new Set([
  'INT',
  'INTEGER',
  'BIGINT',
  'SMALLINT',
  'TINYINT',
  'INT8',
  'REAL',
  'DOUBLE',
  'DOUBLE PRECISION',
  'FLOAT',
  'NUMERIC',
  'DECIMAL',
  'BOOLEAN',
  'DATE',
  'DATETIME',
  'TIMESTAMP',
  'TIME',
  'TEXT',
  'VARCHAR',
  'CHAR',
  'BLOB',
  'JSON',
]);

/** Type names its MySQL grammar parses. */
const MYSQL_KNOWN = new Set(
  (
    'CHAR VARCHAR NUMERIC DECIMAL INT INTEGER SMALLINT MEDIUMINT TINYINT BIGINT FLOAT DOUBLE BIT DATE DATETIME ' +
    'TIME TIMESTAMP YEAR JSON TINYTEXT TEXT MEDIUMTEXT LONGTEXT ENUM SET BOOLEAN BOOL BINARY VARBINARY BLOB ' +
    'TINYBLOB MEDIUMBLOB LONGBLOB GEOMETRY POINT LINESTRING POLYGON MULTIPOINT MULTILINESTRING MULTIPOLYGON ' +
    'GEOMETRYCOLLECTION REAL'
  ).split(' '),
);

/** MySQL column attributes that follow the type. */
const MYSQL_ATTRIBUTES = [
  'UNSIGNED',
  'SIGNED',
  'ZEROFILL',
  'CHARACTER',
  'CHARSET',
  'AUTO_INCREMENT',
  'COMMENT',
  'ON',
  'KEY',
  'COLUMN_FORMAT',
  'STORAGE',
  'VISIBLE',
  'INVISIBLE',
  'SRID',
];

/** Words that end a column's type: the start of a column constraint. */
const CONSTRAINT_WORDS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
  'AUTOINCREMENT',
]);

/** Table constraints start with these instead of a column name. */
const TABLE_CONSTRAINT = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'CHECK',
  'FOREIGN',
  'KEY',
  'INDEX',
  'FULLTEXT',
  'SPATIAL',
]);

export interface NormalisedTypes {
  text: string;
  /** Offset of a column's type in the statement -> the type as written (`NVARCHAR(120)`). */
  types: Map<number, string>;
}

interface Token {
  kind: 'word' | 'quoted' | 'punct' | 'other';
  start: number;
  end: number;
  text: string;
}

function tokens(text: string, brackets: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '-' && text.charAt(i + 1) === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text.charAt(i + 1) === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (c === '"' || c === '`' || c === "'" || (brackets && c === '[')) {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      while (j < text.length) {
        if (text.charAt(j) === close) {
          if (close !== ']' && text.charAt(j + 1) === close) j += 2;
          else break;
        } else j++;
      }
      i = Math.min(j + 1, text.length);
      out.push({ kind: c === "'" ? 'other' : 'quoted', start, end: i, text: text.slice(start, i) });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_$]/.test(text.charAt(i))) i++;
      out.push({ kind: 'word', start, end: i, text: text.slice(start, i) });
      continue;
    }
    i++;
    out.push({ kind: c === '(' || c === ')' || c === ',' ? 'punct' : 'other', start, end: i, text: c });
  }
  return out;
}

export function normaliseTypes(statement: string, dialect: 'mysql' | 'sqlite'): NormalisedTypes {
  const types = new Map<number, string>();
  const sqlite = dialect === 'sqlite';
  const table =
    /^\s*create\s+(temp\w*\s+)?table\b/i.test(statement) || /^\s*alter\s+table\b/i.test(statement);
  if (!table && !(sqlite && statement.includes('['))) return { text: statement, types };
  const toks = tokens(statement, sqlite);
  const chars = statement.split('');
  // `[name]` -> `"name"` (same length).
  for (const t of toks) {
    if (
      sqlite &&
      t.kind === 'quoted' &&
      t.text.startsWith('[') &&
      t.text.endsWith(']') &&
      !t.text.includes('"')
    ) {
      chars[t.start] = '"';
      chars[t.end - 1] = '"';
    }
  }
  if (!table) return { text: chars.join(''), types };
  const known = sqlite ? SQLITE_KNOWN : MYSQL_KNOWN;
  const stops = sqlite ? CONSTRAINT_WORDS : new Set([...CONSTRAINT_WORDS, ...MYSQL_ATTRIBUTES]);
  let depth = 0;
  const alter = /^\s*alter\b/i.test(statement);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    const startsColumn =
      (t.kind === 'punct' &&
        (t.text === ',' || t.text === '(') &&
        depth === 1 &&
        (t.text === ',' || isTableParen(toks, k))) ||
      (alter && t.kind === 'word' && t.text.toUpperCase() === 'COLUMN');
    if (!startsColumn) continue;
    const name = toks[k + 1];
    if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) continue;
    if (name.kind === 'word' && TABLE_CONSTRAINT.has(name.text.toUpperCase())) continue;
    // The type: words up to a constraint word, with an optional `(n)` / `(n, m)`.
    let j = k + 2;
    const words: Token[] = [];
    while (toks[j]?.kind === 'word' && !stops.has((toks[j] as Token).text.toUpperCase()))
      words.push(toks[j++] as Token);
    if (words.length === 0) continue;
    const first = words[0] as Token;
    let end = (words[words.length - 1] as Token).end;
    if (toks[j]?.text === '(') {
      let m = j + 1;
      while (m < toks.length && toks[m]?.text !== ')' && m - j < 8) m++;
      if (toks[m]?.text === ')') end = (toks[m] as Token).end;
    }
    // MySQL's `VARCHAR(40) BINARY` (a binary collation, which the grammar does not take) reads as the bare type.
    const after = toks.find((t) => t.start >= end);
    if (!sqlite && after?.kind === 'word' && after.text.toUpperCase() === 'BINARY')
      for (let c = after.start; c < after.end; c++) chars[c] = ' ';
    const typeName = words.map((w) => w.text.toUpperCase()).join(' ');
    if (known.has(typeName)) continue;
    const span = end - first.start;
    if (span < 4) continue; // nothing the grammar knows fits; the parser will name the error
    types.set(first.start, statement.slice(first.start, end));
    const replacement = `TEXT${' '.repeat(span - 4)}`;
    for (let c = 0; c < span; c++) chars[first.start + c] = replacement.charAt(c);
  }
  return { text: chars.join(''), types };
}

/** Whether the `(` at `k` opens the column list (CREATE TABLE name `(`), not a type's or a check's. */
function isTableParen(toks: Token[], k: number): boolean {
  for (let i = k - 1; i >= 0; i--) {
    const word = (toks[i] as Token).text.toUpperCase();
    if (word === 'TABLE') return true;
    if ((toks[i] as Token).kind === 'punct') return false;
  }
  return false;
}
