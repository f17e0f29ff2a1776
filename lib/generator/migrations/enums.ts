/**
 * PostgreSQL enum types in revisions. A type exists while at least one column uses it; between two snapshots
 * a type (keyed by the design enum's id) is created, dropped, renamed or changes its values:
 *
 * - values added in an order that keeps the old ones in place: `ALTER TYPE ... ADD VALUE ... BEFORE/AFTER`, in
 *   an autocommit block (it cannot run in a transaction block before PostgreSQL 12, nor be used in the
 *   transaction that added it after);
 * - any other change (values removed, reordered): rows holding a removed value are updated first (to the
 *   field's default, else NULL when the column allows it, else the enum's first value: on SQLite too), then the
 *   type is swapped: rename the old one, create the new one, `ALTER COLUMN ... TYPE new USING col::text::new`
 *   for every column of it, drop the old one. A column default would block the cast: enum columns have none
 *   in the models, but a NOT NULL column added to a table with rows keeps the `server_default` it was
 *   backfilled with, so the default is dropped first (likewise when a column becomes an enum).
 *
 * A change that both adds and removes goes through the union of old and new values: the additions run before
 * the table steps (so new columns and defaults may use new values), the removals after them (when every column
 * is in its final shape). Downgrades undo each step (a removal is undone by adding the value back, an addition
 * by removing it, rows included). All of it is guarded by the dialect name, which offline SQL
 * (`alembic upgrade --sql`) knows too; creating and dropping types is a no-op on SQLite.
 */

import { enumCreate, enumDrop, enumSaType } from '../fastapi/migration';
import { patched } from '../patched';
import { indent } from '../python/code';
import { pyLongStr, pyStr } from '../python/literal';
import type { Step } from './plan';
import type { SnapColumn, SnapEnum, Snapshot } from './snapshot';

export const sqlId = (name: string) => `"${name}"`;
const sqlLit = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);
const sqlList = (values: readonly string[]) => values.map(sqlLit).join(', ');

/** A SQL string as a Python literal: long ones cut between words into pieces the formatter lays out one a line. */
export function pySql(sql: string, width = 56): string {
  const size = (text: string) => pyLongStr(text, Number.POSITIVE_INFINITY).length - 2; // escaped
  const chunks: string[] = [];
  for (const word of sql.split(/(?<= )/)) {
    const last = chunks.length - 1;
    if (last >= 0 && size((chunks[last] as string) + word) <= width) chunks[last] += word;
    else chunks.push(word);
  }
  const pieces = chunks.map((c) => {
    const literal = pyLongStr(c, 72); // one piece unless a single word is that long
    return literal.startsWith('(') ? literal.slice(1, -1) : literal;
  });
  return pieces.length === 1 ? (pieces[0] as string) : `(${pieces.join(' ')})`;
}

/** `op.execute("<sql>")`: a long literal comes parenthesised, and the call's own parentheses are enough (UP034). */
export function execute(sql: string): string {
  const literal = pySql(sql);
  return `op.execute(${literal.startsWith('(') ? literal.slice(1, -1) : literal})`;
}

/** `lines` run only on `dialect` (online, and in offline SQL generated for it). */
export function onDialect(dialect: 'postgresql' | 'sqlite', lines: readonly string[]): string {
  return `if op.get_context().dialect.name == ${pyStr(dialect)}:\n${indent(lines.join('\n'))}`;
}

const ROWS_COMMENT = '# Rows with a removed value get the default, else NULL, else the first value';
const CAST_COMMENT = '# Values outside the enum become the default, else NULL, else the first value';

/** Temporary name of a type whose name another type takes in the same revision. */
const vacated = (name: string) => `_${name}_old`;
/** Temporary name of the old type while it is swapped for one with other values. */
const swapped = (name: string) => `_${name}_prev`;

function isSubsequence(a: readonly string[], b: readonly string[]): boolean {
  let i = 0;
  for (const v of b) if (i < a.length && a[i] === v) i++;
  return i === a.length;
}

/** `ALTER TYPE ... ADD VALUE` for each value of `to` missing from `from` (a subsequence of `to`), in place. */
function addValues(name: string, from: readonly string[], to: readonly string[]): string[] {
  const current = [...from];
  const lines: string[] = [];
  to.forEach((value, i) => {
    if (current.includes(value)) return;
    const prev = to[i - 1];
    const where =
      prev !== undefined
        ? ` AFTER ${sqlLit(prev)}`
        : current[0] !== undefined
          ? ` BEFORE ${sqlLit(current[0])}`
          : '';
    lines.push(execute(`ALTER TYPE ${name} ADD VALUE ${sqlLit(value)}${where}`));
    current.splice(prev !== undefined ? current.indexOf(prev) + 1 : 0, 0, value);
  });
  return lines;
}

/** `from` with the values only `to` has inserted where `to` has them: what the type holds mid-revision. */
export function unionValues(from: readonly string[], to: readonly string[]): string[] {
  const current = [...from];
  to.forEach((value, i) => {
    if (current.includes(value)) return;
    const prev = to[i - 1];
    current.splice(prev !== undefined ? current.indexOf(prev) + 1 : 0, 0, value);
  });
  return current;
}

type Column = { table: string; column: SnapColumn };

/** The columns of `snapshot` typed with enum `key`. */
function columnsOf(snapshot: Snapshot, key: string): Column[] {
  return snapshot.tables.flatMap((t) =>
    t.columns.filter((c) => c.enum?.key === key).map((column) => ({ table: t.name, column })),
  );
}

/** The code that changes type `name` from values `from` to values `to`, `columns` being every column of it. */
function changeValues(
  name: string,
  from: readonly string[],
  to: readonly string[],
  columns: Column[],
): string[] {
  if (from.length === to.length && from.every((v, i) => v === to[i])) return [];
  if (isSubsequence(from, to)) {
    const block = `with op.get_context().autocommit_block():\n${indent(addValues(name, from, to).join('\n'))}`;
    return [onDialect('postgresql', [block])];
  }
  const removed = from.filter((v) => !to.includes(v));
  const lines: string[] = [];
  if (removed.length > 0) {
    lines.push(ROWS_COMMENT);
    for (const { table, column } of columns) {
      const c = sqlId(column.name);
      const fallback = sqlLit(column.enum?.fallback ?? null);
      lines.push(
        execute(`UPDATE ${sqlId(table)} SET ${c} = ${fallback} WHERE ${c} IN (${sqlList(removed)})`),
      );
    }
  }
  lines.push(
    onDialect('postgresql', [
      execute(`ALTER TYPE ${name} RENAME TO ${swapped(name)}`),
      enumCreate(name, to),
      ...columns.map(({ table, column }) => {
        const c = sqlId(column.name);
        return execute(
          `ALTER TABLE ${sqlId(table)} ALTER COLUMN ${c} DROP DEFAULT, ALTER COLUMN ${c} TYPE ${name} USING ${c}::text::${name}`,
        );
      }),
      execute(`DROP TYPE ${swapped(name)}`),
    ]),
  );
  return lines;
}

export type EnumTypePlan = {
  /** Runs before the table steps: vacate names, renames, new types, added values. */
  before: Step[];
  /** Runs after the table steps: removed (or reordered) values, then types no column uses any more. */
  after: Step[];
  /** The name each type has while the table steps run (its new name; a dropped type's old or vacated one). */
  names: Map<string, string>;
};

/** The enum type steps from `from` to `to` (snapshots with the types' real names). */
export function planEnumTypes(from: Snapshot, to: Snapshot): EnumTypePlan {
  const oldBy = new Map(from.enums.map((e) => [e.key, e]));
  const newBy = new Map(to.enums.map((e) => [e.key, e]));
  const wanted = new Map(to.enums.map((e) => [e.name, e.key]));
  const before: Step[] = [];
  const after: Step[] = [];
  const names = new Map<string, string>();
  /** Where each old type is after the vacate step. */
  const at = new Map<string, string>();

  // Types whose name another type takes in this revision move aside first.
  for (const e of from.enums) {
    const taker = wanted.get(e.name);
    if (taker !== undefined && taker !== e.key) {
      at.set(e.key, vacated(e.name));
      before.push({
        up: onDialect('postgresql', [execute(`ALTER TYPE ${e.name} RENAME TO ${vacated(e.name)}`)]),
        down: onDialect('postgresql', [execute(`ALTER TYPE ${vacated(e.name)} RENAME TO ${e.name}`)]),
      });
    } else at.set(e.key, e.name);
  }
  for (const e of from.enums) {
    const n = newBy.get(e.key);
    const current = at.get(e.key) as string;
    names.set(e.key, n?.name ?? current);
    if (n && n.name !== current)
      before.push({
        up: onDialect('postgresql', [execute(`ALTER TYPE ${current} RENAME TO ${n.name}`)]),
        down: onDialect('postgresql', [execute(`ALTER TYPE ${n.name} RENAME TO ${current}`)]),
      });
  }
  for (const n of to.enums) {
    if (oldBy.has(n.key)) continue;
    names.set(n.key, n.name);
    before.push({ up: enumCreate(n.name, n.values), down: enumDrop(n.name) });
  }
  // Values: additions now, removals once the tables are in their final shape.
  for (const n of to.enums) {
    const o = oldBy.get(n.key);
    if (!o) continue;
    const union = unionValues(o.values, n.values);
    const add = changeValues(n.name, o.values, union, []);
    if (add.length > 0)
      before.push({
        up: add.join('\n'),
        down: changeValues(n.name, union, o.values, columnsOf(from, n.key)).join('\n'),
      });
    const remove = changeValues(n.name, union, n.values, columnsOf(to, n.key));
    if (remove.length > 0)
      after.push({
        up: remove.join('\n'),
        down: changeValues(n.name, n.values, union, columnsOf(to, n.key)).join('\n'),
      });
  }
  for (const o of from.enums) {
    if (newBy.has(o.key)) continue;
    const name = names.get(o.key) as string;
    after.push({ up: enumDrop(name), down: enumCreate(name, o.values) });
  }
  return { before, after, names };
}

/** `snapshot` with its enum columns typed (and its types named) as the table steps see them. */
export function withTypeNames(snapshot: Snapshot, names: ReadonlyMap<string, string>): Snapshot {
  const enums: SnapEnum[] = snapshot.enums.map((e) => patched(e, { name: names.get(e.key) ?? e.name }));
  const byKey = new Map(enums.map((e) => [e.key, e]));
  return {
    enums,
    tables: snapshot.tables.map((t) =>
      patched(t, {
        columns: t.columns.map((c) => {
          const e = c.enum ? byKey.get(c.enum.key) : undefined;
          return e ? patched(c, { type: enumSaType(e.name, e.values) }) : c;
        }),
      }),
    ),
  };
}

/**
 * Rows and `USING` of a column whose type changes from `a` to `b` on `table` (an enum involved; `target` is the
 * snapshot `b` belongs to, typed by `withTypeNames`): values that are not values of `b`'s enum fall back first.
 */
export function conversion(
  table: string,
  a: SnapColumn,
  b: SnapColumn,
  target: Snapshot,
): { pre: string[]; using: string | null } {
  const e = b.enum ? target.enums.find((x) => x.key === b.enum?.key) : undefined;
  if (!b.enum || !e) return { pre: [], using: null };
  const c = sqlId(a.name);
  const fallback = sqlLit(b.enum.fallback);
  const update = execute(
    `UPDATE ${sqlId(table)} SET ${c} = ${fallback} WHERE ${c} NOT IN (${sqlList(e.values)})`,
  );
  const dropDefault = onDialect('postgresql', [
    execute(`ALTER TABLE ${sqlId(table)} ALTER COLUMN ${c} DROP DEFAULT`),
  ]);
  const text = /^(?:sa\.String\(length=\d+\)|sa\.Text\(\))$/.test(a.storage);
  if (!a.enum && text) return { pre: [CAST_COMMENT, update, dropDefault], using: `${c}::text::${e.name}` };
  // From another enum (or a type that is not text): its type cannot hold the fallback, so PostgreSQL maps the
  // values in the cast.
  return {
    pre: [onDialect('sqlite', [CAST_COMMENT, update]), dropDefault],
    using: `(CASE WHEN ${c}::text IN (${sqlList(e.values)}) THEN ${c}::text ELSE ${fallback} END)::${e.name}`,
  };
}
