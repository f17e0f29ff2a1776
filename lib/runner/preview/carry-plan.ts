/**
 * What the preview's data carry-over (`copy-data.ts`) knows of a design's database, and the copy plan between
 * two of them. Tables and columns are keyed by the migrations' stable ids (`snapshotOf`), so a renamed table or
 * column is a rename: its rows and values move to the new name. A required column that a row has no value for
 * (new, or NULL before) is filled the way the migration's backfill would, with the type's zero; when the column
 * is unique as well, every row gets a distinct value derived from its primary key where the type allows it
 * (`name_<id>` for text, `name-<id>@example.com` for emails, the id for numbers, a random UUID). Pure: no I/O.
 */
import type { Design } from '@/lib/design';
import { compilePattern } from '@/lib/design/pattern';
import { buildIr } from '@/lib/generator/ir/build';
import type { IrField } from '@/lib/generator/ir/types';
import { snapshotOf } from '@/lib/generator/migrations/snapshot';

/** How rows without a value get one. `pk`: `prefix || <primary key> || suffix`. */
export type Fill =
  | { kind: 'zero'; value: string }
  | { kind: 'pk'; prefix: string; suffix: string }
  | { kind: 'number' }
  | { kind: 'uuid' };

/** `storage`: what the database stores (`SnapColumn.storage`), compared by `family`. */
export type CarryColumn = { key: string; name: string; storage: string; fill: Fill | null };
export type CarryTable = { key: string; name: string; pkStorage: string; columns: CarryColumn[] };
/** A design's database as the carry-over sees it (also stored beside the preview's database). */
export type CarrySchema = { tables: CarryTable[] };

/** The plan the copy script runs: per table of the new database, where its rows come from. */
export type CopyPlan = {
  tables: {
    name: string;
    /** The old table's name (null: a new table). */
    from: string | null;
    /** Why the old rows cannot be carried at all (they are counted and reported). */
    reset: string | null;
    /** Integer primary key: `number` fills use it; otherwise SQLite's rowid. */
    intPk: boolean;
    /** `retype`: why the old column's values are not carried (its type changed kind), or null. */
    columns: { name: string; from: string | null; fill: string | null; retype: string | null }[];
  }[];
};

/**
 * The kind of value a column stores: values move between columns of the same kind as they are (SQLite keeps
 * what it is given), not between kinds (text in a boolean column would break every read of the row).
 */
export function family(storage: string): string {
  if (/^sa\.(String|Text)\(/.test(storage)) return 'text';
  if (/^varchar\(/.test(storage)) return 'enum';
  if (/^sa\.(Integer|BigInteger|Float|Numeric)\(/.test(storage)) return 'number';
  const named = /^sa\.(Boolean|Date|DateTime|Uuid|JSON)\(/.exec(storage)?.[1];
  return named ? named.toLowerCase() : storage;
}

const SAMPLE_IDS = { int: ['1', '2147483647'], uuid: ['0123456789abcdef0123456789abcdef'] };

/** The first text template whose values fit the field's length and pattern (else the first: reads do not check). */
function textFill(field: IrField, intPk: boolean): Fill {
  const c = field.constraints;
  const max = c.maxLength ?? field.length;
  const pattern = c.pattern ? compilePattern(c.pattern) : null;
  const candidates: [string, string][] = [
    [`${field.name}_`, ''],
    [`${field.name}-`, ''],
    [`${field.name}`, ''],
    ['', ''],
  ];
  const fits = ([prefix, suffix]: [string, string]) =>
    SAMPLE_IDS[intPk ? 'int' : 'uuid'].every((id) => {
      const value = `${prefix}${id}${suffix}`;
      return (
        (max === undefined || value.length <= max) &&
        value.length >= (c.minLength ?? 0) &&
        (!pattern?.ok || pattern.test(value))
      );
    });
  const [prefix, suffix] = candidates.find(fits) ?? (candidates[0] as [string, string]);
  return { kind: 'pk', prefix, suffix };
}

/** A distinct value per row for a unique required column, or null when its type has none to derive. */
function uniqueFill(field: IrField | undefined, intPk: boolean): Fill | null {
  switch (field?.type) {
    case 'string':
    case 'text':
      return textFill(field, intPk);
    case 'email':
      return { kind: 'pk', prefix: `${field.name}-`, suffix: '@example.com' };
    case 'url':
      return { kind: 'pk', prefix: `https://example.com/${field.name}/`, suffix: '' };
    case 'integer':
    case 'bigint':
    case 'float':
    case 'decimal':
      return { kind: 'number' };
    case 'uuid':
      return { kind: 'uuid' };
    default:
      return null;
  }
}

/** The carry-over's view of `design`'s database (the design generates: it has no problems). */
export function carrySchema(design: Design): CarrySchema {
  const ir = buildIr(design);
  const fields = new Map(ir.entities.flatMap((e) => e.fields.map((f) => [f.id, f] as const)));
  const tables = snapshotOf(ir).tables.map((t): CarryTable => {
    const pk = t.columns.find((c) => c.key === 'pk');
    const intPk = !pk || !/uuid/i.test(pk.storage);
    const unique = new Set([
      ...t.uniques.flatMap((u) => (u.columns.length === 1 ? u.columns : [])),
      ...t.indexes.filter((i) => i.unique && i.columns.length === 1).map((i) => i.columns[0]),
    ]);
    const columns = t.columns.map((c): CarryColumn => {
      const required = !c.nullable && c.serverDefault === null && !c.primaryKey;
      const field = fields.get(c.key);
      const derived = required && field?.type === 'uuid' ? { kind: 'uuid' as const } : null;
      const fill = !required
        ? null
        : ((unique.has(c.name) ? uniqueFill(field, intPk) : derived) ?? { kind: 'zero', value: c.zero });
      return { key: c.key, name: c.name, storage: c.storage, fill };
    });
    return { key: t.key, name: t.name, pkStorage: pk?.storage ?? '', columns };
  });
  return { tables };
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

function fillSql(fill: Fill | null, intPk: boolean): string | null {
  if (fill === null) return null;
  switch (fill.kind) {
    case 'zero':
      return sqlText(fill.value);
    case 'pk':
      return `${sqlText(fill.prefix)} || "id" || ${sqlText(fill.suffix)}`;
    case 'number':
      return intPk ? '"id"' : 'rowid';
    case 'uuid':
      return 'lower(hex(randomblob(16)))';
  }
}

/**
 * The copy plan from the database of `old` to that of `next`, matched by key. Without `old` (a preview
 * database from before the schema was stored), tables and columns are matched by name.
 */
export function copyPlan(old: CarrySchema | null, next: CarrySchema): CopyPlan {
  const oldTables = new Map(old?.tables.map((t) => [t.key, t]));
  return {
    tables: next.tables.map((t) => {
      const before = old ? oldTables.get(t.key) : t;
      const oldColumns = new Map(before?.columns.map((c) => [c.key, c]));
      const intPk = !/uuid/i.test(t.pkStorage);
      const reset =
        before && before.pkStorage !== t.pkStorage
          ? `its primary key changed type (${before.pkStorage} to ${t.pkStorage}): its rows cannot keep their ids`
          : null;
      return {
        name: t.name,
        from: before?.name ?? null,
        reset,
        intPk,
        columns: t.columns.map((c) => {
          const was = oldColumns.get(c.key);
          const [a, b] = [family(was?.storage ?? c.storage), family(c.storage)];
          return {
            name: c.name,
            from: was?.name ?? null,
            fill: fillSql(c.fill, intPk),
            retype: a === b ? null : `${c.name} changed type (${a} to ${b}): its values were not kept`,
          };
        }),
      };
    }),
  };
}

/** A stored schema read back from the preview's folder (which the sandboxed app can write): checked, or null. */
export function parseCarrySchema(text: string | null): CarrySchema | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as CarrySchema;
    const str = (s: unknown) => typeof s === 'string';
    const ok =
      Array.isArray(value?.tables) &&
      value.tables.every(
        (t) =>
          str(t?.key) &&
          str(t.name) &&
          str(t.pkStorage) &&
          Array.isArray(t.columns) &&
          t.columns.every((c) => str(c?.key) && str(c.name) && str(c.storage)),
      );
    // Only keys, names and types are read from it (the fills of the new schema are used).
    return ok
      ? {
          tables: value.tables.map((t) => ({
            key: t.key,
            name: t.name,
            pkStorage: t.pkStorage,
            columns: t.columns.map((c) => ({ key: c.key, name: c.name, storage: c.storage, fill: null })),
          })),
        }
      : null;
  } catch {
    return null;
  }
}
