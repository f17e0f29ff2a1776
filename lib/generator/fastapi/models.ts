import type { IrEntity, IrField, IrForeignKey, IrProject, IrRelationship } from '../ir/types';
import { indent, kwargs, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyLongStr, pyStr } from '../python/literal';
import { columnPkType, columnType, isMutableLiteral, literalDefault } from './columns';
import { computedModelLines } from './computed';
import { optional, pyValueType } from './types';
import { tableArgsLines } from './uniques';

const ON_DELETE = { cascade: 'CASCADE', 'set-null': 'SET NULL', restrict: 'RESTRICT' } as const;

function fieldColumn(field: IrField, imports: Imports): string {
  const type = pyValueType(field, imports, 'column');
  const args = [columnType(field, imports)];
  const def = field.default;
  const func = () => imports.from('sqlalchemy', 'func');
  let defaultArg: string | undefined;
  let serverDefault: string | undefined;
  if (def?.kind === 'now') {
    serverDefault = field.type === 'date' ? `${func()}.current_date()` : `${func()}.now()`;
    // The app sets datetimes itself: SQLite's CURRENT_TIMESTAMP has no fraction of a second.
    if (field.type === 'datetime') defaultArg = imports.from('app.core.db', 'utc_now');
  } else if (def?.kind === 'uuid') defaultArg = `${imports.module('uuid')}.uuid4`;
  else if (def?.kind === 'literal') {
    const value = literalDefault(field, def.value, imports);
    defaultArg = isMutableLiteral(def.value) ? `lambda: ${value}` : value;
  }
  args.push(
    ...kwargs([
      ['nullable', field.nullable ? 'True' : 'False'],
      ['unique', field.unique && 'True'],
      ['index', field.indexed && 'True'],
      ['default', defaultArg],
      ['server_default', serverDefault],
      ['comment', field.description.trim() !== '' && pyLongStr(field.description)],
    ]),
  );
  return `${field.name}: ${imports.from('sqlalchemy.orm', 'Mapped')}[${optional(type, field.nullable)}] = ${imports.from('sqlalchemy.orm', 'mapped_column')}(${args.join(', ')})`;
}

function fkColumn(fk: IrForeignKey, project: IrProject, imports: Imports): string {
  const target = project.entityById.get(fk.targetId) as IrEntity;
  const type = columnPkType(target, imports);
  const fkArgs = [pyStr(`${target.tableName}.id`), `ondelete=${pyStr(ON_DELETE[fk.onDelete])}`];
  if (fk.deferred) fkArgs.push('use_alter=True');
  const args = [
    `${imports.from('sqlalchemy', 'ForeignKey')}(${fkArgs.join(', ')})`,
    `nullable=${fk.nullable ? 'True' : 'False'}`,
    ...(fk.unique ? ['unique=True'] : []),
    'index=True',
  ];
  return `${fk.column}: ${imports.from('sqlalchemy.orm', 'Mapped')}[${optional(type, fk.nullable)}] = ${imports.from('sqlalchemy.orm', 'mapped_column')}(${args.join(', ')})`;
}

function relationshipLine(
  entity: IrEntity,
  rel: IrRelationship,
  project: IrProject,
  imports: Imports,
): string {
  const target = project.entityById.get(rel.targetId) as IrEntity;
  const fk = entity.fks.find((f) => f.relationId === rel.relationId && f.attr === rel.attr);
  const nullable = fk ? fk.nullable : true;
  const annotation = rel.many
    ? `list[${pyStr(target.className)}]`
    : pyStr(nullable ? `${target.className} | None` : target.className);
  const args = kwargs([
    ['secondary', rel.secondary !== null && pyStr(rel.secondary)],
    ['primaryjoin', rel.primaryJoin !== null && pyStr(rel.primaryJoin)],
    ['secondaryjoin', rel.secondaryJoin !== null && pyStr(rel.secondaryJoin)],
    ['foreign_keys', rel.foreignKeys !== null && pyStr(`[${rel.foreignKeys}]`)],
    ['remote_side', rel.remoteSideId && pyStr(`[${entity.className}.id]`)],
    ['back_populates', rel.backPopulates !== null && pyStr(rel.backPopulates)],
    ['viewonly', rel.viewOnly && 'True'],
    ['passive_deletes', rel.passiveDeletes && 'True'],
    // An unloaded relation fails loudly instead of lazy-loading (no implicit IO under asyncio).
    ['lazy', pyStr('raise')],
  ]);
  return `${rel.attr}: ${imports.from('sqlalchemy.orm', 'Mapped')}[${annotation}] = ${imports.from('sqlalchemy.orm', 'relationship')}(${args.join(', ')})`;
}

/** `app/models/<entity>.py`: one declarative class, typed with `Mapped`. */
export function emitModel(entity: IrEntity, project: IrProject): string {
  const imports = new Imports([...entity.memberNames, entity.className, 'normalise_login']);
  const base = imports.from('app.core.db', 'Base');
  const mapped = imports.from('sqlalchemy.orm', 'Mapped');
  const column = imports.from('sqlalchemy.orm', 'mapped_column');
  const lines: string[] = [];
  const doc = pyDocstring(entity.description, '    ');
  if (doc) lines.push(doc, '');
  lines.push(`__tablename__ = ${pyStr(entity.tableName)}`, ...tableArgsLines(entity, imports), '');
  const pk =
    entity.primaryKey === 'uuid'
      ? `id: ${mapped}[${columnPkType(entity, imports)}] = ${column}(${imports.from('sqlalchemy', 'Uuid')}, primary_key=True, default=${imports.module('uuid')}.uuid4)`
      : `id: ${mapped}[int] = ${column}(${imports.from('sqlalchemy', 'Integer')}, primary_key=True)`;
  lines.push(pk);
  for (const field of entity.fields) lines.push(fieldColumn(field, imports));
  for (const fk of entity.fks) lines.push(fkColumn(fk, project, imports));
  if (entity.timestamps) {
    const dt = imports.module('datetime', 'dt');
    const type = `${imports.from('app.core.db', 'UTCDateTime')}()`;
    const now = `${imports.from('sqlalchemy', 'func')}.now()`;
    // Set by the app (microseconds on SQLite too); the server default serves other writers.
    const utcNow = imports.from('app.core.db', 'utc_now');
    lines.push(
      `created_at: ${mapped}[${dt}.datetime] = ${column}(${type}, default=${utcNow}, server_default=${now})`,
    );
    lines.push(
      `updated_at: ${mapped}[${dt}.datetime] = ${column}(${type}, default=${utcNow}, server_default=${now}, onupdate=${utcNow})`,
    );
  }
  if (entity.relationships.length > 0) {
    lines.push('');
    for (const rel of entity.relationships) lines.push(relationshipLine(entity, rel, project, imports));
  }
  lines.push(...computedModelLines(entity, imports));
  const targets = new Map<string, IrEntity>();
  for (const rel of entity.relationships) {
    const target = project.entityById.get(rel.targetId) as IrEntity;
    if (target.id !== entity.id) targets.set(target.id, target);
  }
  const typeChecking: string[] = [];
  if (targets.size > 0) {
    // Only for type checkers: relationship targets resolve by class name at mapper configuration.
    const inner = new Imports([...entity.memberNames, entity.className]);
    for (const target of [...targets.values()].sort((a, b) => (a.module < b.module ? -1 : 1))) {
      inner.from(`app.models.${target.module}`, target.className);
    }
    typeChecking.push(`if ${imports.from('typing', 'TYPE_CHECKING')}:\n${indent(inner.render())}`);
  }
  const blocks: string[] = [];
  const login = project.auth?.userId === entity.id ? project.auth.login : null;
  if (login) {
    blocks.push(
      [
        'def normalise_login(value: str) -> str:',
        '    """Logins are unique regardless of case and surrounding spaces."""',
        '    return value.strip().lower()',
      ].join('\n'),
    );
    // Every write path (register, create, update) stores the normalised login.
    lines.push(
      '',
      `@${imports.from('sqlalchemy.orm', 'validates')}(${pyStr(login.name)})`,
      'def _normalise_login(self, _key: str, value: str) -> str:',
      '    return normalise_login(value)',
    );
  }
  blocks.push(`class ${entity.className}(${base}):\n${indent(lines.join('\n'))}`);
  const header = [imports.render(), ...typeChecking].join('\n\n');
  return module(header, blocks);
}

/** `app/models/associations.py`: the plain many-to-many tables. */
export function emitAssociations(project: IrProject): string | null {
  if (project.associations.length === 0) return null;
  const imports = new Imports(project.associations.map((a) => a.table));
  const base = imports.from('app.core.db', 'Base');
  const blocks = project.associations.map((a) => {
    const col = (c: { column: string; targetId: string }, index: boolean) => {
      const target = project.entityById.get(c.targetId) as IrEntity;
      const fk = `${imports.from('sqlalchemy', 'ForeignKey')}(${pyStr(`${target.tableName}.id`)}, ondelete="CASCADE")`;
      const type =
        target.primaryKey === 'uuid'
          ? imports.from('sqlalchemy', 'Uuid')
          : imports.from('sqlalchemy', 'Integer');
      return `${imports.from('sqlalchemy', 'Column')}(${pyStr(c.column)}, ${type}, ${fk}, primary_key=True${index ? ', index=True' : ''})`;
    };
    // The primary key (left, right) covers lookups by left; the right column gets its own index.
    const args = [pyStr(a.table), `${base}.metadata`, col(a.left, false), col(a.right, true)];
    return `${a.table} = ${imports.from('sqlalchemy', 'Table')}(\n${indent(args.join(',\n'))},\n)`;
  });
  return module(imports.render(), blocks, '"""Association tables of the many-to-many relations."""');
}

/** `app/models/__init__.py`: imports every model so the mapper registry and Alembic see all tables. */
export function emitModelsInit(project: IrProject): string {
  const imports = new Imports();
  const names: string[] = [];
  for (const entity of project.entities)
    names.push(imports.from(`app.models.${entity.module}`, entity.className));
  if (project.associations.length > 0) names.push(imports.from('app.models', 'associations'));
  // After the models: the computed fields' column properties refer to several of them.
  if (project.entities.some((e) => e.computed.length > 0)) names.push(imports.from('app.models', 'computed'));
  const all = `__all__ = [${names
    .slice()
    .sort()
    .map((n) => pyStr(n))
    .join(', ')}]`;
  return module(
    imports.render(),
    names.length > 0 ? [all] : [],
    '"""All models, imported so the mapper registry and Alembic see every table."""',
  );
}
