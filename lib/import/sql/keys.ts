/** Unique constraints and indexes -> field flags and entity uniques. */
import { LIMITS } from '@/lib/design/limits';
import { tableNameFor } from '@/lib/design/names';
import type { Relation, UniqueConstraint } from '@/lib/design/schema';
import { type EntityBuild, type JoinTable, type Lookup, sameSet } from './build-state';
import type { SqlKey, SqlSchema, SqlTable } from './model';
import { displayName } from './model';
import { elementId } from './naming';
import type { Reporter } from './report';

/** A column of the entity as a unique member: its field, or the relation owning it as FK column. */
export function memberOf(build: EntityBuild, column: string): string | undefined {
  return build.fields.get(column)?.id ?? build.fkColumns.get(column)?.id;
}

export function addUniques(
  build: EntityBuild,
  uniques: readonly SqlKey[],
  report: Reporter,
  label = 'unique',
): void {
  const { table, entity } = build;
  const seen = build.uniqueKeys;
  for (const unique of uniques) {
    const subject = `${label} ${unique.name ? `${unique.name} ` : ''}on ${displayName(table.name)} (${unique.columns.join(', ')})`;
    const skip = (message: string) => report.add('skipped', subject, unique.at, message);
    if (sameSet(unique.columns, build.pkColumn ? [build.pkColumn] : ['\0'])) {
      report.add('imported', subject, unique.at, undefined);
      continue;
    }
    const members = unique.columns.map((c) => memberOf(build, c));
    if (members.some((m) => m === undefined)) {
      skip(
        'It covers a column that is not a field or relation of the entity (the primary key or a skipped column).',
      );
      continue;
    }
    const ids = members as string[];
    const key = [...ids].sort().join(',');
    if (seen.has(key)) {
      report.add('imported', subject, unique.at, undefined);
      continue;
    }
    seen.add(key);
    if (ids.length === 1) {
      const field = entity.fields.find((f) => f.id === ids[0]);
      if (field?.type === 'json') skip('JSON columns cannot be compared by a unique constraint here.');
      else {
        if (field) field.unique = true; // a unique FK column made its relation one-to-one
        report.add('imported', subject, unique.at, undefined);
      }
      continue;
    }
    if (ids.length > 16) {
      skip('A unique constraint of the design covers at most 16 columns.');
      continue;
    }
    if (ids.some((id) => entity.fields.find((f) => f.id === id)?.type === 'json')) {
      skip('JSON columns cannot be compared by a unique constraint here.');
      continue;
    }
    if ((entity.uniques?.length ?? 0) >= LIMITS.listItems) {
      skip(`An entity holds at most ${LIMITS.listItems} unique constraints.`);
      continue;
    }
    const constraint: UniqueConstraint = {
      id: elementId(
        'u',
        entity.tableName ?? tableNameFor(entity.name),
        unique.name ?? unique.columns.join('_'),
      ),
      members: ids,
    };
    entity.uniques = [...(entity.uniques ?? []), constraint];
    report.add('imported', subject, unique.at, undefined, constraint.id);
  }
}

export function applyIndexes(
  schema: SqlSchema,
  lookup: Lookup,
  builds: Map<SqlTable, EntityBuild>,
  joins: Map<SqlTable, JoinTable>,
  report: Reporter,
): void {
  for (const index of schema.indexes) {
    const cols = index.columns ? ` (${index.columns.join(', ')})` : '';
    const subject = `index ${index.name ? `${index.name} ` : ''}on ${displayName(index.table)}${cols}`;
    const table = lookup(index.table);
    const skip = (message: string) => report.add('skipped', subject, index.at, message);
    if (!table) {
      skip(`${displayName(index.table)} is not a table of this script.`);
      continue;
    }
    if (joins.has(table)) {
      report.add('imported', subject, index.at, undefined);
      continue;
    }
    const build = builds.get(table);
    if (!build) {
      skip('Its table is not imported.');
      continue;
    }
    if (index.method) {
      skip(`A ${index.method} index is not part of the design (its indexes are B-tree).`);
      continue;
    }
    if (index.columns === null || index.partial) {
      skip(
        index.partial
          ? 'Partial indexes are not part of the design.'
          : 'Expression indexes are not part of the design.',
      );
      continue;
    }
    if (index.unique) {
      if (index.columns.length === 1 && build.fkColumns.has(index.columns[0] as string)) {
        const relation = build.fkColumns.get(index.columns[0] as string) as Relation;
        relation.kind = 'one-to-one';
      }
      // Unique indexes are unique constraints to the design.
      addUniques(build, [{ name: index.name, columns: index.columns, at: index.at }], report, 'unique index');
      continue;
    }
    if (index.columns.length !== 1) {
      skip('Indexes over several columns are not part of the design (single-column indexes are).');
      continue;
    }
    const column = index.columns[0] as string;
    if (column === build.pkColumn || build.fkColumns.has(column)) {
      report.add('imported', subject, index.at, undefined); // the design indexes keys and foreign keys itself
      continue;
    }
    const field = build.fields.get(column);
    if (!field) {
      skip(`Column '${column}' is not a field of the entity.`);
      continue;
    }
    field.indexed = true;
    report.add('imported', subject, index.at, undefined);
  }
}
