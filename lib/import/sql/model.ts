/**
 * The DDL as both parser front ends (libpg-query for PostgreSQL, node-sql-parser for MySQL/MariaDB and SQLite)
 * hand it to the design builder: tables, enums, indexes and comments with their source positions, dialect-neutral,
 * so the mapping to a design (`build.ts`) is written once.
 */

export interface SqlPos {
  line: number;
  column: number;
}

/** A name as written, unquoted; `schema` when it was qualified (`public.users`). */
export interface SqlName {
  schema?: string;
  name: string;
}

export interface SqlType {
  /** Lower-case, without the `pg_catalog.` prefix: `int4`, `varchar`, `timestamptz`, `mood`. */
  name: string;
  /** Type modifiers: `varchar(100)` -> [100], `numeric(10,2)` -> [10, 2]. */
  args: number[];
  /** `int[]`. */
  array: boolean;
  /** MySQL's inline `ENUM('a','b')`. */
  enumValues?: string[];
  /** The schema of a qualified type name (`public.mood`). */
  schema?: string;
}

export type SqlDefault =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'now' }
  | { kind: 'uuid' }
  /** `nextval(...)`: the column is fed by a sequence, like serial. */
  | { kind: 'sequence' }
  | { kind: 'other'; text: string };

export type CompareOp = '>=' | '>' | '<=' | '<';

/** One conjunct of a CHECK constraint, normalised; `other` is anything the design cannot say. */
export type SqlCheckTerm =
  | { kind: 'compare'; column: string; op: CompareOp; value: number }
  | { kind: 'length'; column: string; op: CompareOp; value: number }
  | { kind: 'pattern'; column: string; pattern: string }
  | { kind: 'in'; column: string; values: string[] }
  | { kind: 'other'; text: string };

export interface SqlCheck {
  name?: string;
  terms: SqlCheckTerm[];
  at: SqlPos;
}

export interface SqlColumn {
  name: string;
  type: SqlType;
  notNull: boolean;
  default?: SqlDefault;
  /** serial, identity, AUTO_INCREMENT, SQLite's INTEGER PRIMARY KEY. */
  autoIncrement: boolean;
  comment?: string;
  at: SqlPos;
}

export type SqlAction = 'cascade' | 'set-null' | 'restrict' | 'no-action' | 'set-default';

export interface SqlForeignKey {
  name?: string;
  columns: string[];
  table: SqlName;
  /** Empty: the referenced table's primary key. */
  refColumns: string[];
  onDelete: SqlAction;
  onUpdate: SqlAction;
  at: SqlPos;
}

export interface SqlKey {
  name?: string;
  columns: string[];
  at: SqlPos;
}

export interface SqlTable {
  name: SqlName;
  columns: SqlColumn[];
  primaryKey?: SqlKey;
  uniques: SqlKey[];
  foreignKeys: SqlForeignKey[];
  checks: SqlCheck[];
  comment?: string;
  at: SqlPos;
}

export interface SqlIndex {
  name?: string;
  table: SqlName;
  /** null: an expression index. */
  columns: string[] | null;
  unique: boolean;
  /** `WHERE ...`. */
  partial: boolean;
  /** PostgreSQL's access method when it is not B-tree (`gin`, `hnsw`...). */
  method?: string;
  at: SqlPos;
}

export interface SqlEnumType {
  name: SqlName;
  values: string[];
  at: SqlPos;
}

export interface SqlComment {
  table: SqlName;
  /** Absent: a comment on the table. */
  column?: string;
  text: string;
  at: SqlPos;
}

/** A statement or clause the front end met but the design has no place for. */
export interface SqlSkip {
  subject: string;
  message: string;
  at: SqlPos;
}

export interface SqlSchema {
  tables: SqlTable[];
  enums: SqlEnumType[];
  /** PostgreSQL domains: `CREATE DOMAIN year AS integer` -> columns of type `year` are integers. */
  domains: Map<string, { type: SqlType; notNull: boolean }>;
  indexes: SqlIndex[];
  comments: SqlComment[];
  skipped: SqlSkip[];
}

export function emptySchema(): SqlSchema {
  return { tables: [], enums: [], domains: new Map(), indexes: [], comments: [], skipped: [] };
}

export function displayName(name: SqlName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}
