import { emptyDesign, newEntity, newField, newRelation } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { pluralize, snakeCase, tableNameFor } from '@/lib/design/names';
import type {
  Design,
  DesignEnum,
  Entity,
  Field,
  OnDelete,
  Relation,
  UniqueConstraint,
} from '@/lib/design/schema';
import type { ImportResult, SqlDialect } from '../types';
import { applyChecks } from './checks';
import { mapType } from './column-types';
import { mapDefault } from './defaults';
import type { SqlColumn, SqlForeignKey, SqlKey, SqlName, SqlSchema, SqlTable } from './model';
import { displayName } from './model';
import { claim, className, elementId, fieldName, relationName, singularize, tableName } from './naming';
import { repairDesign } from './repair';
import { Reporter } from './report';

const DIALECT_LABEL: Record<SqlDialect, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  sqlite: 'SQLite',
};

/** Timestamp-like columns a join table may carry and still be a plain many-to-many (pagila's `last_update`). */
const TIMESTAMP_TYPES = new Set(['timestamp', 'timestamptz', 'datetime', 'date', 'timestamp with time zone']);

/** An entity under construction with what the later passes need to find its columns again. */
interface EntityBuild {
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

interface JoinTable {
  table: SqlTable;
  left: SqlForeignKey;
  right: SqlForeignKey;
  /** The many-to-many relation it became. */
  relationId?: string;
}

/**
 * Which source table and columns each design element came from, by element id: what the SQL round trip needs to
 * line the original catalog up with the generated one (names change on the way; the report says why).
 */
export interface SqlSources {
  /** Entity id -> its source table and the column that became its `id` (absent: a surrogate id). */
  entities: Record<string, { table: string; schema?: string; pkColumn?: string }>;
  /** Field id -> source column. */
  fields: Record<string, { table: string; column: string }>;
  /** Relation id -> the FK column it owns, or the join table (with its two columns) of a many-to-many. */
  relations: Record<
    string,
    { table: string; column: string } | { table: string; left: string; right: string }
  >;
}

/** The SQL schema the front ends read -> a design that passes DesignSchema and validateDesign, plus the report. */
export function buildDesign(schema: SqlSchema, dialect: SqlDialect): ImportResult & { sources: SqlSources } {
  const report = new Reporter();
  for (const skip of schema.skipped) report.add('skipped', skip.subject, skip.at, skip.message);
  const design: Design = emptyDesign(`Imported ${DIALECT_LABEL[dialect]} schema`);

  resolveDomains(schema, report);
  const tables = uniqueTables(schema, report);
  const lookup = tableLookup(tables);
  const joins = findJoinTables(tables, lookup);
  const classNames = new Set<string>();
  const tableNames = new Set<string>();
  const builds = new Map<SqlTable, EntityBuild>();

  // Entities first: their names claim class and table names before enums and association tables do.
  for (const table of tables) {
    if (joins.has(table)) continue;
    const subject = `table ${displayName(table.name)}`;
    if (builds.size >= LIMITS.entities) {
      report.add('skipped', subject, table.at, `A design holds at most ${LIMITS.entities} entities.`);
      continue;
    }
    builds.set(table, startEntity(table, subject, classNames, tableNames, report));
  }
  const enums = buildEnums(schema, classNames, report);

  // Relations before fields: the FK columns keep their source names when fields have to make way.
  const relations: Relation[] = [];
  for (const build of builds.values()) {
    for (const fk of build.table.foreignKeys) {
      const relation = foreignKeyRelation(build, fk, lookup, builds, relations.length, report);
      if (relation) relations.push(relation);
    }
  }
  for (const build of builds.values()) addFields(build, enums, report);
  for (const [table, join] of joins) {
    const relation = manyToMany(join, lookup, builds, tableNames, relations.length, report);
    if (relation) {
      relations.push(relation);
      join.relationId = relation.id;
    } else joins.delete(table);
  }
  for (const build of builds.values()) {
    addUniques(build, build.table.uniques, report);
    applyChecks(build.table, build.fields, build.fkColumns, build.pkColumn, report);
  }
  applyIndexes(schema, lookup, builds, joins, report);
  applyComments(schema, lookup, builds, report);
  nameBackrefs(relations, builds);

  design.entities = [...builds.values()].map((b) => b.entity);
  design.enums = [...enums.values()].filter((e) => e.used || e.declared).map((e) => e.design);
  design.relations = relations;
  repairDesign(design, report);
  return {
    design,
    report: { format: dialect, entries: report.entries },
    sources: sourcesOf(builds, joins, relations),
  };
}

function sourcesOf(
  builds: Map<SqlTable, EntityBuild>,
  joins: Map<SqlTable, JoinTable>,
  relations: Relation[],
): SqlSources {
  const sources: SqlSources = { entities: {}, fields: {}, relations: {} };
  for (const build of builds.values()) {
    const table = build.table.name.name;
    sources.entities[build.entity.id] = {
      table,
      ...(build.table.name.schema ? { schema: build.table.name.schema } : {}),
      ...(build.pkColumn ? { pkColumn: build.pkColumn } : {}),
    };
    for (const [column, field] of build.fields) sources.fields[field.id] = { table, column };
    for (const [column, relation] of build.fkColumns) sources.relations[relation.id] = { table, column };
  }
  for (const join of joins.values()) {
    const relation = relations.find((r) => r.id === join.relationId);
    if (relation)
      sources.relations[relation.id] = {
        table: join.table.name.name,
        left: join.left.columns[0] as string,
        right: join.right.columns[0] as string,
      };
  }
  return sources;
}

/** Columns typed with a PostgreSQL domain take the domain's base type (and its NOT NULL). */
function resolveDomains(schema: SqlSchema, report: Reporter): void {
  if (schema.domains.size === 0) return;
  for (const table of schema.tables) {
    for (const column of table.columns) {
      const domain = schema.domains.get(column.type.name);
      if (!domain || column.type.array) continue;
      column.type = { ...domain.type, array: domain.type.array };
      column.notNull ||= domain.notNull;
    }
  }
  void report;
}

function uniqueTables(schema: SqlSchema, report: Reporter): SqlTable[] {
  const seen = new Set<string>();
  const out: SqlTable[] = [];
  for (const table of schema.tables) {
    const key = displayName(table.name);
    if (seen.has(key)) {
      report.add(
        'skipped',
        `table ${key}`,
        table.at,
        `Table ${key} is created twice; the first one is kept.`,
      );
      continue;
    }
    seen.add(key);
    out.push(table);
  }
  return out;
}

type Lookup = (name: SqlName) => SqlTable | undefined;

/** Finds a table by its qualified name, or by its bare name when that is unambiguous (search_path's `public`). */
function tableLookup(tables: SqlTable[]): Lookup {
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

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Tables that only link two others: exactly two single-column foreign keys that form the primary key (or a unique
 * pair beside an `id` key), and nothing else but timestamp columns the database fills or may leave empty.
 */
function findJoinTables(tables: SqlTable[], lookup: Lookup): Map<SqlTable, JoinTable> {
  const out = new Map<SqlTable, JoinTable>();
  for (const table of tables) {
    const [left, right] = table.foreignKeys;
    if (table.foreignKeys.length !== 2 || !left || !right) continue;
    if (left.columns.length !== 1 || right.columns.length !== 1) continue;
    const cols = [left.columns[0] as string, right.columns[0] as string];
    if (cols[0] === cols[1]) continue;
    const targets = [lookup(left.table), lookup(right.table)];
    if (targets.some((t) => !t || t === table)) continue;
    const pk = table.primaryKey?.columns ?? [];
    const pairIsKey = sameSet(pk, cols) || table.uniques.some((u) => sameSet(u.columns, cols));
    const idKey = pk.length === 1 && pk[0] !== undefined && !cols.includes(pk[0]);
    if (!sameSet(pk, cols) && !(idKey && pairIsKey)) continue;
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

function startEntity(
  table: SqlTable,
  subject: string,
  classNames: Set<string>,
  tableNames: Set<string>,
  report: Reporter,
): EntityBuild {
  const why: string[] = [];
  const sanitised = tableName(table.name.name);
  if (sanitised.reason) why.push(sanitised.reason);
  const tname = claim(sanitised.name, tableNames);
  if (tname !== sanitised.name) why.push(`another table is already named '${sanitised.name}'`);
  const name = claim(className(singularize(tname), 'Model'), classNames, '');
  const id = elementId('e', tname);
  const entity = newEntity(id, name, { timestamps: false });
  if (tableNameFor(name) !== tname) entity.tableName = tname;
  if (table.name.schema && table.name.schema !== 'public')
    why.push(`the schema '${table.name.schema}' is dropped (the design has one schema)`);
  const build: EntityBuild = {
    table,
    entity,
    fields: new Map(),
    fkColumns: new Map(),
    members: new Set(['id']),
    uniqueKeys: new Set(),
  };
  // The primary key: the design's `id`, integer or UUID.
  const pk = table.primaryKey?.columns ?? [];
  const pkCol = pk.length === 1 ? table.columns.find((c) => c.name === pk[0]) : undefined;
  const pkIsForeignKey = pkCol && table.foreignKeys.some((fk) => fk.columns.includes(pkCol.name));
  if (pkCol && !pkIsForeignKey) {
    build.pkColumn = pkCol.name;
    const mapped = mapType(pkCol.type, new Set());
    const type = 'type' in mapped ? mapped.type : undefined;
    const pkWhy: string[] = [];
    if (type === 'uuid') entity.primaryKey = 'uuid';
    else if (type !== 'integer' && type !== 'bigint')
      pkWhy.push(`its type ${pkCol.type.name} becomes the design's integer id`);
    else if (type === 'bigint') pkWhy.push("bigint becomes the design's integer id");
    if (type !== 'uuid' && !pkCol.autoIncrement && pkCol.default?.kind !== 'sequence')
      pkWhy.push("the design's integer ids are generated by the database");
    if (pkCol.name !== 'id') pkWhy.push(`the column '${pkCol.name}' becomes 'id'`);
    report.add(
      pkWhy.length ? 'approximated' : 'imported',
      `primary key ${displayName(table.name)}.${pkCol.name}`,
      table.primaryKey?.at ?? pkCol.at,
      pkWhy.length ? `The primary key is the entity's id: ${pkWhy.join('; ')}.` : undefined,
    );
  } else if (pk.length > 0) {
    report.add(
      'approximated',
      `primary key ${displayName(table.name)} (${pk.join(', ')})`,
      table.primaryKey?.at ?? table.at,
      `The design's entities have a single id column: '${name}' gets an integer id and (${pk.join(', ')}) becomes a unique constraint.`,
    );
    if (pk.length > 1)
      table.uniques.push({ name: `${tname}_pkey`, columns: pk, at: table.primaryKey?.at ?? table.at });
  } else {
    why.push('it has no primary key: the entity gets an integer id');
  }
  // `created_at` + `updated_at` are the design's timestamps.
  const created = table.columns.find((c) => c.name === 'created_at');
  const updated = table.columns.find((c) => c.name === 'updated_at');
  if (
    created &&
    updated &&
    TIMESTAMP_TYPES.has(created.type.name) &&
    TIMESTAMP_TYPES.has(updated.type.name)
  ) {
    entity.timestamps = true;
    build.members.add('created_at').add('updated_at');
  }
  report.add(
    why.length ? 'approximated' : 'imported',
    subject,
    table.at,
    why.length ? `Imported as entity '${name}': ${why.join('; ')}.` : undefined,
    id,
  );
  return build;
}

interface EnumBuild {
  design: DesignEnum;
  declared: boolean;
  used: boolean;
}

function enumValues(
  values: readonly string[],
  subject: string,
  report: Reporter,
  at: { line: number; column: number },
) {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const value of values) {
    if (value.trim() === '' || value.length > LIMITS.enumValueLength || kept.includes(value))
      dropped.push(value);
    else if (kept.length >= LIMITS.valuesPerEnum) dropped.push(value);
    else kept.push(value);
  }
  if (dropped.length > 0) {
    report.note(
      subject,
      at,
      `${dropped.length} value(s) dropped: empty, duplicate, longer than ${LIMITS.enumValueLength} characters or past ${LIMITS.valuesPerEnum} values`,
    );
  }
  return kept;
}

/** PostgreSQL's `CREATE TYPE ... AS ENUM`; MySQL's inline enums are added per column by `addFields`. */
function buildEnums(schema: SqlSchema, classNames: Set<string>, report: Reporter): Map<string, EnumBuild> {
  const out = new Map<string, EnumBuild>();
  for (const item of schema.enums) {
    const subject = `enum ${displayName(item.name)}`;
    if (out.has(item.name.name)) {
      report.add('skipped', subject, item.at, 'This enum type is created twice; the first one is kept.');
      continue;
    }
    if (out.size >= LIMITS.enums) {
      report.add('skipped', subject, item.at, `A design holds at most ${LIMITS.enums} enums.`);
      continue;
    }
    const snake = tableName(item.name.name).name;
    const name = claim(className(snake, 'Type'), classNames, '');
    const id = elementId('en', snake);
    report.add('imported', subject, item.at, undefined, id);
    const values = enumValues(item.values, subject, report, item.at);
    if (snakeCase(name) !== item.name.name)
      report.note(subject, item.at, `the type is named '${snakeCase(name)}'`);
    out.set(item.name.name, { design: { id, name, values }, declared: true, used: false });
  }
  // Inline enums need class names too; they are claimed lazily, so keep the set.
  (out as EnumMap).classNames = classNames;
  return out;
}

type EnumMap = Map<string, EnumBuild> & { classNames?: Set<string> };

function foreignKeyRelation(
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

function addFields(build: EntityBuild, enums: EnumMap, report: Reporter): void {
  const { table, entity } = build;
  const userEnums = new Set([...enums.keys()]);
  for (const column of table.columns) {
    const subject = `column ${displayName(table.name)}.${column.name}`;
    if (column.name === build.pkColumn) {
      report.add('imported', subject, column.at, undefined);
      continue;
    }
    if (build.fkColumns.has(column.name)) continue; // reported with its foreign key
    if (entity.timestamps && (column.name === 'created_at' || column.name === 'updated_at')) {
      report.add('imported', subject, column.at, undefined);
      continue;
    }
    const mapped = mapType(column.type, userEnums);
    if ('skip' in mapped) {
      report.add('skipped', subject, column.at, `${mapped.skip}.`);
      continue;
    }
    if (entity.fields.length >= LIMITS.fieldsPerEntity) {
      report.add('skipped', subject, column.at, `An entity holds at most ${LIMITS.fieldsPerEntity} fields.`);
      continue;
    }
    const why: string[] = [];
    const sanitised = fieldName(column.name);
    if (sanitised.reason) why.push(sanitised.reason);
    const name = claim(sanitised.name, build.members);
    if (name !== sanitised.name)
      why.push(`'${sanitised.name}' is already a column or attribute of the entity`);
    if (name !== column.name) why.push(`the column is named '${name}'`);
    if (mapped.approximation) why.push(mapped.approximation);
    const field = newField(
      elementId('f', entity.tableName ?? tableNameFor(entity.name), name),
      name,
      mapped.type,
      {
        nullable: !column.notNull,
      },
    );
    if (mapped.maxLength !== undefined)
      field.constraints.maxLength = Math.min(mapped.maxLength, LIMITS.integer);
    if (mapped.precision !== undefined) field.precision = mapped.precision;
    if (mapped.scale !== undefined) field.scale = mapped.scale;
    let enumDef: DesignEnum | undefined;
    if (mapped.type === 'enum') {
      enumDef = enumFor(build, column, name, enums, report, why);
      if (!enumDef) {
        field.type = 'text';
      } else field.enumId = enumDef.id;
    }
    if (column.comment) field.description = column.comment.slice(0, LIMITS.descriptionLength);
    if (column.comment && column.comment.length > LIMITS.descriptionLength)
      why.push(`its comment is cut to ${LIMITS.descriptionLength} characters`);
    if (column.default) {
      const result = mapDefault(column.default, field, enumDef);
      if ('value' in result) field.default = result.value;
      else why.push(result.skip);
    }
    if (column.autoIncrement) why.push('auto-increment is only kept on the primary key');
    entity.fields.push(field);
    build.fields.set(column.name, field);
    report.add(
      why.length ? 'approximated' : 'imported',
      subject,
      column.at,
      why.length ? `Field '${name}' (${field.type}): ${why.join('; ')}.` : undefined,
      field.id,
    );
  }
}

/** The design enum of an enum column: a PostgreSQL type by name, or a new enum for MySQL's inline `ENUM(...)`. */
function enumFor(
  build: EntityBuild,
  column: SqlColumn,
  name: string,
  enums: EnumMap,
  report: Reporter,
  why: string[],
): DesignEnum | undefined {
  if (!column.type.enumValues) {
    const found = enums.get(column.type.name);
    if (found) found.used = true;
    return found?.design;
  }
  const table = build.entity.tableName ?? tableNameFor(build.entity.name);
  const key = `${table}.${name}`;
  if (enums.size >= LIMITS.enums) {
    why.push(`a design holds at most ${LIMITS.enums} enums: the column becomes text`);
    return undefined;
  }
  const values = enumValues(
    column.type.enumValues,
    `column ${displayName(build.table.name)}.${column.name}`,
    report,
    column.at,
  );
  if (values.length === 0) {
    why.push('its enum has no values: the column becomes text');
    return undefined;
  }
  const classNames = enums.classNames ?? new Set<string>();
  const enumName = claim(className(`${singularize(table)}_${name}`, 'Type'), classNames, '');
  const design: DesignEnum = { id: elementId('en', table, name), name: enumName, values };
  enums.set(`#${key}`, { design, declared: false, used: true });
  why.push(`its values become the enum '${enumName}'`);
  return design;
}

function manyToMany(
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

/** A column of the entity as a unique member: its field, or the relation owning it as FK column. */
function memberOf(build: EntityBuild, column: string): string | undefined {
  return build.fields.get(column)?.id ?? build.fkColumns.get(column)?.id;
}

function addUniques(
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

function applyIndexes(
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

function applyComments(
  schema: SqlSchema,
  lookup: Lookup,
  builds: Map<SqlTable, EntityBuild>,
  report: Reporter,
): void {
  for (const table of schema.tables) {
    const build = builds.get(table);
    if (build && table.comment) build.entity.description = table.comment.slice(0, LIMITS.descriptionLength);
  }
  for (const comment of schema.comments) {
    const subject = `comment on ${displayName(comment.table)}${comment.column ? `.${comment.column}` : ''}`;
    const table = lookup(comment.table);
    const build = table && builds.get(table);
    if (!build) {
      report.add('skipped', subject, comment.at, 'It is not on an imported entity.');
      continue;
    }
    const text = comment.text.slice(0, LIMITS.descriptionLength);
    const cut = comment.text.length > LIMITS.descriptionLength;
    const status = cut ? 'approximated' : 'imported';
    const message = cut ? `Cut to ${LIMITS.descriptionLength} characters.` : undefined;
    if (comment.column === undefined) {
      build.entity.description = text;
      report.add(status, subject, comment.at, message);
      continue;
    }
    const field = build.fields.get(comment.column);
    if (field) {
      field.description = text;
      report.add(status, subject, comment.at, message);
    } else
      report.add('skipped', subject, comment.at, 'Only fields have descriptions (not the id or relations).');
  }
}

/** Back-references on the target entity: `posts` for `Post.author`, clear of the target's other members. */
function nameBackrefs(relations: Relation[], builds: Map<SqlTable, EntityBuild>): void {
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
