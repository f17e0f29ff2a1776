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

/** Integer types of one family count as the same base type (a domain over `integer` reads back as INTEGER). */
function sameInteger(base: string, actual: string): boolean {
  const family = (t: string) =>
    t
      .toUpperCase()
      .replace(/^INT4$|^INT$/, 'INTEGER')
      .replace(/^INT8$/, 'BIGINT');
  return family(base) === family(actual);
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
    id: 'skipped-by-import',
    reason:
      'The import report lists the column as skipped: a type the design has none for (tsvector, bytea...) or a join table column besides its two references.',
    applies: (d, c) => d.what === 'missing column' && c.skipped.has(d.path),
  },
  {
    id: 'surrogate-id',
    reason:
      'An entity has one `id` column: a table with a composite key (or none) gets an integer `id`, and its composite key becomes a unique constraint.',
    applies: (d, c) => {
      const original = c.original.tables[tableOf(d.path)];
      if (!original || original.primaryKey.length === 1) return false;
      const key = [...original.primaryKey].sort().join(', ');
      return (
        (d.what === 'extra column' && d.path.endsWith('.id')) ||
        (d.what === 'primary key' && d.actual === 'id') ||
        (d.what === 'extra unique' && d.actual === key)
      );
    },
  },
  {
    id: 'partition-inherited-index',
    reason:
      'Partitions become tables of their own (the design has no partitioning); the unique indexes PostgreSQL copies from a partitioned table to its partitions are not in the DDL of the partition.',
    applies: (d, c) => d.what === 'missing unique' && (c.original.partitions ?? []).includes(tableOf(d.path)),
  },
  {
    id: 'domain-base-type',
    reason:
      "The design has no domains: a column of a domain has the domain's base type (its checks are reported as not kept).",
    applies: (d, c) => {
      if (d.what !== 'type') return false;
      const domain = Object.entries(c.original.domains ?? {}).find(
        ([name]) => name.toUpperCase() === d.expected,
      );
      return domain !== undefined && sameInteger(domain[1], d.actual);
    },
  },
  {
    id: 'smallint-widened',
    reason: "The design's integer is INTEGER: a SMALLINT column widens, and every value it held still fits.",
    applies: (d) => d.what === 'type' && d.expected === 'SMALLINT' && d.actual === 'INTEGER',
  },
  {
    id: 'array-as-json',
    reason: 'The design has no arrays: an array column becomes a JSON column holding the same list.',
    applies: (d) => d.what === 'type' && d.expected.endsWith('[]') && d.actual === 'JSON',
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
