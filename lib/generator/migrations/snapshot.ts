/**
 * The database schema an IR implies, keyed by stable ids so two versions can be compared: tables by entity id
 * (association tables by `m2m:<relation id>`), columns by field id (`pk`, `rel:<relation id>`, `ts:created`,
 * `ts:updated`, `left`/`right` for association columns). Names are what the database sees.
 *
 * Enums are native types on PostgreSQL (`CREATE TYPE ... AS ENUM`, keyed by enum id, listed when at least one
 * column uses them) and VARCHAR of the longest value on SQLite (no CHECK constraint): an enum column records
 * its enum (`enum`), and `storage` is what SQLite stores.
 */
import { ON_DELETE, pkSaType, saType } from '../fastapi/migration';
import type { IrEntity, IrField, IrProject } from '../ir/types';

export type SnapColumn = {
  key: string;
  name: string;
  /** `sa.*` type expression for DDL. */
  type: string;
  /** What the database stores: type changes that do not change this need no DDL (enum members). */
  storage: string;
  nullable: boolean;
  /** Python expression for `server_default=`, or null. */
  serverDefault: string | null;
  comment: string | null;
  primaryKey: boolean;
  /** Value used to backfill existing rows when the column becomes non-nullable (SQL literal body). */
  zero: string;
  /** Enum columns: the enum's key, and the value rows fall back to when theirs goes away (null: NULL). */
  enum: { key: string; fallback: string | null } | null;
};

/** A PostgreSQL enum type: keyed by the design enum's id, with its type name and values in order. */
export type SnapEnum = { key: string; name: string; values: string[] };

export type SnapIndex = { name: string; columns: string[]; unique: boolean };
/** A unique constraint: one column (`Field.unique`) or several (`Entity.uniques`). */
export type SnapUnique = { name: string; columns: string[] };
export type SnapForeignKey = {
  name: string;
  column: string;
  targetKey: string;
  targetTable: string;
  onDelete: string;
  /** Closes a dependency cycle between tables: created after the tables. */
  deferred: boolean;
};

export type SnapTable = {
  key: string;
  name: string;
  /** Position in table-creation order (dependency order). */
  order: number;
  columns: SnapColumn[];
  indexes: SnapIndex[];
  uniques: SnapUnique[];
  fks: SnapForeignKey[];
};

export type Snapshot = { tables: SnapTable[]; enums: SnapEnum[] };

function zeroOf(field: IrField): string {
  switch (field.type) {
    case 'integer':
    case 'bigint':
    case 'float':
    case 'decimal':
    case 'boolean':
      return '0';
    case 'date':
      return '1970-01-01';
    case 'datetime':
      return '1970-01-01 00:00:00';
    case 'uuid':
      return '00000000000000000000000000000000';
    case 'json':
      return '{}';
    case 'enum':
      return literalEnumDefault(field) ?? field.enum?.members[0]?.value ?? '';
    default:
      return '';
  }
}

/** The field's literal default when it is one of its enum's values. */
function literalEnumDefault(field: IrField): string | null {
  const value = field.default?.kind === 'literal' ? field.default.value : undefined;
  return typeof value === 'string' && field.enum?.members.some((m) => m.value === value) ? value : null;
}

/**
 * Where a row's enum value goes when the value is removed (or a string column becomes an enum): the field's
 * default, else NULL when the column allows it, else the first value.
 */
function enumFallback(field: IrField): string | null {
  return literalEnumDefault(field) ?? (field.nullable ? null : (field.enum?.members[0]?.value ?? null));
}

function storageOf(field: IrField): string {
  if (field.type === 'enum') return `varchar(${field.enum?.length ?? 32})`;
  return saType(field);
}

function entityTable(entity: IrEntity, project: IrProject, order: number): SnapTable {
  const t = entity.tableName;
  const pkType = pkSaType(entity);
  const columns: SnapColumn[] = [
    {
      key: 'pk',
      name: 'id',
      type: pkType,
      storage: pkType,
      nullable: false,
      serverDefault: null,
      comment: null,
      primaryKey: true,
      zero: '0',
      enum: null,
    },
  ];
  const indexes: SnapIndex[] = [];
  const uniques: SnapUnique[] = [];
  const fks: SnapForeignKey[] = [];
  for (const f of entity.fields) {
    columns.push({
      key: f.id,
      name: f.name,
      type: saType(f),
      storage: storageOf(f),
      nullable: f.nullable,
      serverDefault:
        f.default?.kind === 'now' ? `sa.func.${f.type === 'date' ? 'current_date' : 'now'}()` : null,
      comment: f.description.trim() !== '' ? f.description : null,
      primaryKey: false,
      zero: zeroOf(f),
      enum: f.enum ? { key: f.enum.id, fallback: enumFallback(f) } : null,
    });
    if (f.indexed) indexes.push({ name: `ix_${t}_${f.name}`, columns: [f.name], unique: f.unique });
    else if (f.unique) uniques.push({ name: `uq_${t}_${f.name}`, columns: [f.name] });
  }
  for (const fk of entity.fks) {
    const target = project.entityById.get(fk.targetId) as IrEntity;
    const type = pkSaType(target);
    columns.push({
      key: `rel:${fk.relationId}`,
      name: fk.column,
      type,
      storage: type,
      nullable: fk.nullable,
      serverDefault: null,
      comment: null,
      primaryKey: false,
      zero: target.primaryKey === 'uuid' ? '00000000000000000000000000000000' : '0',
      enum: null,
    });
    indexes.push({ name: `ix_${t}_${fk.column}`, columns: [fk.column], unique: fk.unique });
    fks.push({
      name: `fk_${t}_${fk.column}_${target.tableName}`,
      column: fk.column,
      targetKey: target.id,
      targetTable: target.tableName,
      onDelete: ON_DELETE[fk.onDelete],
      deferred: fk.deferred,
    });
  }
  for (const u of entity.uniques) uniques.push({ name: u.name, columns: u.columns });
  if (entity.timestamps) {
    for (const [key, name] of [
      ['ts:created', 'created_at'],
      ['ts:updated', 'updated_at'],
    ] as const) {
      columns.push({
        key,
        name,
        type: 'sa.DateTime(timezone=True)',
        storage: 'sa.DateTime(timezone=True)',
        nullable: false,
        serverDefault: 'sa.func.now()',
        comment: null,
        primaryKey: false,
        zero: '1970-01-01 00:00:00',
        enum: null,
      });
    }
  }
  return { key: entity.id, name: t, order, columns, indexes, uniques, fks };
}

/** The schema of every table of `project`, in creation order (entities, then association tables). */
export function snapshotOf(project: IrProject): Snapshot {
  const tables = project.entities.map((e, i) => entityTable(e, project, i));
  let order = tables.length;
  for (const a of project.associations) {
    const side = (key: 'left' | 'right', c: { column: string; targetId: string }) => {
      const target = project.entityById.get(c.targetId) as IrEntity;
      const type = pkSaType(target);
      const column: SnapColumn = {
        key,
        name: c.column,
        type,
        storage: type,
        nullable: false,
        serverDefault: null,
        comment: null,
        primaryKey: true,
        zero: '0',
        enum: null,
      };
      const fk: SnapForeignKey = {
        name: `fk_${a.table}_${c.column}_${target.tableName}`,
        column: c.column,
        targetKey: target.id,
        targetTable: target.tableName,
        onDelete: 'CASCADE',
        deferred: false,
      };
      return { column, fk };
    };
    const l = side('left', a.left);
    const r = side('right', a.right);
    tables.push({
      key: `m2m:${a.relationId}`,
      name: a.table,
      order: order++,
      columns: [l.column, r.column],
      indexes: [{ name: a.rightIndex, columns: [a.right.column], unique: false }],
      uniques: [],
      fks: [l.fk, r.fk],
    });
  }
  const used = new Set(tables.flatMap((t) => t.columns.map((c) => c.enum?.key)));
  const enums = project.enums
    .filter((e) => used.has(e.id))
    .map((e) => ({ key: e.id, name: e.typeName, values: e.members.map((m) => m.value) }));
  return { tables, enums };
}
