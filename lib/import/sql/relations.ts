/** Foreign keys -> many-to-one / one-to-one relations that own their column, and their back-references. */
import { newRelation } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { pluralize, snakeCase, tableNameFor } from '@/lib/design/names';
import type { OnDelete, Relation } from '@/lib/design/schema';
import { type EntityBuild, type Lookup, sameSet } from './build-state';
import type { SqlForeignKey, SqlTable } from './model';
import { displayName } from './model';
import { elementId, relationName, singularize } from './naming';
import type { Reporter } from './report';

export function foreignKeyRelation(
  build: EntityBuild,
  fk: SqlForeignKey,
  lookup: Lookup,
  builds: Map<SqlTable, EntityBuild>,
  count: number,
  report: Reporter,
): Relation | undefined {
  const table = build.table;
  const subject = `foreign key ${displayName(table.name)} (${fk.columns.join(', ')}) -> ${displayName(fk.table)}`;
  const skip = (message: string) => {
    report.add('skipped', subject, fk.at, message);
    return undefined;
  };
  if (fk.columns.length !== 1) {
    return skip(
      'A relation has one foreign key column: the columns stay plain fields without the reference.',
    );
  }
  const column = fk.columns[0] as string;
  const source = table.columns.find((c) => c.name === column);
  if (!source) return skip(`Column '${column}' is not a column of ${displayName(table.name)}.`);
  if (build.fkColumns.has(column)) return skip(`Column '${column}' already references another table.`);
  if (column === build.pkColumn) return skip(`Column '${column}' is the primary key.`);
  const target = lookup(fk.table);
  const targetBuild = target && builds.get(target);
  if (!targetBuild) {
    return skip(`${displayName(fk.table)} is not a table of this script: '${column}' stays a plain field.`);
  }
  if (count >= LIMITS.relations) return skip(`A design holds at most ${LIMITS.relations} relations.`);
  const why: string[] = [];
  const ref = fk.refColumns[0];
  if (
    fk.refColumns.length > 1 ||
    (ref !== undefined && ref !== targetBuild.pkColumn && !(ref === 'id' && !targetBuild.pkColumn))
  ) {
    why.push(
      `it references ${ref ? `'${fk.refColumns.join(', ')}'` : 'the key'} of ${displayName(fk.table)}; the relation references its id`,
    );
  }
  const snake = snakeCase(column);
  let base = snake.endsWith('_id') ? snake.slice(0, -3) : snake;
  if (base === '' || base === 'id')
    base = singularize(targetBuild.entity.tableName ?? tableNameFor(targetBuild.entity.name));
  let attr = relationName(base, 'ref');
  for (let i = 2; build.members.has(attr) || build.members.has(`${attr}_id`); i++)
    attr = `${relationName(base, 'ref')}_${i}`;
  build.members.add(attr).add(`${attr}_id`);
  if (`${attr}_id` !== column)
    why.push(`the column '${column}' becomes '${attr}_id' (the relation names its foreign key column)`);
  const unique =
    table.uniques.some((u) => sameSet(u.columns, [column])) ||
    (table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column);
  const nullable = !source.notNull;
  let onDelete: OnDelete = 'restrict';
  if (fk.onDelete === 'cascade') onDelete = 'cascade';
  else if (fk.onDelete === 'set-null') {
    if (nullable) onDelete = 'set-null';
    else why.push('ON DELETE SET NULL on a NOT NULL column becomes RESTRICT');
  } else if (fk.onDelete === 'set-default') why.push('ON DELETE SET DEFAULT becomes RESTRICT');
  else if (fk.onDelete === 'no-action') {
    // NO ACTION and RESTRICT differ only for deferred checks.
  }
  if (fk.onUpdate !== 'no-action' && fk.onUpdate !== 'restrict')
    why.push(`ON UPDATE ${fk.onUpdate.toUpperCase()} is not kept (ids do not change)`);
  if (source.comment) why.push('its column comment is dropped (relations have no description)');
  const id = elementId('r', build.entity.tableName ?? tableNameFor(build.entity.name), column);
  const relation = newRelation(id, build.entity.id, targetBuild.entity.id, {
    kind: unique ? 'one-to-one' : 'many-to-one',
    fieldName: attr,
    nullable,
    onDelete,
  });
  build.fkColumns.set(column, relation);
  report.add(
    why.length ? 'approximated' : 'imported',
    subject,
    fk.at,
    why.length ? `A ${relation.kind} relation '${attr}': ${why.join('; ')}.` : undefined,
    id,
  );
  // The column itself is the relation's.
  report.add('imported', `column ${displayName(table.name)}.${column}`, source.at, undefined);
  return relation;
}

/** Back-references on the target entity: `posts` for `Post.author`, clear of the target's other members. */
export function nameBackrefs(relations: Relation[], builds: Map<SqlTable, EntityBuild>): void {
  const byId = new Map([...builds.values()].map((b) => [b.entity.id, b]));
  const nameOf = (id: string) => byId.get(id)?.entity.name ?? 'item';
  // Count relations per (from, to) pair: several need the field name in their back-reference.
  const pairs = new Map<string, number>();
  for (const r of relations)
    pairs.set(`${r.fromEntityId}>${r.toEntityId}`, (pairs.get(`${r.fromEntityId}>${r.toEntityId}`) ?? 0) + 1);
  for (const relation of relations) {
    const target = byId.get(relation.toEntityId);
    if (!target) continue;
    const from = snakeCase(nameOf(relation.fromEntityId));
    const own = relation.kind === 'one-to-one' ? from : pluralize(from);
    const shared =
      (pairs.get(`${relation.fromEntityId}>${relation.toEntityId}`) ?? 0) > 1 ||
      relation.fromEntityId === relation.toEntityId;
    const base = relationName(shared ? `${relation.fieldName}_${own}` : own, 'items');
    let name = base;
    for (let i = 2; target.members.has(name); i++) name = `${base}_${i}`;
    target.members.add(name);
    relation.backrefName = name;
  }
}
