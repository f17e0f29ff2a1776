/** What the passes of the SQL import builder (`build.ts`) share: entities under construction, join tables, table lookup. */
import type { Entity, Field, Relation } from '@/lib/design/schema';
import type { SqlForeignKey, SqlName, SqlTable } from './model';
import { displayName } from './model';

/** Timestamp-like columns a join table may carry and still be a plain many-to-many (pagila's `last_update`). */
export const TIMESTAMP_TYPES = new Set([
  'timestamp',
  'timestamptz',
  'datetime',
  'date',
  'timestamp with time zone',
]);

/** An entity under construction with what the later passes need to find its columns again. */
export interface EntityBuild {
  table: SqlTable;
  entity: Entity;
  /** Source column name -> field. */
  fields: Map<string, Field>;
  /** Source column name -> relation owning it as its FK column. */
  fkColumns: Map<string, Relation>;
  /** The source column that became the design's `id`, if any. */
  pkColumn?: string;
  /** Every member name of the generated model (columns and attributes), to keep new names clear of them. */
  members: Set<string>;
  /** Sorted member ids of the unique constraints already made. */
  uniqueKeys: Set<string>;
}

export interface JoinTable {
  table: SqlTable;
  left: SqlForeignKey;
  right: SqlForeignKey;
  /** The many-to-many relation it became. */
  relationId?: string;
}

export type Lookup = (name: SqlName) => SqlTable | undefined;

/** Finds a table by its qualified name, or by its bare name when that is unambiguous (search_path's `public`). */
export function tableLookup(tables: SqlTable[]): Lookup {
  const exact = new Map<string, SqlTable>();
  const byName = new Map<string, SqlTable[]>();
  for (const table of tables) {
    exact.set(displayName(table.name), table);
    const list = byName.get(table.name.name) ?? [];
    list.push(table);
    byName.set(table.name.name, list);
  }
  return (name) => {
    const hit = exact.get(displayName(name));
    if (hit) return hit;
    const candidates = byName.get(name.name) ?? [];
    if (candidates.length === 1) return candidates[0];
    return candidates.find((t) => t.name.schema === undefined || t.name.schema === 'public');
  };
}

export const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
