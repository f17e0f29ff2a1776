import { emptyDesign, newEntity } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { tableNameFor } from '@/lib/design/names';
import type { Design, Relation } from '@/lib/design/schema';
import type { ImportResult, ReportEntry, SqlDialect } from '../types';
import { type EntityBuild, type JoinTable, TIMESTAMP_TYPES, tableLookup } from './build-state';
import { applyChecks } from './checks';
import { mapType } from './column-types';
import { addFields, buildEnums } from './columns';
import { applyComments } from './descriptions';
import { findJoinTables, manyToMany } from './join-tables';
import { addUniques, applyIndexes } from './keys';
import type { SqlSchema, SqlTable } from './model';
import { displayName } from './model';
import { claim, className, elementId, singularize, tableName } from './naming';
import { foreignKeyRelation, nameBackrefs } from './relations';
import { repairDesign } from './repair';
import { Reporter } from './report';

const DIALECT_LABEL: Record<SqlDialect, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  sqlite: 'SQLite',
};

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

  resolveDomains(schema);
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
  for (const build of builds.values()) addFields(build, enums, classNames, report);
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
    report: { format: dialect, entries: inSourceOrder(report.entries) },
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
function resolveDomains(schema: SqlSchema): void {
  if (schema.domains.size === 0) return;
  for (const table of schema.tables) {
    for (const column of table.columns) {
      const domain = schema.domains.get(column.type.name);
      if (!domain || column.type.array) continue;
      column.type = { ...domain.type, array: domain.type.array };
      column.notNull ||= domain.notNull;
    }
  }
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

/** Entries in the order of the script (stable: a table's entry before its columns' at the same place). */
function inSourceOrder(entries: ReportEntry[]): ReportEntry[] {
  const pos = (e: ReportEntry) => (e.at && 'line' in e.at ? e.at.line * 1e6 + e.at.column : 0);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => pos(a.entry) - pos(b.entry) || a.index - b.index)
    .map((x) => x.entry);
}
