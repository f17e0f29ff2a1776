import type { IrEntity, IrEnum, IrField, IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { pyLongStr, pyStr } from '../python/literal';
import { migrationUniqueItems } from './uniques';

export const ON_DELETE = { cascade: 'CASCADE', 'set-null': 'SET NULL', restrict: 'RESTRICT' } as const;

export function saType(field: IrField): string {
  switch (field.type) {
    case 'string':
    case 'email':
    case 'url':
    case 'password':
      return `sa.String(length=${field.length ?? 255})`;
    case 'text':
      return 'sa.Text()';
    case 'integer':
      return 'sa.Integer()';
    case 'bigint':
      return 'sa.BigInteger()';
    case 'float':
      return 'sa.Float()';
    case 'decimal':
      return `sa.Numeric(precision=${field.precision ?? 10}, scale=${field.scale ?? 2})`;
    case 'boolean':
      return 'sa.Boolean()';
    case 'date':
      return 'sa.Date()';
    case 'datetime':
      return 'sa.DateTime(timezone=True)';
    case 'uuid':
      return 'sa.Uuid()';
    case 'json':
      return 'sa.JSON()';
    case 'enum':
      return enumSaType(field.enum?.typeName ?? 'enum', enumValues(field.enum));
  }
}

export const enumValues = (e: IrEnum | undefined): string[] => (e?.members ?? []).map((m) => m.value);

/**
 * The column type of an enum in a migration: the named PostgreSQL type, which the migration creates once
 * itself (`create_type=False`: several tables may share it), and VARCHAR of the longest value on SQLite.
 */
export function enumSaType(name: string, values: readonly string[]): string {
  return `postgresql.ENUM(${[...values.map(pyStr), `name=${pyStr(name)}`, 'create_type=False'].join(', ')})`;
}

/** Creates the PostgreSQL enum type (nothing on SQLite); also emitted by `alembic upgrade --sql`. */
export function enumCreate(name: string, values: readonly string[]): string {
  return `postgresql.ENUM(${[...values.map(pyStr), `name=${pyStr(name)}`].join(', ')}).create(op.get_bind(), checkfirst=True)`;
}

/** Drops the PostgreSQL enum type (nothing on SQLite). */
export function enumDrop(name: string): string {
  return `postgresql.ENUM(name=${pyStr(name)}).drop(op.get_bind(), checkfirst=True)`;
}

/** The import lines a migration module needs for `body` (its upgrade and downgrade code). */
export function migrationImports(body: readonly string[]): string[] {
  const uses = (prefix: string) => body.some((line) => line.includes(prefix));
  return [
    ...(uses('sa.') ? ['import sqlalchemy as sa'] : []),
    'from alembic import op',
    ...(uses('postgresql.') ? ['from sqlalchemy.dialects import postgresql'] : []),
  ];
}

export const pkSaType = (entity: IrEntity) => (entity.primaryKey === 'uuid' ? 'sa.Uuid()' : 'sa.Integer()');

type Index = { name: string; columns: string[]; unique: boolean };

function tableOps(entity: IrEntity, project: IrProject): { create: string; indexes: Index[] } {
  const t = entity.tableName;
  const items: string[] = [`sa.Column("id", ${pkSaType(entity)}, nullable=False)`];
  const indexes: Index[] = [];
  const uniques: string[] = [];
  for (const f of entity.fields) {
    const args = [pyStr(f.name), saType(f), `nullable=${f.nullable ? 'True' : 'False'}`];
    if (f.default?.kind === 'now')
      args.push(`server_default=sa.func.${f.type === 'date' ? 'current_date' : 'now'}()`);
    if (f.description.trim() !== '') args.push(`comment=${pyLongStr(f.description)}`);
    items.push(`sa.Column(${args.join(', ')})`);
    if (f.indexed) indexes.push({ name: `ix_${t}_${f.name}`, columns: [f.name], unique: f.unique });
    else if (f.unique) uniques.push(f.name);
  }
  const fkConstraints: string[] = [];
  for (const fk of entity.fks) {
    const target = project.entityById.get(fk.targetId) as IrEntity;
    items.push(
      `sa.Column(${pyStr(fk.column)}, ${pkSaType(target)}, nullable=${fk.nullable ? 'True' : 'False'})`,
    );
    indexes.push({ name: `ix_${t}_${fk.column}`, columns: [fk.column], unique: fk.unique });
    if (!fk.deferred) {
      fkConstraints.push(
        `sa.ForeignKeyConstraint([${pyStr(fk.column)}], [${pyStr(`${target.tableName}.id`)}], name=op.f(${pyStr(`fk_${t}_${fk.column}_${target.tableName}`)}), ondelete=${pyStr(ON_DELETE[fk.onDelete])})`,
      );
    }
  }
  if (entity.timestamps) {
    items.push(
      'sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)',
    );
    items.push(
      'sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)',
    );
  }
  items.push(...fkConstraints, `sa.PrimaryKeyConstraint("id", name=op.f(${pyStr(`pk_${t}`)}))`);
  for (const u of uniques)
    items.push(`sa.UniqueConstraint(${pyStr(u)}, name=op.f(${pyStr(`uq_${t}_${u}`)}))`);
  items.push(...migrationUniqueItems(entity));
  const create = `op.create_table(\n${indent([pyStr(t), ...items].map((i) => `${i},`).join('\n'))}\n)`;
  return { create, indexes };
}

/** `alembic/versions/0001_initial.py`: every table, index and constraint the models declare, in dependency order. */
export function emitInitialMigration(project: IrProject): string {
  const up: string[] = [];
  const down: string[] = [];
  for (const entity of project.entities) {
    const { create, indexes } = tableOps(entity, project);
    up.push(create);
    for (const ix of indexes) {
      up.push(
        `op.create_index(op.f(${pyStr(ix.name)}), ${pyStr(entity.tableName)}, [${ix.columns.map(pyStr).join(', ')}], unique=${ix.unique ? 'True' : 'False'})`,
      );
    }
    const drop = [
      ...indexes.map((ix) => `op.drop_index(op.f(${pyStr(ix.name)}), table_name=${pyStr(entity.tableName)})`),
      `op.drop_table(${pyStr(entity.tableName)})`,
    ];
    down.unshift(drop.join('\n'));
  }
  // Foreign keys closing a cycle between tables, added once both tables exist (batch mode for SQLite).
  for (const entity of project.entities) {
    for (const fk of entity.fks.filter((f) => f.deferred)) {
      const target = project.entityById.get(fk.targetId) as IrEntity;
      const name = `fk_${entity.tableName}_${fk.column}_${target.tableName}`;
      up.push(
        `with op.batch_alter_table(${pyStr(entity.tableName)}) as batch_op:\n    batch_op.create_foreign_key(op.f(${pyStr(name)}), ${pyStr(target.tableName)}, [${pyStr(fk.column)}], ["id"], ondelete=${pyStr(ON_DELETE[fk.onDelete])})`,
      );
      down.unshift(
        `with op.batch_alter_table(${pyStr(entity.tableName)}) as batch_op:\n    batch_op.drop_constraint(op.f(${pyStr(name)}), type_="foreignkey")`,
      );
    }
  }
  for (const a of project.associations) {
    const col = (c: { column: string; targetId: string }) => {
      const target = project.entityById.get(c.targetId) as IrEntity;
      return {
        column: `sa.Column(${pyStr(c.column)}, ${pkSaType(target)}, nullable=False)`,
        fk: `sa.ForeignKeyConstraint([${pyStr(c.column)}], [${pyStr(`${target.tableName}.id`)}], name=op.f(${pyStr(`fk_${a.table}_${c.column}_${target.tableName}`)}), ondelete="CASCADE")`,
      };
    };
    const l = col(a.left);
    const r = col(a.right);
    const items = [
      pyStr(a.table),
      l.column,
      r.column,
      l.fk,
      r.fk,
      `sa.PrimaryKeyConstraint(${pyStr(a.left.column)}, ${pyStr(a.right.column)}, name=op.f(${pyStr(`pk_${a.table}`)}))`,
    ];
    up.push(
      `op.create_table(\n${indent(items.map((i) => `${i},`).join('\n'))}\n)`,
      `op.create_index(op.f(${pyStr(a.rightIndex)}), ${pyStr(a.table)}, [${pyStr(a.right.column)}], unique=False)`,
    );
    down.unshift(
      `op.drop_index(op.f(${pyStr(a.rightIndex)}), table_name=${pyStr(a.table)})`,
      `op.drop_table(${pyStr(a.table)})`,
    );
  }
  // Enum types used by a column, created once before the tables that share them and dropped after them.
  const used = new Set(project.entities.flatMap((e) => e.fields.map((f) => f.enum?.id)));
  const enums = project.enums.filter((e) => used.has(e.id));
  if (enums.length > 0) {
    up.unshift(
      [
        '# PostgreSQL enum types (SQLite stores enums as VARCHAR)',
        ...enums.map((e) => enumCreate(e.typeName, enumValues(e))),
      ].join('\n'),
    );
    down.push(
      [...enums]
        .reverse()
        .map((e) => enumDrop(e.typeName))
        .join('\n'),
    );
  }
  const header = [
    '"""Initial schema.',
    '',
    'Revision ID: 0001',
    'Revises:',
    'Create Date: 2024-01-01 00:00:00',
    '"""',
  ].join('\n');
  const imports = [
    'from collections.abc import Sequence',
    ...(up.length > 0 ? ['', ...migrationImports(up)] : []),
  ].join('\n');
  const meta = [
    'revision: str = "0001"',
    'down_revision: str | None = None',
    'branch_labels: str | Sequence[str] | None = None',
    'depends_on: str | Sequence[str] | None = None',
  ].join('\n');
  const fn = (name: string, body: string[]) =>
    `def ${name}() -> None:\n${indent(body.length > 0 ? body.join('\n') : 'pass')}`;
  return module(imports, [meta, fn('upgrade', up), fn('downgrade', down)], header);
}
