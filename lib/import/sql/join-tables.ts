/** Join tables: tables that only link two others become many-to-many relations. */
import { newRelation } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { pluralize, snakeCase, tableNameFor } from '@/lib/design/names';
import type { Relation } from '@/lib/design/schema';
import { type EntityBuild, type JoinTable, type Lookup, sameSet, TIMESTAMP_TYPES } from './build-state';
import type { SqlTable } from './model';
import { displayName } from './model';
import { claim, elementId, relationName, tableName } from './naming';
import type { Reporter } from './report';

/**
 * Tables that only link two others: exactly two single-column foreign keys that form the primary key, or are the
 * only columns besides an `id` key (or no key at all) and timestamp columns the database fills or may leave empty;
 * and no other table references it.
 */
export function findJoinTables(tables: SqlTable[], lookup: Lookup): Map<SqlTable, JoinTable> {
  const out = new Map<SqlTable, JoinTable>();
  // A table others reference holds rows of its own (pagila's inventory), whatever its columns.
  const referenced = new Set(tables.flatMap((t) => t.foreignKeys.map((fk) => lookup(fk.table))));
  for (const table of tables) {
    if (referenced.has(table)) continue;
    const [left, right] = table.foreignKeys;
    if (table.foreignKeys.length !== 2 || !left || !right) continue;
    if (left.columns.length !== 1 || right.columns.length !== 1) continue;
    const cols = [left.columns[0] as string, right.columns[0] as string];
    if (cols[0] === cols[1]) continue;
    const targets = [lookup(left.table), lookup(right.table)];
    if (targets.some((t) => !t || t === table)) continue;
    const pk = table.primaryKey?.columns ?? [];
    const idKey = pk.length === 1 && pk[0] !== undefined && !cols.includes(pk[0]);
    if (!sameSet(pk, cols) && !idKey && pk.length > 0) continue;
    const extrasOk = table.columns.every(
      (c) =>
        cols.includes(c.name) ||
        (idKey && c.name === pk[0]) ||
        (TIMESTAMP_TYPES.has(c.type.name) && (!c.notNull || c.default !== undefined)),
    );
    if (extrasOk) out.set(table, { table, left, right });
  }
  // A join table's ends must be entities, not other join tables.
  for (const [table, join] of out) {
    if (out.has(lookup(join.left.table) as SqlTable) || out.has(lookup(join.right.table) as SqlTable))
      out.delete(table);
  }
  return out;
}

export function manyToMany(
  join: JoinTable,
  lookup: Lookup,
  builds: Map<SqlTable, EntityBuild>,
  tableNames: Set<string>,
  count: number,
  report: Reporter,
): Relation | undefined {
  const { table, left, right } = join;
  const subject = `table ${displayName(table.name)}`;
  const from = builds.get(lookup(left.table) as SqlTable);
  const to = builds.get(lookup(right.table) as SqlTable);
  if (!from || !to || count >= LIMITS.relations) {
    // Its ends were skipped (past a limit): nothing to link.
    report.add('skipped', subject, table.at, 'A join table whose ends are not imported.');
    return undefined;
  }
  const why: string[] = [];
  const sanitised = tableName(table.name.name);
  if (sanitised.reason) why.push(sanitised.reason);
  const associationTable = claim(sanitised.name, tableNames);
  const self = from === to;
  const leftCol = left.columns[0] as string;
  const rightCol = right.columns[0] as string;
  const strip = (c: string) => snakeCase(c).replace(/_id$/, '') || 'item';
  const fieldBase = self ? pluralize(strip(rightCol)) : pluralize(snakeCase(to.entity.name));
  let attr = relationName(fieldBase, 'items');
  for (let i = 2; from.members.has(attr); i++) attr = `${relationName(fieldBase, 'items')}_${i}`;
  from.members.add(attr);
  const leftName = `${snakeCase(from.entity.name)}_id`;
  const rightName = self ? `related_${leftName}` : `${snakeCase(to.entity.name)}_id`;
  if (leftCol !== leftName || rightCol !== rightName)
    why.push(`its columns are named '${leftName}' and '${rightName}'`);
  const extras = table.columns.filter((c) => c.name !== leftCol && c.name !== rightCol);
  if (extras.length > 0) why.push(`its other columns (${extras.map((c) => c.name).join(', ')}) are dropped`);
  if (table.primaryKey && !sameSet(table.primaryKey.columns, [leftCol, rightCol]))
    why.push('its primary key becomes the pair of references');
  const pairIsUnique =
    (table.primaryKey && sameSet(table.primaryKey.columns, [leftCol, rightCol])) ||
    table.uniques.some((u) => sameSet(u.columns, [leftCol, rightCol]));
  if (!pairIsUnique) why.push('a pair is linked at most once (the design keys association rows by the pair)');
  const id = elementId('r', associationTable);
  const relation = newRelation(id, from.entity.id, to.entity.id, {
    kind: 'many-to-many',
    fieldName: attr,
    nullable: false,
    onDelete: 'cascade',
  });
  if (associationTable !== `${from.entity.tableName ?? tableNameFor(from.entity.name)}_${attr}`)
    relation.associationTable = associationTable;
  report.add(
    why.length ? 'approximated' : 'imported',
    subject,
    table.at,
    `A many-to-many relation '${attr}' between '${from.entity.name}' and '${to.entity.name}'${why.length ? `: ${why.join('; ')}` : ''}.`,
    id,
  );
  for (const fk of [left, right]) {
    report.add(
      'imported',
      `foreign key ${displayName(table.name)} (${fk.columns.join(', ')}) -> ${displayName(fk.table)}`,
      fk.at,
      undefined,
    );
  }
  for (const column of table.columns) {
    const kept = column.name === leftCol || column.name === rightCol;
    report.add(
      kept ? 'imported' : 'skipped',
      `column ${displayName(table.name)}.${column.name}`,
      column.at,
      kept ? undefined : 'A many-to-many association table holds only the two references.',
    );
  }
  if (table.primaryKey)
    report.add(
      'imported',
      `primary key ${displayName(table.name)} (${table.primaryKey.columns.join(', ')})`,
      table.primaryKey.at,
      undefined,
    );
  for (const unique of table.uniques) {
    report.add(
      'imported',
      `unique on ${displayName(table.name)} (${unique.columns.join(', ')})`,
      unique.at,
      undefined,
    );
  }
  for (const check of table.checks)
    report.add(
      'skipped',
      `check ${displayName(table.name)}${check.name ? ` ${check.name}` : ''}`,
      check.at,
      'An association table has no checks.',
    );
  return relation;
}
