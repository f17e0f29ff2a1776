import type { IrComputed, IrEntity, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { literalDefault } from './columns';
import { wireName } from './envelopes';
import { optional, pyValueType } from './types';

/**
 * Computed fields in the generated project. Viewer-independent values (counts, exists, sum/min/max) are
 * `column_property`s attached in `app/models/computed.py` once every model exists: a correlated scalar subquery
 * inside the one statement that loads the rows, wherever they are loaded (lists, embeds, reads after writes).
 * Per-viewer values (`viewer-linked`) are `query_expression`s, false unless a loader option
 * `with_expression(<Entity>.<name>, <viewerFn>(viewer))` fills them in (`viewerLoadOptions`).
 */

const COMPUTED_MODULE = 'app.models.computed';

/** The value's Python type in the model (`column`) or the response schemas (`output`). */
function valueType(c: IrComputed, imports: Imports, mode: 'column' | 'output'): string {
  if (c.kind === 'count') return 'int';
  if (c.kind === 'exists' || c.kind === 'viewer-linked') return 'bool';
  const field = c.field;
  const type = field ? pyValueType(field, imports, mode) : 'int';
  return optional(type, c.nullable);
}

/**
 * Lines of the model's class body: the column properties' types for type checkers (the properties themselves
 * are attached by `app/models/computed.py`) and the per-viewer query expressions (false by default).
 */
export function computedModelLines(entity: IrEntity, imports: Imports): string[] {
  if (entity.computed.length === 0) return [];
  const mapped = imports.from('sqlalchemy.orm', 'Mapped');
  const lines: string[] = [''];
  const fixed = entity.computed.filter((c) => !c.perViewer);
  if (fixed.length > 0) {
    lines.push(
      `if ${imports.from('typing', 'TYPE_CHECKING')}:`,
      '    # Column properties over related rows, attached in app/models/computed.py.',
      ...fixed.map((c) => `    ${c.name}: ${mapped}[${valueType(c, imports, 'column')}]`),
    );
  }
  for (const c of entity.computed.filter((c) => c.perViewer)) {
    const expression = imports.from('sqlalchemy.orm', 'query_expression');
    lines.push(
      `${c.name}: ${mapped}[bool] = ${expression}(default_expr=${imports.from('sqlalchemy', 'false')}())`,
    );
  }
  return lines;
}

type Names = { project: IrProject; imports: Imports; entity: IrEntity; model: string };

function modelName(names: Names, id: string): string {
  const target = names.project.entityById.get(id) as IrEntity;
  return names.imports.from(`app.models.${target.module}`, target.className);
}

/**
 * The related rows of a computed field as SQL pieces: the FROM (a model, an alias of the entity's own model
 * for self-relations, an association table), the column holding this row's id, the one holding the related
 * row's id, and the related entity to read fields of (joined when needed).
 */
function related(c: IrComputed, names: Names, alias: string) {
  const { imports } = names;
  const source = c.source;
  const joinTarget = c.where !== null || c.field !== null;
  const self = source.targetId === names.entity.id;
  const target = () => (self ? alias : modelName(names, source.targetId));
  if (source.kind === 'backref') {
    const rows = target();
    return {
      from: rows,
      own: `${rows}.${source.column}`,
      other: `${rows}.id`,
      target: rows,
      join: null as string | null,
      inner: [rows],
      aliased: self,
    };
  }
  const table =
    source.kind === 'association'
      ? imports.from('app.models.associations', source.table)
      : modelName(names, source.throughId);
  const col = (name: string) => (source.kind === 'association' ? `${table}.c.${name}` : `${table}.${name}`);
  const rows = joinTarget ? target() : null;
  return {
    from: table,
    own: col(source.own),
    other: col(source.other),
    target: rows,
    join: rows ? `${rows}, ${rows}.id == ${col(source.other)}` : null,
    inner: rows ? [table, rows] : [table],
    aliased: self && rows !== null,
  };
}

/** The condition of `where` on the related entity's field (`is_(True)` for booleans, as ruff asks). */
function whereCondition(c: IrComputed, target: string, imports: Imports): string | null {
  if (!c.where) return null;
  const { field, equals } = c.where;
  const column = `${target}.${field.name}`;
  if (equals === null) return `${column}.is_(None)`;
  if (typeof equals === 'boolean') return `${column}.is_(${equals ? 'True' : 'False'})`;
  return `${column} == ${literalDefault(field, equals, imports)}`;
}

/** `select(<what>).select_from(...).join(...).where(...).correlate_except(...)` over the related rows. */
function relatedSelect(
  c: IrComputed,
  names: Names,
  what: (r: ReturnType<typeof related>) => string,
  extra: string[],
  alias: string,
): { setup: string[]; statement: string } {
  const { imports } = names;
  const r = related(c, names, alias);
  const setup = r.aliased ? [`${alias} = ${imports.from('sqlalchemy.orm', 'aliased')}(${names.model})`] : [];
  const where = [`${r.own} == ${names.model}.id`, ...extra];
  const filter = r.target ? whereCondition(c, r.target, imports) : null;
  if (filter) where.push(filter);
  const parts = [
    `${imports.from('sqlalchemy', 'select')}(${what(r)})`,
    `.select_from(${r.from})`,
    ...(r.join ? [`.join(${r.join})`] : []),
    `.where(${where.join(', ')})`,
    `.correlate_except(${r.inner.join(', ')})`,
  ];
  return { setup, statement: parts.join('\n') };
}

function aggregate(c: IrComputed, r: ReturnType<typeof related>, imports: Imports): string {
  const func = imports.from('sqlalchemy', 'func');
  if (c.kind === 'count') return `${func}.count()`;
  const column = `${r.target}.${c.field?.name}`;
  if (c.kind !== 'sum') return `${func}.${c.kind}(${column})`;
  const total = `${func}.coalesce(${func}.sum(${column}), 0)`;
  // PostgreSQL sums integers as BIGINT or NUMERIC: one integer type on both databases.
  const integer = c.field?.type === 'integer' || c.field?.type === 'bigint';
  return integer
    ? `${imports.from('sqlalchemy', 'cast')}(${total}, ${imports.from('sqlalchemy', 'BigInteger')})`
    : total;
}

function viewerDoc(c: IrComputed, entity: IrEntity): string {
  if (c.description.trim() !== '') return c.description;
  return `\`${c.name}\`: the viewer is one of the ${entity.className}'s \`${c.relationAttr}\`; false for anonymous callers.`;
}

/**
 * `app/models/computed.py`: the column properties of every entity's computed fields and the per-viewer
 * expression functions. Imported by `app/models/__init__.py` after the models; null without computed fields.
 */
export function emitComputedModule(project: IrProject): string | null {
  const entities = project.entities.filter((e) => e.computed.length > 0);
  if (entities.length === 0) return null;
  const fnNames = entities.flatMap((e) => e.computed.flatMap((c) => (c.viewerFn ? [c.viewerFn] : [])));
  const imports = new Imports([...fnNames, 'viewer']);
  const blocks: string[] = [];
  for (const entity of entities) {
    const model = imports.from(`app.models.${entity.module}`, entity.className);
    const names: Names = { project, imports, entity, model };
    for (const c of entity.computed) {
      const alias = `_${entity.varName}_${c.name}_rows`;
      if (c.perViewer) {
        const user = project.auth ? (project.entityById.get(project.auth.userId) as IrEntity) : null;
        if (!user) continue;
        const userCls = imports.from(`app.models.${user.module}`, user.className);
        const { setup, statement } = relatedSelect(
          c,
          names,
          (r) => r.own,
          [`${related(c, names, alias).other} == viewer.id`],
          alias,
        );
        const columnElement = imports.from('sqlalchemy', 'ColumnElement');
        blocks.push(
          ...setup,
          [
            `def ${c.viewerFn}(viewer: ${userCls} | None) -> ${columnElement}[bool]:`,
            `    ${pyDocstring(viewerDoc(c, entity), '    ') ?? '"""."""'}`,
            '    if viewer is None:',
            `        return ${imports.from('sqlalchemy', 'false')}()`,
            `    return (\n${indentLines(statement, 8)}\n        .exists()\n    )`,
          ].join('\n'),
        );
        continue;
      }
      const { setup, statement } =
        c.kind === 'exists'
          ? relatedSelect(c, names, (r) => r.own, [], alias)
          : relatedSelect(c, names, (r) => aggregate(c, r, imports), [], alias);
      const end = c.kind === 'exists' ? '.exists()' : '.scalar_subquery()';
      const property = imports.from('sqlalchemy.orm', 'column_property');
      blocks.push(...setup, `${model}.${c.name} = ${property}(\n${indentLines(statement, 4)}\n    ${end}\n)`);
    }
  }
  return module(
    imports.render(),
    blocks,
    '"""Computed fields: correlated subqueries inside the statement loading the rows."""',
  );
}

function indentLines(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** The computed fields a response schema of the entity carries: a named view's, else all. */
export function computedOf(entity: IrEntity, schema: string): IrComputed[] {
  const view = entity.schemas.views.find((v) => v.className === schema);
  return view ? view.computed : entity.computed;
}

/**
 * Loader options filling the per-viewer computed fields of `entity` that the response schema `schema` carries,
 * for the caller `viewer` (a Python expression of type `User | None`; null: the operation has no caller, so the
 * values stay false). Call sites put them in `.options(...)` of the statement loading the rows, or of the
 * relationship loader of an embed (`selectinload(Post.author).options(...)`). This is the per-row loading
 * helper other handlers (actions answering a row) reuse.
 */
export function viewerLoadOptions(
  entity: IrEntity,
  schema: string,
  imports: Imports,
  viewer: string | null,
): string[] {
  if (viewer === null) return [];
  return computedOf(entity, schema)
    .filter((c) => c.viewerFn !== null)
    .map((c) => {
      const model = imports.from(`app.models.${entity.module}`, entity.className);
      const fn = imports.from(COMPUTED_MODULE, c.viewerFn as string);
      return `${imports.from('sqlalchemy.orm', 'with_expression')}(${model}.${c.name}, ${fn}(${viewer}))`;
    });
}

/** Whether loading `schema` of the entity needs the viewer (it carries a per-viewer value). */
export function needsViewer(entity: IrEntity, schema: string): boolean {
  return computedOf(entity, schema).some((c) => c.perViewer);
}

/** Response attributes of computed fields: read-only in OpenAPI, under their JSON names. */
export function computedSchemaAttrs(entity: IrEntity, computed: IrComputed[], imports: Imports): string[] {
  return computed.map((c) => {
    const type = valueType(c, imports, 'output');
    const key = wireName(entity, c.name);
    const field = imports.from('pydantic', 'Field');
    const alias = key === c.name ? '' : `alias=${pyStr(key)}, `;
    return `${c.name}: ${type} = ${field}(${alias}json_schema_extra={"readOnly": True})`;
  });
}
