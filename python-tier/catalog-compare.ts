/**
 * The SQL round trip's comparison: two catalog snapshots (the original DDL applied to a fresh database, the
 * generated project's migrations applied to another) as `catalog.py` reads them, lined up through the import's
 * renames, compared structurally. Pure: every difference is named (path, what, expected, actual) and carries the
 * id of the allowance that accepts it, if one does (`roundtrip-sql-allowances.ts`, documented in docs/import.md).
 */

export interface CatalogColumn {
  name: string;
  type: string;
  nullable: boolean;
}

export interface CatalogForeignKey {
  columns: string[];
  table: string;
  refColumns: string[];
  onDelete: string | null;
}

export interface CatalogTable {
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: CatalogForeignKey[];
  uniques: string[][];
}

export interface Catalog {
  tables: Record<string, CatalogTable>;
  /** PostgreSQL: domains by name -> base type. */
  domains?: Record<string, string>;
  /** PostgreSQL: tables that are partitions of another. */
  partitions?: string[];
}

/** Original table -> generated table, and per original table, original column -> generated column. */
export interface Renames {
  tables: Record<string, string>;
  columns: Record<string, Record<string, string>>;
}

export type DifferenceKind =
  | 'renamed'
  | 'missing table'
  | 'extra table'
  | 'missing column'
  | 'extra column'
  | 'type'
  | 'nullable'
  | 'primary key'
  | 'missing foreign key'
  | 'extra foreign key'
  | 'on delete'
  | 'missing unique'
  | 'extra unique';

export interface CatalogDifference {
  /** `table` or `table.column` in the generated names (the original's when it has no counterpart). */
  path: string;
  what: DifferenceKind;
  expected: string;
  actual: string;
  /** The allowance that accepts it; absent: a real difference. */
  allowance?: string;
}

export type Dialect = 'postgresql' | 'sqlite';

/** What an allowance sees besides the difference: both snapshots (generated names) and the database kind. */
export interface CompareContext {
  dialect: Dialect;
  original: Catalog;
  generated: Catalog;
  /** `table.column` (generated table name, source column) of the columns the import report skipped. */
  skipped: ReadonlySet<string>;
}

export interface CompareOptions {
  renames: Renames;
  dialect: Dialect;
  allowances: readonly Allowance[];
  skipped?: ReadonlySet<string>;
}

export interface Allowance {
  id: string;
  /** One sentence: why the difference is accepted (docs/import.md says the same). */
  reason: string;
  applies: (difference: CatalogDifference, context: CompareContext) => boolean;
}

/** A type as comparable text: upper case, single spaces, `NUMERIC(10, 2)`. */
export function normaliseType(type: string): string {
  return type
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s*\)/g, ')')
    .trim();
}

function normaliseAction(action: string | null): string {
  return action ? action.toUpperCase() : 'NO ACTION';
}

const key = (columns: readonly string[]) => [...columns].sort().join(', ');

/** The original catalog in the generated names. */
export function renameCatalog(original: Catalog, renames: Renames): Catalog {
  const tableOf = (t: string) => renames.tables[t] ?? t;
  const columnOf = (t: string, c: string) => renames.columns[t]?.[c] ?? c;
  const tables: Record<string, CatalogTable> = {};
  for (const [name, table] of Object.entries(original.tables)) {
    tables[tableOf(name)] = {
      columns: table.columns.map((c) => ({ ...c, name: columnOf(name, c.name) })),
      primaryKey: table.primaryKey.map((c) => columnOf(name, c)),
      foreignKeys: table.foreignKeys.map((fk) => ({
        ...fk,
        columns: fk.columns.map((c) => columnOf(name, c)),
        table: tableOf(fk.table),
        refColumns: fk.refColumns.map((c) => columnOf(fk.table, c)),
      })),
      uniques: table.uniques.map((u) => u.map((c) => columnOf(name, c))),
    };
  }
  return {
    tables,
    ...(original.domains ? { domains: original.domains } : {}),
    ...(original.partitions ? { partitions: original.partitions.map(tableOf) } : {}),
  };
}

/** Every difference between the original (renamed) and the generated catalog, each with its allowance if any. */
export function compareCatalogs(
  original: Catalog,
  generated: Catalog,
  options: CompareOptions,
): CatalogDifference[] {
  const { renames, dialect, allowances } = options;
  const out: CatalogDifference[] = [];
  for (const [table, target] of Object.entries(renames.tables)) {
    if (table !== target && original.tables[table])
      out.push({ path: target, what: 'renamed', expected: table, actual: target });
  }
  for (const [table, columns] of Object.entries(renames.columns)) {
    for (const [column, target] of Object.entries(columns)) {
      if (column !== target && original.tables[table]?.columns.some((c) => c.name === column))
        out.push({
          path: `${renames.tables[table] ?? table}.${target}`,
          what: 'renamed',
          expected: column,
          actual: target,
        });
    }
  }
  const expected = renameCatalog(original, renames);
  for (const [name, want] of Object.entries(expected.tables)) {
    const have = generated.tables[name];
    if (!have) {
      out.push({ path: name, what: 'missing table', expected: name, actual: '' });
      continue;
    }
    compareTable(name, want, have, out);
  }
  for (const name of Object.keys(generated.tables)) {
    if (!expected.tables[name]) out.push({ path: name, what: 'extra table', expected: '', actual: name });
  }
  const context: CompareContext = {
    dialect,
    original: expected,
    generated,
    skipped: options.skipped ?? new Set(),
  };
  for (const difference of out) {
    const allowance = allowances.find((a) => a.applies(difference, context));
    if (allowance) difference.allowance = allowance.id;
  }
  return out;
}

function compareTable(name: string, want: CatalogTable, have: CatalogTable, out: CatalogDifference[]): void {
  const haveColumns = new Map(have.columns.map((c) => [c.name, c]));
  const pkWant = new Set(want.primaryKey);
  const pkHave = new Set(have.primaryKey);
  for (const column of want.columns) {
    const path = `${name}.${column.name}`;
    const actual = haveColumns.get(column.name);
    if (!actual) {
      out.push({ path, what: 'missing column', expected: column.type, actual: '' });
      continue;
    }
    const wantType = normaliseType(column.type);
    const haveType = normaliseType(actual.type);
    if (wantType !== haveType) out.push({ path, what: 'type', expected: wantType, actual: haveType });
    // Key columns are NOT NULL whatever the catalog says (SQLite reports INTEGER PRIMARY KEY as nullable).
    const wantNull = column.nullable && !pkWant.has(column.name);
    const haveNull = actual.nullable && !pkHave.has(column.name);
    if (wantNull !== haveNull)
      out.push({ path, what: 'nullable', expected: String(wantNull), actual: String(haveNull) });
  }
  const wantNames = new Set(want.columns.map((c) => c.name));
  for (const column of have.columns) {
    if (!wantNames.has(column.name))
      out.push({ path: `${name}.${column.name}`, what: 'extra column', expected: '', actual: column.type });
  }
  if (key(want.primaryKey) !== key(have.primaryKey))
    out.push({
      path: name,
      what: 'primary key',
      expected: key(want.primaryKey),
      actual: key(have.primaryKey),
    });
  const fkKey = (fk: CatalogForeignKey) => `${key(fk.columns)} -> ${fk.table}(${key(fk.refColumns)})`;
  const haveFks = new Map(have.foreignKeys.map((fk) => [fkKey(fk), fk]));
  const wantFks = new Set(want.foreignKeys.map(fkKey));
  for (const fk of want.foreignKeys) {
    const path = `${name}.${key(fk.columns)}`;
    const actual = haveFks.get(fkKey(fk));
    if (!actual) {
      out.push({ path, what: 'missing foreign key', expected: fkKey(fk), actual: '' });
      continue;
    }
    const wantAction = normaliseAction(fk.onDelete);
    const haveAction = normaliseAction(actual.onDelete);
    if (wantAction !== haveAction)
      out.push({ path, what: 'on delete', expected: wantAction, actual: haveAction });
  }
  for (const fk of have.foreignKeys) {
    if (!wantFks.has(fkKey(fk)))
      out.push({
        path: `${name}.${key(fk.columns)}`,
        what: 'extra foreign key',
        expected: '',
        actual: fkKey(fk),
      });
  }
  // A unique constraint and a unique index over the same columns are the same rule; a key that is no longer the
  // primary key must still be unique.
  const wantUniques = new Set(want.uniques.map(key));
  if (key(want.primaryKey) !== key(have.primaryKey) && want.primaryKey.length > 0)
    wantUniques.add(key(want.primaryKey));
  const haveUniques = new Set(have.uniques.map(key));
  for (const u of wantUniques)
    if (!haveUniques.has(u))
      out.push({ path: `${name}(${u})`, what: 'missing unique', expected: u, actual: '' });
  for (const u of haveUniques)
    if (!wantUniques.has(u))
      out.push({ path: `${name}(${u})`, what: 'extra unique', expected: '', actual: u });
}

export function describeCatalogDifference(d: CatalogDifference): string {
  const values =
    d.expected && d.actual
      ? `expected ${d.expected}, got ${d.actual}`
      : d.expected
        ? `expected ${d.expected}`
        : `got ${d.actual}`;
  return `${d.path}: ${d.what} (${values})`;
}
