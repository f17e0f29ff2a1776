/**
 * Column type changes between kinds (text, whole numbers, floats, decimals, booleans, dates, date-times, UUIDs,
 * JSON) in revisions: what converts is converted, what does not becomes NULL (nullable column) or the column's
 * zero value (NOT NULL), and both databases end in the same state:
 *
 * - PostgreSQL: `ALTER COLUMN ... TYPE ... USING <expression>`, the expression testing each value first (regular
 *   expressions; a `CASE` so that a cast only ever sees a value it accepts), the column default dropped first
 *   (it could not be cast). Text to JSON needs a parse that does not fail: a `pg_temp` function catches the error.
 * - SQLite: an `UPDATE` rewrites every value in place into what the new type stores (SQLite keeps any value in
 *   any column), then batch mode copies the table without alembic's `CAST` (which would turn the text
 *   `2025-01-01` into the number 2025 on its way into a DATE column): the reflected column is declared with the
 *   new type already (`reflect_args`), so the copy is a plain one and the new column's affinity does the rest.
 *
 * Text converts by these rules on both databases: whole numbers `^-?[0-9]+$` (within range), decimal numbers
 * `^-?[0-9]+(\.[0-9]+)?$`, booleans true/t/yes/y/on/1 and false/f/no/n/off/0 (any case), dates `YYYY-MM-DD` (real
 * days), date-times `YYYY-MM-DD` optionally followed by ` HH:MM:SS` (or `T`), a fraction and `Z` / `±HH:MM`,
 * UUIDs with or without hyphens, JSON when it parses. JSON converts through its value (a JSON string's text).
 * Numbers round to whole numbers (half away from zero) or to a decimal's scale; a boolean is a number's
 * `<> 0`, and its text is `true` / `false`; date-times go to text and dates in UTC.
 */
import { pyStr } from '../python/literal';
import { execute, onDialect, sqlId } from './enums';
import type { SnapColumn } from './snapshot';

export type Kind =
  | { kind: 'text'; length: number | null; enum: boolean }
  | { kind: 'int'; bits: 32 | 64 }
  | { kind: 'float' }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'bool' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'uuid' }
  | { kind: 'json' };

/** The kind of a column from what it stores. */
export function kindOf(c: SnapColumn): Kind {
  const s = c.storage;
  const length = /^(?:sa\.String\(length=|varchar\()(\d+)\)$/.exec(s);
  if (length) return { kind: 'text', length: Number(length[1]), enum: c.enum !== null };
  const decimal = /^sa\.Numeric\(precision=(\d+), scale=(\d+)\)$/.exec(s);
  if (decimal) return { kind: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) };
  switch (s) {
    case 'sa.Text()':
      return { kind: 'text', length: null, enum: false };
    case 'sa.Integer()':
      return { kind: 'int', bits: 32 };
    case 'sa.BigInteger()':
      return { kind: 'int', bits: 64 };
    case 'sa.Float()':
      return { kind: 'float' };
    case 'sa.Boolean()':
      return { kind: 'bool' };
    case 'sa.Date()':
      return { kind: 'date' };
    case 'sa.DateTime(timezone=True)':
      return { kind: 'datetime' };
    case 'sa.Uuid()':
      return { kind: 'uuid' };
    case 'sa.JSON()':
      return { kind: 'json' };
    default:
      return { kind: 'text', length: null, enum: false };
  }
}

const RANGE = { 32: ['-2147483648', '2147483647'], 64: ['-9223372036854775808', '9223372036854775807'] };
/** 10^(precision - scale): the first absolute value a decimal cannot hold. */
const decimalLimit = (k: { precision: number; scale: number }) => `1${'0'.repeat(k.precision - k.scale)}`;
/** Longest text of a value of kind `k` (null: unbounded). */
function textLength(k: Kind): number | null {
  switch (k.kind) {
    case 'text':
      return k.length;
    case 'int':
      return k.bits === 32 ? 11 : 20;
    case 'decimal':
      return k.precision + 2;
    case 'float':
      return 24;
    case 'bool':
      return 5;
    case 'date':
      return 10;
    case 'datetime':
      return 26;
    case 'uuid':
      return 36;
    case 'json':
      return null;
  }
}

const TRUE = "('true', 't', 'yes', 'y', 'on', '1')";
const FALSE = "('false', 'f', 'no', 'n', 'off', '0')";
const WHOLE_RE = "'^-?[0-9]+$'";
const NUMBER_RE = "'^-?[0-9]+(\\.[0-9]+)?$'";
const DAY = '[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const DATE_RE = `'^${DAY}$'`;
const DATETIME_RE = `'^${DAY}([ T]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$'`;
const UUID_RE = "'^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'";
const JSON_FN = 'pg_temp.fastdraft_json';
const JSON_FN_CREATE = `CREATE OR REPLACE FUNCTION ${JSON_FN}(value text) RETURNS json LANGUAGE plpgsql AS $$ BEGIN RETURN value::json; EXCEPTION WHEN others THEN RETURN NULL; END $$`;

function pgType(k: Kind): string {
  switch (k.kind) {
    case 'text':
      return 'text';
    case 'int':
      return k.bits === 32 ? 'integer' : 'bigint';
    case 'float':
      return 'double precision';
    case 'decimal':
      return `numeric(${k.precision}, ${k.scale})`;
    case 'bool':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'uuid':
      return 'uuid';
    case 'json':
      return 'json';
  }
}

/** A PostgreSQL day `t` (text starting `YYYY-MM-DD`) that exists (not 2025-02-30). */
const pgRealDay = (t: string) =>
  `to_char((left(${t}, 8) || '01')::date + (substr(${t}, 9, 2)::integer - 1), 'YYYY-MM-DD') = left(${t}, 10)`;

/** PostgreSQL: text `t` as kind `to`, NULL when it does not convert. */
function pgFromText(t: string, to: Kind): string {
  switch (to.kind) {
    case 'text':
      return t;
    case 'int': {
      const [lo, hi] = RANGE[to.bits];
      return `CASE WHEN ${t} ~ ${WHOLE_RE} THEN CASE WHEN ${t}::numeric BETWEEN ${lo} AND ${hi} THEN ${t}::numeric::${pgType(to)} END END`;
    }
    case 'float':
      return `CASE WHEN ${t} ~ ${NUMBER_RE} THEN ${t}::double precision END`;
    case 'decimal':
      return `CASE WHEN ${t} ~ ${NUMBER_RE} THEN CASE WHEN abs(round(${t}::numeric, ${to.scale})) < ${decimalLimit(to)} THEN ${t}::${pgType(to)} END END`;
    case 'bool':
      return `CASE WHEN lower(${t}) IN ${TRUE} THEN true WHEN lower(${t}) IN ${FALSE} THEN false END`;
    case 'date':
      return `CASE WHEN ${t} ~ ${DATE_RE} THEN CASE WHEN ${pgRealDay(t)} THEN ${t}::date END END`;
    case 'datetime':
      return `CASE WHEN ${t} ~ ${DATETIME_RE} THEN CASE WHEN ${pgRealDay(t)} THEN ${t}::timestamptz END END`;
    case 'uuid':
      return `CASE WHEN lower(${t}) ~ ${UUID_RE} THEN ${t}::uuid END`;
    case 'json':
      return `${JSON_FN}(${t})`;
  }
}

/** PostgreSQL: column `x` of kind `from` as kind `to` (text targets give text), NULL when it does not convert. */
function pgValue(x: string, from: Kind, to: Kind): string {
  switch (from.kind) {
    case 'text':
      return pgFromText(from.enum ? `${x}::text` : x, to);
    case 'json':
      return to.kind === 'json' ? x : pgFromText(`(${x} #>> '{}')`, to);
    case 'int':
    case 'float':
    case 'decimal': {
      const whole = from.kind === 'int' ? x : `round(${x}::numeric)`;
      switch (to.kind) {
        case 'text':
          // As SQLite writes them (a number column cannot hold other text there): decimals without trailing
          // zeros, whole floats with `.0`.
          if (from.kind === 'decimal')
            return `CASE WHEN position('.' in ${x}::text) > 0 THEN rtrim(rtrim(${x}::text, '0'), '.') ELSE ${x}::text END`;
          if (from.kind === 'float')
            return `CASE WHEN abs(${x}) < 1e15 AND ${x} = trunc(${x}) THEN ${x}::bigint::text || '.0' ELSE ${x}::text END`;
          return `${x}::text`;
        case 'int': {
          const [lo, hi] = RANGE[to.bits];
          return `CASE WHEN ${whole} BETWEEN ${lo} AND ${hi} THEN ${whole}::${pgType(to)} END`;
        }
        case 'float':
          return `${x}::double precision`;
        case 'decimal':
          return `CASE WHEN abs(round(${x}::numeric, ${to.scale})) < ${decimalLimit(to)} THEN ${x}::${pgType(to)} END`;
        case 'bool':
          return `${x} <> 0`;
        case 'json':
          return `to_json(${x})`;
        default:
          return 'NULL';
      }
    }
    case 'bool':
      switch (to.kind) {
        case 'text':
          return `${x}::text`;
        case 'json':
          return `to_json(${x})`;
        case 'int':
          return to.bits === 32 ? `${x}::integer` : `${x}::integer::bigint`;
        case 'float':
          return `${x}::integer::double precision`;
        case 'decimal':
          return pgValue(`${x}::integer`, { kind: 'int', bits: 32 }, to);
        default:
          return 'NULL';
      }
    case 'date': {
      const text = `to_char(${x}, 'YYYY-MM-DD')`;
      if (to.kind === 'text') return text;
      if (to.kind === 'json') return `to_json(${text})`;
      if (to.kind === 'datetime') return `${x}::timestamp AT TIME ZONE 'UTC'`;
      return 'NULL';
    }
    case 'datetime': {
      const text = `to_char(${x} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
      if (to.kind === 'text') return text;
      if (to.kind === 'json') return `to_json(${text})`;
      if (to.kind === 'date') return `(${x} AT TIME ZONE 'UTC')::date`;
      return 'NULL';
    }
    case 'uuid':
      if (to.kind === 'text') return `${x}::text`;
      if (to.kind === 'json') return `to_json(${x}::text)`;
      return 'NULL';
  }
}

/** SQLite: text `t` of the shape `-?[0-9]+` (`dot`: with an optional fraction `.[0-9]+`). */
const liteNumeric = (t: string, dot: boolean) =>
  dot
    ? `(${t} GLOB '[0-9]*' OR ${t} GLOB '-[0-9]*') AND substr(${t}, 2) NOT GLOB '*[^0-9.]*' AND ${t} NOT GLOB '*.*.*' AND ${t} NOT GLOB '*.'`
    : `(${t} GLOB '[0-9]*' OR ${t} GLOB '-[0-9]*') AND substr(${t}, 2) NOT GLOB '*[^0-9]*'`;
const LITE_DAY = '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';
/** SQLite's text of a datetime as SQLAlchemy stores it (`YYYY-MM-DD HH:MM:SS.ffffff`, in UTC). */
const liteDatetime = (t: string) =>
  `strftime('%Y-%m-%d %H:%M:%S', ${t}) || '.' || substr(strftime('%f', ${t}), 4) || '000'`;
const liteDashed = (x: string) =>
  `lower(substr(${x}, 1, 8) || '-' || substr(${x}, 9, 4) || '-' || substr(${x}, 13, 4) || '-' || substr(${x}, 17, 4) || '-' || substr(${x}, 21))`;

/** SQLite: text `t` as kind `to` is stored, NULL when it does not convert. */
function liteFromText(t: string, to: Kind): string {
  switch (to.kind) {
    case 'text':
      return t;
    case 'int': {
      const [lo, hi] = RANGE[to.bits];
      return `CASE WHEN ${liteNumeric(t, false)} AND CAST(${t} AS REAL) BETWEEN ${lo} AND ${hi} THEN CAST(${t} AS INTEGER) END`;
    }
    case 'float':
      return `CASE WHEN ${liteNumeric(t, true)} THEN CAST(${t} AS REAL) END`;
    case 'decimal':
      return `CASE WHEN ${liteNumeric(t, true)} AND abs(round(CAST(${t} AS REAL), ${to.scale})) < ${decimalLimit(to)} THEN round(CAST(${t} AS REAL), ${to.scale}) END`;
    case 'bool':
      return `CASE WHEN lower(${t}) IN ${TRUE} THEN 1 WHEN lower(${t}) IN ${FALSE} THEN 0 END`;
    case 'date':
      return `CASE WHEN ${t} GLOB '${LITE_DAY}' AND date(${t}, '+0 days') = ${t} THEN ${t} END`;
    case 'datetime':
      return `CASE WHEN (${t} GLOB '${LITE_DAY}' OR ${t} GLOB '${LITE_DAY}[ T][0-2][0-9]:[0-5][0-9]:[0-5][0-9]*') AND substr(${t}, 12, 2) < '24' AND date(${t}, '+0 days') = substr(${t}, 1, 10) THEN ${liteDatetime(t)} END`;
    case 'uuid':
      return `CASE WHEN (length(${t}) = 32 OR (length(${t}) = 36 AND substr(${t}, 9, 1) || substr(${t}, 14, 1) || substr(${t}, 19, 1) || substr(${t}, 24, 1) = '----')) AND replace(${t}, '-', '') NOT GLOB '*[^0-9a-fA-F]*' THEN lower(replace(${t}, '-', '')) END`;
    case 'json':
      return `CASE WHEN json_valid(${t}) THEN ${t} END`;
  }
}

/** SQLite: the stored value of column `x` of kind `from` as kind `to` stores it, NULL when it does not convert. */
function liteValue(x: string, from: Kind, to: Kind): string {
  switch (from.kind) {
    case 'text':
      return liteFromText(x, to);
    case 'json': {
      if (to.kind === 'json') return x;
      const value = `CASE json_type(${x}) WHEN 'text' THEN json_extract(${x}, '$') WHEN 'null' THEN NULL ELSE ${x} END`;
      return liteFromText(`(${value})`, to);
    }
    case 'int':
    case 'float':
    case 'decimal': {
      const whole = from.kind === 'int' ? x : `round(${x})`;
      switch (to.kind) {
        case 'text':
        case 'float':
        case 'json':
          return x;
        case 'int': {
          const [lo, hi] = RANGE[to.bits];
          return `CASE WHEN ${whole} BETWEEN ${lo} AND ${hi} THEN CAST(${whole} AS INTEGER) END`;
        }
        case 'decimal':
          return `CASE WHEN abs(round(${x}, ${to.scale})) < ${decimalLimit(to)} THEN round(${x}, ${to.scale}) END`;
        case 'bool':
          return `${x} <> 0`;
        default:
          return 'NULL';
      }
    }
    case 'bool':
      switch (to.kind) {
        case 'text':
        case 'json':
          return `CASE ${x} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`;
        case 'int':
        case 'float':
          return x;
        case 'decimal':
          return liteValue(x, { kind: 'int', bits: 32 }, to);
        default:
          return 'NULL';
      }
    case 'date':
      if (to.kind === 'text') return x;
      if (to.kind === 'json') return `json_quote(${x})`;
      if (to.kind === 'datetime') return `${x} || ' 00:00:00.000000'`;
      return 'NULL';
    case 'datetime':
      if (to.kind === 'text') return x;
      if (to.kind === 'json') return `json_quote(${x})`;
      if (to.kind === 'date') return `substr(${x}, 1, 10)`;
      return 'NULL';
    case 'uuid':
      if (to.kind === 'text') return liteDashed(x);
      if (to.kind === 'json') return `json_quote(${liteDashed(x)})`;
      return 'NULL';
  }
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Whether the change from `a` to `b` is a conversion this module plans (enum targets are `enums.ts`'s). */
export function converts(a: SnapColumn, b: SnapColumn): boolean {
  if (b.enum !== null || a.storage === b.storage) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka.kind !== kb.kind) return true;
  if (ka.kind === 'int' && kb.kind === 'int') return kb.bits < ka.bits;
  if (ka.kind === 'decimal' && kb.kind === 'decimal')
    return kb.precision - kb.scale < ka.precision - ka.scale;
  return false;
}

export type Conversion = {
  /** Code before the batch (both dialects, each statement guarded by its dialect). */
  pre: string[];
  /** `postgresql_using` of the alter. */
  using: string;
  /** SQLite: the column as the copy must see it (`reflect_args` of the batch), or null. */
  reflect: string | null;
};

/**
 * Rows and `USING` of column `a` of `table` becoming `b` (`converts(a, b)`): a NOT NULL `b` also gets its zero
 * value for NULLs (no separate backfill needed).
 */
export function convertColumn(table: string, a: SnapColumn, b: SnapColumn): Conversion {
  const from = kindOf(a);
  const to = kindOf(b);
  const x = sqlId(a.name);
  const crossKind = from.kind !== to.kind;
  const limit = to.kind === 'text' ? to.length : null;
  const guard = (v: string) =>
    limit !== null && (textLength(from) ?? Number.POSITIVE_INFINITY) > limit
      ? `CASE WHEN length(${v}) <= ${limit} THEN ${v} END`
      : v;
  // NULL for what does not convert: the zero value in a NOT NULL column (and for NULLs the old one allowed).
  const fill = (v: string, zero: string) =>
    b.nullable || (v === x && !a.nullable) ? v : `COALESCE(${v}, ${zero})`;
  const pg = fill(guard(pgValue(x, from, to)), `${sqlText(b.zero)}::${pgType(to)}`);
  const lite = fill(guard(liteValue(x, from, to)), sqlText(b.zero));
  const pre: string[] = [];
  const pgPre: string[] = [];
  if (crossKind) pgPre.push(execute(`ALTER TABLE ${sqlId(table)} ALTER COLUMN ${x} DROP DEFAULT`));
  if (pg.includes(JSON_FN)) pgPre.push(execute(JSON_FN_CREATE));
  if (pgPre.length > 0) pre.push(onDialect('postgresql', pgPre));
  if (lite !== x) pre.push(onDialect('sqlite', [execute(`UPDATE ${sqlId(table)} SET ${x} = ${lite}`)]));
  const reflect = crossKind
    ? `sa.Column(${pyStr(a.name)}, ${b.type}, nullable=${a.nullable ? 'True' : 'False'})`
    : null;
  return { pre, using: pg, reflect };
}

/** What a conversion from `a` to `b` loses (`fallback`: what rows that do not convert get), or null. */
export function conversionLoss(a: SnapColumn, b: SnapColumn): string | null {
  const from = kindOf(a);
  const to = kindOf(b);
  const fallback = b.nullable ? 'NULL' : JSON.stringify(b.zero);
  const become = `become ${fallback}`;
  const longer = () => {
    if (to.kind !== 'text' || to.length === null) return null;
    const max = textLength(from);
    return max !== null && max <= to.length
      ? null
      : `values longer than ${to.length} characters as text ${become}`;
  };
  if (from.kind === 'int' && to.kind === 'int' && to.bits >= from.bits) return null;
  if (
    from.kind === 'decimal' &&
    to.kind === 'decimal' &&
    to.precision - to.scale >= from.precision - from.scale
  )
    return to.scale >= from.scale ? null : `values are rounded to ${to.scale} decimal places`;
  const source = from.kind === 'json' ? 'JSON values' : 'text values';
  if (from.kind === 'text' || (from.kind === 'json' && to.kind !== 'text')) {
    switch (to.kind) {
      case 'text':
        return longer();
      case 'int':
        return `${source} that are not whole numbers (or are out of range) ${become}`;
      case 'float':
        return `${source} that are not decimal numbers (like -12.5) ${become}`;
      case 'decimal':
        return `${source} that are not decimal numbers (like -12.5) or do not fit numeric(${to.precision}, ${to.scale}) ${become}; others are rounded to ${to.scale} decimal places`;
      case 'bool':
        return `${source} other than true/false, t/f, yes/no, y/n, on/off, 1/0 ${become}`;
      case 'date':
        return `${source} that are not dates (YYYY-MM-DD) ${become}`;
      case 'datetime':
        return `${source} that are not date-times (YYYY-MM-DD[ HH:MM:SS[.fraction][Z|+HH:MM]]) ${become}`;
      case 'uuid':
        return `${source} that are not UUIDs ${become}`;
      case 'json':
        return `${source} that are not valid JSON ${become}`;
    }
  }
  if (to.kind === 'text') return longer();
  if (to.kind === 'json') return null;
  const numeric = (k: Kind) => k.kind === 'int' || k.kind === 'float' || k.kind === 'decimal';
  if (numeric(from) || from.kind === 'bool') {
    if (to.kind === 'int') {
      const round = from.kind === 'float' || from.kind === 'decimal' ? 'fractions are rounded; ' : '';
      return from.kind === 'bool' ? null : `${round}values out of the ${to.bits}-bit range ${become}`;
    }
    if (to.kind === 'decimal') {
      if (from.kind === 'bool') return null;
      const round =
        from.kind === 'float' || (from.kind === 'decimal' && from.scale > to.scale)
          ? `; others are rounded to ${to.scale} decimal places`
          : '';
      return `values that do not fit numeric(${to.precision}, ${to.scale}) ${become}${round}`;
    }
    if (to.kind === 'float')
      return from.kind === 'decimal' || (from.kind === 'int' && from.bits === 64)
        ? 'values become floating point numbers: digits beyond about 15 are lost'
        : null;
    if (to.kind === 'bool') return from.kind === 'bool' ? null : 'numbers become true (not 0) or false (0)';
  }
  if (from.kind === 'datetime' && to.kind === 'date') return 'date-times lose their time of day (UTC)';
  if (from.kind === 'date' && to.kind === 'datetime') return null;
  return `no value converts: every value becomes ${fallback}`;
}
