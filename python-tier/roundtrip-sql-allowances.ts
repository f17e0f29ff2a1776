import type { Allowance, CatalogTable } from './catalog-compare';

/** A table that only links two others: its primary key is its foreign key columns (a many-to-many's table). */
function isAssociation(table: CatalogTable | undefined): boolean {
  if (table?.foreignKeys.length !== 2) return false;
  const fkColumns = table.foreignKeys.flatMap((fk) => fk.columns).sort();
  return [...table.primaryKey].sort().join() === fkColumns.join();
}

const tableOf = (path: string) => path.split(/[.(]/)[0] as string;

/** SQLite's type affinity of a declared type (https://sqlite.org/datatype3.html, 3.1). */
export function sqliteAffinity(type: string): string {
  const t = type.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'TEXT';
  if (t.includes('BLOB') || t === '') return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(t)) return 'REAL';
  return 'NUMERIC';
}

const args = (type: string) => /\(.*\)/.exec(type)?.[0] ?? '';

/**
 * Differences the SQL round trip accepts, each with its reason. docs/import.md `## SQL round trip` lists the same
 * ids and reasons (a unit test keeps the two in step); the comparer takes nothing else as equal.
 */
export const SQL_ROUND_TRIP_ALLOWANCES: readonly Allowance[] = [
  {
    id: 'renamed',
    reason:
      "The design's naming rules rename what they must: snake_case tables and columns, the primary key column is `id`, a relation's foreign key column is `<relation>_id`, reserved words get a suffix. The import report names every rename.",
    applies: (d) => d.what === 'renamed',
  },
  {
    id: 'no-action-is-restrict',
    reason:
      'The design knows restrict, cascade and set null; NO ACTION (the default) becomes RESTRICT, which differs only for deferred constraint checks.',
    applies: (d) => d.what === 'on delete' && d.expected === 'NO ACTION' && d.actual === 'RESTRICT',
  },
  {
    id: 'association-rows-cascade',
    reason:
      "A many-to-many's association rows are deleted with either end (ON DELETE CASCADE), whatever the join table said.",
    applies: (d, c) =>
      d.what === 'on delete' && d.actual === 'CASCADE' && isAssociation(c.generated.tables[tableOf(d.path)]),
  },
  {
    id: 'sqlite-same-affinity',
    reason:
      "SQLite stores by type affinity: a type spelled otherwise with the same affinity and size (NVARCHAR(160) and SQLAlchemy's VARCHAR(160)) holds the same values.",
    applies: (d, c) =>
      d.what === 'type' &&
      c.dialect === 'sqlite' &&
      sqliteAffinity(d.expected) === sqliteAffinity(d.actual) &&
      args(d.expected) === args(d.actual),
  },
  {
    id: 'datetime-with-time-zone',
    reason:
      "The design's datetime is always time-zone aware: TIMESTAMP WITHOUT TIME ZONE becomes TIMESTAMP WITH TIME ZONE.",
    applies: (d) =>
      d.what === 'type' &&
      d.expected === 'TIMESTAMP WITHOUT TIME ZONE' &&
      d.actual === 'TIMESTAMP WITH TIME ZONE',
  },
];
