import { itemResponse } from '../ir/operations';
import { localsOf } from '../ir/scope';
import type { IrAction, IrActionSet, IrEntity, IrOperation, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { ownerCondition, parentConditions, readableConditions, type ScopeNames } from './access';
import { literalDefault } from './columns';
import { wrapExpr } from './envelopes';

/**
 * Handlers of `Resource.actions`, emitted into the resource's router (`routes.ts` passes what it shares:
 * the handler frame, the item conditions, the scope names). Links go through `app/api/actions.py`.
 */
export type ActionEmit = {
  entity: IrEntity;
  project: IrProject;
  imports: Imports;
  model: string;
  /** Decorator, signature and docstring around a body. */
  handler: (op: IrOperation, body: string[]) => string;
  /** Conditions naming the row of the path: the parent it is under (when nested) and the lookup. */
  itemWhere: (op: IrOperation) => string[];
  names: (user: string | null) => ScopeNames;
  /** The caller parameter: the signed-in user, the optional viewer of a public rule, or none. */
  caller: (op: IrOperation) => { name: string | null; optional: boolean };
  /** `await _fetch(session, *where)`, with the caller when per-viewer computed fields need one. */
  fetch: (op: IrOperation, where: string[]) => string;
};

export const isActionOp = (op: IrOperation): boolean =>
  op.kind === 'link_add' || op.kind === 'link_remove' || op.kind === 'set_fields';

export function actionOf(entity: IrEntity, op: IrOperation): IrAction {
  return entity.resource.actions.find((a) => a.id === op.actionId) as IrAction;
}

/**
 * Which rows an action may touch, as its get would see them: the caller's own for owner rules, else the rows
 * the caller may read (public rows or their own, owner-only reads, readable parents). Others are a 404.
 */
function rowScope(emit: ActionEmit, op: IrOperation): { setup: string[]; where: string[] } {
  const caller = emit.caller(op);
  const conditions = (names: ScopeNames): string[] => {
    if (op.access?.kind === 'owner') {
      const owned = ownerCondition(emit.entity, names);
      return owned ? [owned] : [];
    }
    return [...readableConditions(emit.entity, names), ...parentConditions(emit.entity, names)];
  };
  if (!caller.optional) return { setup: [], where: conditions(emit.names(caller.name)) };
  const anyone = conditions(emit.names(null));
  if (anyone.length === 0) return { setup: [], where: [] };
  const mine = conditions(emit.names(caller.name));
  const and = (all: string[]) =>
    all.length === 1 ? (all[0] as string) : `${emit.imports.from('sqlalchemy', 'and_')}(${all.join(', ')})`;
  const v = localsOf('action');
  return {
    setup: [
      `${v.visible}: ${emit.imports.from('sqlalchemy', 'ColumnElement')}[bool] = ${and(anyone)}`,
      'if current_user is not None:',
      `    ${v.visible} = ${and(mine)}`,
    ],
    where: [v.visible],
  };
}

/** `return <Item>.model_validate(...)` of the row reloaded the way its get loads it (embeds, computed values). */
function answer(emit: ActionEmit, op: IrOperation, action: IrAction): string {
  const ref = itemResponse(emit.entity, action.view);
  const item = emit.imports.from(ref.module, ref.name);
  const v = localsOf('action');
  const reload = emit.fetch(op, [`${emit.model}.id == ${v.row}.id`]);
  return `return ${wrapExpr(emit.entity, op, `${item}.model_validate(${reload})`, emit.imports)}`;
}

/** The other end's id: the caller, or the row the path names when the caller may read it (else a 404). */
function otherId(emit: ActionEmit, op: IrOperation, action: Extract<IrAction, { kind: 'link' }>): string {
  if (action.target === 'viewer') return 'current_user.id';
  const other = emit.project.entityById.get(action.otherId) as IrEntity;
  const names = emit.names(emit.caller(op).name);
  const model = names.model(other.id);
  const param = op.params.at(-1)?.name as string;
  const column = other.resource.lookup.field ? other.resource.lookup.field.name : 'id';
  const where = [`${model}.${column} == ${param}`, ...readableConditions(other, names)];
  const select = emit.imports.from('sqlalchemy', 'select');
  const found = emit.imports.from('app.api.actions', 'found_id');
  return `await ${found}(session, ${select}(${model}.id).where(${where.join(', ')}), ${pyStr(`${other.className} not found`)})`;
}

function linkBody(emit: ActionEmit, op: IrOperation, action: Extract<IrAction, { kind: 'link' }>): string[] {
  const v = localsOf('action');
  const store = action.store;
  const table =
    store.kind === 'table'
      ? emit.imports.from('app.models.associations', store.table)
      : emit.names(null).model(store.entityId);
  const helper = emit.imports.from('app.api.actions', op.kind === 'link_add' ? 'add_link' : 'remove_link');
  return [
    `await ${helper}(`,
    '    session,',
    `    ${table},`,
    `    {${pyStr(store.rowColumn)}: ${v.row}.id, ${pyStr(store.otherColumn)}: ${otherId(emit, op, action)}},`,
    ')',
  ];
}

function setValue(emit: ActionEmit, set: IrActionSet): string {
  switch (set.kind) {
    case 'viewer':
      return 'current_user.id';
    case 'now': {
      const now = `${emit.imports.from('app.core.db', 'utc_now')}()`;
      return set.field.type === 'date' ? `${now}.date()` : now;
    }
    case 'literal':
      return literalDefault(set.field, set.value, emit.imports);
  }
}

/** The body of a link, unlink or set handler: find the row (404), change it, commit, answer it. */
export function actionHandler(emit: ActionEmit, op: IrOperation): string {
  const action = actionOf(emit.entity, op);
  const v = localsOf('action');
  const scope = rowScope(emit, op);
  const where = [...emit.itemWhere(op), ...scope.where];
  const change =
    action.kind === 'link'
      ? linkBody(emit, op, action)
      : action.sets.map((set) => `${v.row}.${set.column} = ${setValue(emit, set)}`);
  return emit.handler(op, [
    ...scope.setup,
    `${v.row} = ${emit.fetch(op, where)}`,
    ...change,
    `await ${emit.imports.from('app.api.deps', 'commit_or_409')}(session)`,
    answer(emit, op, action),
  ]);
}

/** Whether any resource has a link action (and so `app/api/actions.py` exists). */
export function usesLinks(project: IrProject): boolean {
  return project.entities.some((e) => e.resource.actions.some((a) => a.kind === 'link'));
}

/**
 * `app/api/actions.py`: links of many-to-many relations added and removed idempotently. An add that finds the
 * link does nothing; two adds at once meet the table's primary key (or the through entity's unique
 * constraint) and the second does nothing (`ON CONFLICT DO NOTHING`), so no 500 and no duplicate.
 */
export function emitActionHelpers(project: IrProject): string | null {
  if (!usesLinks(project)) return null;
  const imports = new Imports(['found_id', 'add_link', 'remove_link', 'LinkTable', '_columns']);
  const any = imports.from('typing', 'Any');
  const session = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const table = imports.from('sqlalchemy', 'Table');
  const base = imports.from('app.core.db', 'Base');
  const blocks = [
    `LinkTable = ${table} | type[${base}]`,
    [
      `async def found_id(session: ${session}, statement: ${imports.from('sqlalchemy', 'Select')}[${any}], detail: str) -> ${any}:`,
      '    """The id `statement` selects, or a 404 (missing, or not the caller\'s to see)."""',
      '    value = (await session.execute(statement.limit(1))).scalar_one_or_none()',
      '    if value is None:',
      `        raise ${imports.from('fastapi', 'HTTPException')}(status_code=404, detail=detail)`,
      '    return value',
    ].join('\n'),
    [
      `def _columns(table: LinkTable, values: dict[str, ${any}]) -> list[${imports.from('sqlalchemy', 'ColumnElement')}[bool]]:`,
      '    """`column == value` for each column of the link."""',
      `    columns = table.c if isinstance(table, ${table}) else table.__table__.c`,
      '    return [columns[name] == value for name, value in values.items()]',
    ].join('\n'),
    [
      `async def add_link(session: ${session}, table: LinkTable, values: dict[str, ${any}]) -> None:`,
      '    """Stores the link unless it exists: adding twice, or twice at once, keeps one."""',
      `    found = ${imports.from('sqlalchemy', 'select')}(${imports.from('sqlalchemy', 'literal')}(1)).where(*_columns(table, values))`,
      '    if (await session.execute(found.limit(1))).first() is not None:',
      '        return',
      '    if session.get_bind().dialect.name == "postgresql":',
      `        await session.execute(${imports.from('sqlalchemy.dialects', 'postgresql')}.insert(table).values(values).on_conflict_do_nothing())`,
      '    else:',
      `        await session.execute(${imports.from('sqlalchemy.dialects', 'sqlite')}.insert(table).values(values).on_conflict_do_nothing())`,
    ].join('\n'),
    [
      `async def remove_link(session: ${session}, table: LinkTable, values: dict[str, ${any}]) -> None:`,
      '    """Deletes the link; a missing one is fine."""',
      `    await session.execute(${imports.from('sqlalchemy', 'delete')}(table).where(*_columns(table, values)))`,
    ].join('\n'),
  ];
  return module(
    imports.render(),
    blocks,
    '"""Links of many-to-many relations, added and removed idempotently by the actions."""',
  );
}

/** The README's security line about actions (empty without any, so other projects' READMEs are unchanged). */
export function actionSecurityNotes(project: IrProject): string {
  const ops = project.operations.filter(isActionOp);
  const first = ops[0];
  if (!first) return '';
  const links = usesLinks(project)
    ? `; adding
  a link that exists (or twice at once) keeps one, and removing a missing link succeeds`
    : '';
  return `- **Actions** (\`${first.method.toUpperCase()} ${first.path}\`): they change only rows the caller may read
  (others' are a **404**, as for a get), under their own access rule, and answer the row as its get does${links}.\n`;
}
