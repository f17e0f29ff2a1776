import { itemResponse } from '../ir/operations';
import { localsOf } from '../ir/scope';
import type {
  IrEmbed,
  IrEntity,
  IrField,
  IrList,
  IrOperation,
  IrOperationKind,
  IrProject,
  IrRef,
  IrView,
} from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import {
  ownerCondition,
  parentConditions,
  publicRowCondition,
  readableConditions,
  type ScopeNames,
} from './access';
import { type ActionEmit, actionHandler } from './actions';
import { needsViewer, viewerLoadOptions } from './computed';
import { listArgs, unwrapBody, wireName, wrapExpr } from './envelopes';
import { responsesArg } from './errors';
import { decorator, handlerParams, returnType, routeModuleNames, signature } from './handler';
import { type NestCtx, PARENT_HELPER, parentCall, parentHelper, parentWhere } from './nesting';
import { embeddedSchema, needsCurrentPassword } from './schemas';
import { takesOptionalUser } from './scope';
import { serverSetLines } from './server-set';
import { type HookName, hookCall, NO_USER_CODE, type UserCodeInfo } from './user-code';
import { valueListLoads, valueListWrites } from './value-lists';
import { isViewerOp } from './viewer';
import { lookupCondition, ME_ROUTER, onMeRouter, viewerCondition, viewerListOf } from './viewer-lists';

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; model: string; user: UserCodeInfo };

/** The call of a user hook the user's hooks module defines (none without it: the code is unchanged). */
function hook(ctx: Ctx, op: IrOperation, name: HookName, row: string): string[] {
  return hookCall(ctx.entity, ctx.project, ctx.user, ctx.imports, name, row, callerOf(ctx, op).name);
}

function modelOf(ctx: Ctx, id: string): string {
  const target = ctx.project.entityById.get(id) as IrEntity;
  return ctx.imports.from(`app.models.${target.module}`, target.className);
}

/** SQL condition of a filter: own column, FK column, or EXISTS through the relation. */
function filterCondition(ctx: Ctx, ref: IrRef): string {
  const column = ref.field ? ref.field.name : 'id';
  if (!ref.via) return `${ctx.model}.${column} == ${ref.param}`;
  if (!ref.field && ref.via.fkColumn) return `${ctx.model}.${ref.via.fkColumn} == ${ref.param}`;
  const target = modelOf(ctx, ref.via.targetId);
  const method = ref.via.many ? 'any' : 'has';
  return `${ctx.model}.${ref.via.attr}.${method}(${target}.${column} == ${ref.param})`;
}

/**
 * Embedded relations loaded eagerly; to-many embeds of an entity with public rows (or gated parents) load only
 * public ones. Per-viewer computed fields of the row (in `schema`) and of the embedded rows are filled in for
 * `viewer` (`viewerLoadOptions`).
 */
function loaderOptions(ctx: Ctx, viewer: string | null, schema: string): string {
  const embeds = ctx.entity.resource.embeds;
  const values = valueListLoads(ctx.entity, ctx.model, ctx.imports);
  const own = viewerLoadOptions(ctx.entity, schema, ctx.imports, viewer);
  if (embeds.length === 0 && values.length === 0 && own.length === 0) return '';
  const load = () => ctx.imports.from('sqlalchemy.orm', 'selectinload');
  const names = scopeNames(ctx, null);
  const option = (e: IrEmbed) => {
    const target = ctx.project.entityById.get(e.targetId) as IrEntity;
    // A to-one embed needs nothing: rows pointing at a hidden row are hidden themselves (rowScope).
    const own = publicRowCondition(target, names);
    const onlyPublic = e.many ? [...(own ? [own] : []), ...parentConditions(target, names)] : [];
    const nested = viewerLoadOptions(target, embeddedSchema(target), ctx.imports, viewer);
    return `${load()}(${ctx.model}.${e.attr}${onlyPublic.length > 0 ? `.and_(${onlyPublic.join(', ')})` : ''})${nested.length > 0 ? `.options(${nested.join(', ')})` : ''}`;
  };
  return `.options(${[...embeds.map(option), ...values, ...own].join(', ')})`;
}

/** Whether loading a row (or the rows it embeds) fills in per-viewer computed fields. */
function loadsPerViewer(ctx: Ctx, schema: string): boolean {
  return (
    needsViewer(ctx.entity, schema) ||
    ctx.entity.resource.embeds.some((e) => {
      const target = ctx.project.entityById.get(e.targetId) as IrEntity;
      return needsViewer(target, embeddedSchema(target));
    })
  );
}

/** `_fetch(session, *where)`, with the caller when the row's per-viewer computed fields need one. */
function fetchCall(ctx: Ctx, op: IrOperation, where: string[]): string {
  const viewer = loadsPerViewer(ctx, ctx.entity.schemas.read)
    ? [`viewer=${callerOf(ctx, op).name ?? 'None'}`]
    : [];
  return `await _fetch(session, ${[...where, ...viewer].join(', ')})`;
}

// The spread last: see lib/generator/patched.ts (Ctx has no `names`).
const nestCtx = (ctx: Ctx): NestCtx => ({ names: (user) => scopeNames(ctx, user), ...ctx });

/** The condition tying a child row to the parent the path names (null unless nested). */
function parentCondition(ctx: Ctx, op: IrOperation): string[] {
  const where = parentWhere(nestCtx(ctx), op, ctx.model, callerOf(ctx, op).name);
  return where ? [where] : [];
}

function scopeNames(ctx: Ctx, user: string | null): ScopeNames {
  return {
    project: ctx.project,
    model: (id) => (id === ctx.entity.id ? ctx.model : modelOf(ctx, id)),
    user,
    or: () => ctx.imports.from('sqlalchemy', 'or_'),
    false: () => ctx.imports.from('sqlalchemy', 'false'),
  };
}

/** The caller parameter of an operation: the signed-in user, the optional caller of a public read, or none. */
function callerOf(ctx: Ctx, op: IrOperation): { name: string | null; optional: boolean } {
  if (op.access && op.access.kind !== 'public') return { name: 'current_user', optional: false };
  return takesOptionalUser(op, ctx.project)
    ? { name: 'current_user', optional: true }
    : { name: null, optional: false };
}

function fetchHelper(ctx: Ctx): string {
  const select = ctx.imports.from('sqlalchemy', 'select');
  const session = ctx.imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const columnElement = ctx.imports.from('sqlalchemy', 'ColumnElement');
  const auth = ctx.project.auth;
  const perViewer = auth !== null && loadsPerViewer(ctx, ctx.entity.schemas.read);
  const user = perViewer ? (ctx.project.entityById.get(auth.userId) as IrEntity) : null;
  const viewer = user
    ? `, viewer: ${ctx.imports.from(`app.models.${user.module}`, user.className)} | None`
    : '';
  const options = loaderOptions(ctx, user ? 'viewer' : null, ctx.entity.schemas.read);
  return [
    `async def _fetch(session: ${session}, *where: ${columnElement}[bool]${viewer}) -> ${ctx.model}:`,
    user
      ? `    ${pyDocstring(`One ${ctx.entity.className} (embeds and the viewer's computed fields loaded), or 404.`, '    ')}`
      : `    """One ${ctx.entity.className} (relations to embed loaded eagerly), or 404."""`,
    '    statement = (',
    `        ${select}(${ctx.model})`,
    '        .where(*where)',
    ...(options ? [`        ${options}`] : []),
    '        .execution_options(populate_existing=True)',
    '    )',
    '    row = (await session.execute(statement)).scalar_one_or_none()',
    '    if row is None:',
    `        raise ${ctx.imports.from('fastapi', 'HTTPException')}(status_code=404, detail=${pyStr(`${ctx.entity.className} not found`)})`,
    '    return row',
  ].join('\n');
}

/**
 * Which rows of its entity an operation sees: the caller's own (owner rules, through the owner path), or,
 * with public rows, the public ones plus the caller's own. Others' rows are then a 404. `setup` binds
 * `visible` for a public read whose caller is optional.
 */
function rowScope(ctx: Ctx, op: IrOperation): { setup: string[]; where: string[] } {
  const caller = callerOf(ctx, op);
  if (op.access?.kind === 'owner') {
    const owned = ownerCondition(ctx.entity, scopeNames(ctx, caller.name));
    return { setup: [], where: owned ? [owned] : [] };
  }
  const reads = op.kind === 'list' || op.kind === 'get' || op.kind === 'viewer_list';
  const conditions = (names: ScopeNames): string[] => {
    const isPublic = publicRowCondition(ctx.entity, names);
    const owned = ownerCondition(ctx.entity, names);
    const own = isPublic ? [owned ? `${names.or()}(${isPublic}, ${owned})` : isPublic] : [];
    // Reads see the children of readable parents only (no comments of someone else's draft).
    return [...own, ...(reads ? parentConditions(ctx.entity, names) : [])];
  };
  if (!caller.optional) return { setup: [], where: conditions(scopeNames(ctx, caller.name)) };
  const anyone = conditions(scopeNames(ctx, null));
  const mine = conditions(scopeNames(ctx, caller.name));
  if (anyone.length === 0) return { setup: [], where: [] };
  const and = (all: string[]) =>
    all.length === 1 ? all[0] : `${ctx.imports.from('sqlalchemy', 'and_')}(${all.join(', ')})`;
  const visible = 'visible';
  return {
    setup: [
      `${visible}: ${ctx.imports.from('sqlalchemy', 'ColumnElement')}[bool] = ${and(anyone)}`,
      `if current_user is not None:`,
      `    ${visible} = ${and(mine)}`,
    ],
    where: [visible],
  };
}

function lookupWhere(ctx: Ctx): string {
  const model = (id: string) => (id === ctx.entity.id ? ctx.model : modelOf(ctx, id));
  return lookupCondition(ctx.entity, ctx.model, model, ctx.entity.resource.lookup.param);
}

/**
 * The sort expression of a ref: its column, or for an enum the member's position in the declaration, so
 * SQLite (VARCHAR) and PostgreSQL (native enum, declaration order) sort alike.
 */
function sortColumn(ctx: Ctx, ref: IrRef): { setup: string[]; column: string } {
  const name = ref.field ? ref.field.name : 'id';
  const v = localsOf('list');
  let setup: string[] = [];
  let column: string;
  if (ref.computed) column = `${ctx.model}.${ref.computed.name}`;
  else if (!ref.via) column = `${ctx.model}.${name}`;
  else if (!ref.field && ref.via.fkColumn) column = `${ctx.model}.${ref.via.fkColumn}`;
  else {
    const target = modelOf(ctx, ref.via.targetId);
    const aliased = ctx.imports.from('sqlalchemy.orm', 'aliased');
    setup = [
      `${v.related} = ${aliased}(${target})`,
      `${v.statement} = ${v.statement}.outerjoin(${v.related}, ${ctx.model}.${ref.via.attr})`,
    ];
    column = `${v.related}.${name}`;
  }
  const enumDef = ref.field?.enum;
  if (enumDef) {
    const cls = ctx.imports.from('app.enums', enumDef.className);
    const whens = enumDef.members.map((m, i) => `${cls}.${m.name}: ${i}`).join(', ');
    column = `${ctx.imports.from('sqlalchemy', 'case')}({${whens}}, value=${column})`;
  } else if (ref.field && isText(ref.field)) {
    // Bytewise on both: PostgreSQL would otherwise sort by the database's locale, SQLite by bytes.
    column = `${ctx.imports.from('app.core.db', 'Bytewise')}(${column})`;
  }
  return { setup, column };
}

const TEXT_TYPES = new Set(['string', 'text', 'email', 'url']);
const isText = (field: IrField): boolean => TEXT_TYPES.has(field.type);

/** Whether a sort column can be NULL: a nullable field, or one reached through a nullable relation. */
function sortNullable(ctx: Ctx, ref: IrRef): boolean {
  if (ref.computed) return ref.computed.nullable;
  if (ref.field?.nullable) return true;
  if (!ref.via) return false;
  const fk = ctx.entity.fks.find((f) => f.column === ref.via?.fkColumn);
  return fk ? fk.nullable : true;
}

/**
 * A list page: the resource's list, or a viewer list (`list` its settings, `reach` its path to the caller,
 * `view` its items) built the same way: one statement for the page, one for the count.
 */
function listHandler(
  ctx: Ctx,
  op: IrOperation,
  list: IrList = ctx.entity.resource.list as IrList,
  reach: string[] = [],
  view: IrView = ctx.entity.resource.views.list,
): string {
  const { entity, imports } = ctx;
  const v = localsOf('list');
  const select = imports.from('sqlalchemy', 'select');
  const scope = rowScope(ctx, op);
  const body = [...scope.setup, `${v.statement} = ${select}(${ctx.model})`];
  // A path that is the owner relation itself needs the owner condition once.
  const scoped = scope.where.filter((w) => !reach.includes(w));
  for (const where of [...parentCondition(ctx, op), ...reach, ...scoped])
    body.push(`${v.statement} = ${v.statement}.where(${where})`);
  for (const f of list.filters) {
    body.push(
      `if ${f.param} is not None:`,
      `    ${v.statement} = ${v.statement}.where(${filterCondition(ctx, f)})`,
    );
  }
  const shape = entity.resource.shape;
  const counted = shape.list.kind === 'object' && shape.list.countKey !== null;
  if (counted) {
    body.push(
      `${v.count_statement} = ${select}(${imports.from('sqlalchemy', 'func')}.count()).select_from(${v.statement}.subquery())`,
      `${v.total} = (await session.execute(${v.count_statement})).scalar_one()`,
    );
  }
  const defaultOrder = list.defaultOrder;
  const defaultKey = defaultOrder
    ? `${defaultOrder.direction === 'desc' ? '-' : ''}${defaultOrder.ref.query}`
    : null;
  // Every sort ends with the primary key so pages never overlap.
  const refs = new Map<string, IrRef>();
  for (const s of list.sorts) refs.set(s.query, s);
  if (defaultOrder && !refs.has(defaultOrder.ref.query)) refs.set(defaultOrder.ref.query, defaultOrder.ref);
  if (refs.size === 0) {
    body.push(`${v.statement} = ${v.statement}.order_by(${ctx.model}.id)`);
  } else {
    const sortExpr =
      list.sorts.length > 0 ? `sort or ${pyStr(defaultKey ?? 'id')}` : pyStr(defaultKey ?? 'id');
    const any = imports.from('typing', 'Any');
    const columns = [...refs].map(([key, ref]) => ({ key, ref, ...sortColumn(ctx, ref) }));
    const attr = `${imports.from('sqlalchemy.orm', 'InstrumentedAttribute')}[${any}]`;
    const columnType = columns.some((c) => c.ref.field && (c.ref.field.enum || isText(c.ref.field)))
      ? `${attr} | ${imports.from('sqlalchemy', 'ColumnElement')}[${any}]`
      : attr;
    body.push(
      `${v.order} = ${sortExpr}`,
      `${v.key} = ${v.order}.removeprefix("-")`,
      `${v.column}: ${columnType}`,
    );
    columns.forEach(({ key, setup, column }, i) => {
      body.push(
        `${i === 0 ? 'if' : 'elif'} ${v.key} == ${pyStr(key)}:`,
        ...setup.map((l) => `    ${l}`),
        `    ${v.column} = ${column}`,
      );
    });
    body.push('else:', `    ${v.column} = ${ctx.model}.id`);
    body.push(`${v.direction} = ${v.column}.desc() if ${v.order}.startswith("-") else ${v.column}.asc()`);
    const nullable = columns.filter((c) => sortNullable(ctx, c.ref)).map((c) => pyStr(c.key));
    if (nullable.length > 0) {
      // SQLite puts NULLs first ascending, PostgreSQL last: one rule for both.
      const test = nullable.length === 1 ? `== ${nullable[0]}` : `in (${nullable.join(', ')})`;
      body.push(
        '# Empty values last in both directions, on SQLite and PostgreSQL alike.',
        `if ${v.key} ${test}:`,
        `    ${v.direction} = ${v.direction}.nulls_last()`,
      );
    }
    body.push(`${v.statement} = ${v.statement}.order_by(${v.direction}, ${ctx.model}.id)`);
  }
  const itemSchemaName = itemResponse(entity, entity.resource.views.list).name;
  const options = loaderOptions(ctx, callerOf(ctx, op).name, itemSchemaName);
  // The caller's own row may be in the session already: per-viewer values are filled in anew.
  const fresh = loadsPerViewer(ctx, itemSchemaName) ? '.execution_options(populate_existing=True)' : '';
  const page =
    shape.paging.style === 'offset'
      ? '.limit(limit).offset(offset)'
      : shape.paging.style === 'page'
        ? '.limit(size).offset((page - 1) * size)'
        : '';
  body.push(
    `${v.statement} = ${v.statement}${page}${options}${fresh}`,
    `${v.rows} = (await session.execute(${v.statement})).scalars().all()`,
  );
  const itemRef = itemResponse(entity, view);
  const item = imports.from(itemRef.module, itemRef.name);
  body.push(`${v.items} = [${item}.model_validate(${v.row}) for ${v.row} in ${v.rows}]`);
  if (shape.list.kind === 'array') body.push(`return ${v.items}`);
  else {
    const listSchema = returnType(op, imports);
    body.push(`return ${listSchema}(${listArgs(entity, v.items, v.total).join(', ')})`);
  }
  return handler(ctx, op, body);
}

function handler(ctx: Ctx, op: IrOperation, body: string[]): string {
  const params = handlerParams(op, ctx.project, ctx.imports);
  if (callerOf(ctx, op).optional) {
    const dependency = isViewerOp(op) ? 'ViewerUser' : 'OptionalUser';
    params.splice(1, 0, `current_user: ${ctx.imports.from('app.api.scoping', dependency)}`);
  }
  const sig = signature(op.handler, params, returnType(op, ctx.imports));
  const responses = responsesArg(op, ctx.imports, ctx.project.errorFormat);
  // The docstring is the operation's description in OpenAPI.
  const doc = op.description ? pyDocstring(op.description, '') : null;
  const lines = doc ? [doc, ...body] : body;
  // FastAPI appends listed security to the scheme's own: `{}` makes the token optional in OpenAPI.
  const extra = [
    // Viewer lists and actions carry a summary of their own (CRUD routes take FastAPI's default).
    ...(op.summary ? [`summary=${pyStr(op.summary)}`] : []),
    ...(responses ? [responses] : []),
    ...(isViewerOp(op) ? ['openapi_extra={"security": [{}]}'] : []),
  ];
  const decorated = decorator(op, extra);
  const route = onMeRouter(ctx.entity, op) ? decorated.replace(/^@router\./, `@${ME_ROUTER}.`) : decorated;
  return `${route}\n${sig}\n${indent(lines.join('\n'))}`;
}

/** A viewer list: the list's query, limited to the rows that reach the caller along the list's path. */
function viewerListHandler(ctx: Ctx, op: IrOperation): string {
  const vl = viewerListOf(ctx.entity, op);
  const model = (id: string) => (id === ctx.entity.id ? ctx.model : modelOf(ctx, id));
  const reach = viewerCondition(ctx.model, vl.hops, model, 'current_user');
  return listHandler(ctx, op, vl.list, [reach], vl.view);
}

/** The schema one row is answered with (full or public view), inside its envelope when objects are wrapped. */
function itemSchema(ctx: Ctx, op: IrOperation): string {
  const view = ctx.entity.resource.views[op.kind as 'get' | 'create' | 'update'];
  const schema = itemResponse(ctx.entity, view);
  return ctx.imports.from(schema.module, schema.name);
}

/** `return <item>.model_validate(<row>)`, wrapped in the operation's envelope when objects are wrapped. */
function answer(ctx: Ctx, op: IrOperation, row: string): string {
  return `return ${wrapExpr(ctx.entity, op, `${itemSchema(ctx, op)}.model_validate(${row})`, ctx.imports)}`;
}

function passwordLines(ctx: Ctx, fields: IrField[], data: string): string[] {
  // Hashing runs in a worker thread: argon2 on the event loop stalls every other request.
  const hash = () => ctx.imports.from('app.core.security', 'hash_password_async');
  return fields
    .filter((f) => f.isPassword)
    .flatMap((f) => [
      `if body.${f.name} is not None:`,
      `    ${data}[${pyStr(f.name)}] = await ${hash()}(body.${f.name})`,
    ]);
}

function getHandler(ctx: Ctx, op: IrOperation): string {
  const v = localsOf('get');
  const scope = rowScope(ctx, op);
  const where = [...parentCondition(ctx, op), lookupWhere(ctx), ...scope.where];
  return handler(ctx, op, [
    ...scope.setup,
    `${v.row} = ${fetchCall(ctx, op, where)}`,
    answer(ctx, op, v.row),
  ]);
}

function createHandler(ctx: Ctx, op: IrOperation): string {
  const { entity, imports } = ctx;
  const v = localsOf('create');
  const owner = entity.resource.owner;
  const links = entity.resource.links;
  const parent = parentCall(nestCtx(ctx), op, callerOf(ctx, op).name);
  const nesting = entity.resource.parent;
  const values = valueListWrites(entity, ctx.project, imports, v.row, v.data, 'create');
  return handler(ctx, op, [
    ...unwrapBody(entity, op),
    `${v.data} = body.model_dump(exclude_unset=True)`,
    // The parent comes from the path (404 before anything else), never from the body.
    ...(parent && nesting ? [`${v.data}[${pyStr(nesting.fk.column)}] = ${parent}`] : []),
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inCreate),
      v.data,
    ),
    ...(owner && op.access?.kind !== 'public' ? [`${v.data}[${pyStr(owner.column)}] = current_user.id`] : []),
    ...referenceChecks(ctx, op, 'create'),
    ...serverSetLines(ctx, { body: 'body', data: v.data, row: null }),
    ...links.map((l) => `${v.data}.pop(${pyStr(l.attr)}, None)`),
    ...values.pops,
    `${v.row} = ${ctx.model}(**${v.data})`,
    ...linkWrites(ctx, v.row, 'create'),
    ...values.writes,
    ...hook(ctx, op, 'before_create', v.row),
    `session.add(${v.row})`,
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    ...hook(ctx, op, 'after_create', v.row),
    answer(ctx, op, fetchCall(ctx, op, [`${ctx.model}.id == ${v.row}.id`])),
  ]);
}

function updateHandler(ctx: Ctx, op: IrOperation): string {
  const { entity, imports } = ctx;
  const v = localsOf('update');
  const scope = rowScope(ctx, op);
  const where = [...parentCondition(ctx, op), lookupWhere(ctx), ...scope.where];
  const links = entity.resource.links;
  const currentPassword = needsCurrentPassword(entity, ctx.project);
  // PUT replaces the whole object: fields left out take their defaults (passwords stay unless sent).
  const replace = op.method === 'put';
  const passwords = entity.fields.filter((f) => f.inUpdate && f.isPassword);
  const values = valueListWrites(entity, ctx.project, imports, v.row, v.data, 'update');
  return handler(ctx, op, [
    ...unwrapBody(entity, op),
    ...scope.setup,
    `${v.row} = ${fetchCall(ctx, op, where)}`,
    `${v.data} = body.model_dump(${replace ? '' : 'exclude_unset=True'})`,
    ...(replace
      ? passwords.map(
          (f) => `if body.${f.name} is None:
    ${v.data}.pop(${pyStr(f.name)})`,
        )
      : []),
    ...(currentPassword ? currentPasswordCheck(ctx, op, v.row, v.data) : []),
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inUpdate),
      v.data,
    ),
    ...referenceChecks(ctx, op, 'update'),
    ...serverSetLines(ctx, { body: 'body', data: v.data, row: v.row }),
    ...cycleChecks(ctx, v.row),
    ...links.map((l) => `${v.data}.pop(${pyStr(l.attr)}, None)`),
    ...values.pops,
    ...linkWrites(ctx, v.row, 'update'),
    ...values.writes,
    `for ${v.key}, ${v.value} in ${v.data}.items():`,
    `    ${v.setattr}(${v.row}, ${v.key}, ${v.value})`,
    ...hook(ctx, op, 'before_update', v.row),
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    ...hook(ctx, op, 'after_update', v.row),
    answer(ctx, op, fetchCall(ctx, op, [`${ctx.model}.id == ${v.row}.id`])),
  ]);
}

function deleteHandler(ctx: Ctx, op: IrOperation): string {
  const v = localsOf('delete');
  const scope = rowScope(ctx, op);
  const where = [...parentCondition(ctx, op), lookupWhere(ctx), ...scope.where];
  return handler(ctx, op, [
    ...scope.setup,
    `${v.row} = ${fetchCall(ctx, op, where)}`,
    ...hook(ctx, op, 'before_delete', v.row),
    `await session.delete(${v.row})`,
    `await ${ctx.imports.from('app.api.deps', 'commit_or_409')}(session)`,
    ...hook(ctx, op, 'after_delete', v.row),
  ]);
}

/**
 * Every foreign key of the body must name a row that exists and that the caller may read (a list the caller
 * owns, a published post): else a 422 naming the field, before anything is stored.
 */
function referenceChecks(ctx: Ctx, op: IrOperation, mode: 'create' | 'update'): string[] {
  const fks = ctx.entity.fks.filter((fk) => (mode === 'create' ? fk.inCreate : fk.inUpdate));
  if (fks.length === 0) return [];
  const names = scopeNames(ctx, callerOf(ctx, op).name);
  const require = ctx.imports.from('app.api.scoping', 'require_reference');
  const select = ctx.imports.from('sqlalchemy', 'select');
  return fks.flatMap((fk) => {
    const target = ctx.project.entityById.get(fk.targetId) as IrEntity;
    const model = names.model(target.id);
    const value = `body.${fk.column}`;
    const where = [`${model}.id == ${value}`, ...readableConditions(target, names)];
    const check = [
      `await ${require}(`,
      `    session, ${pyStr(wireName(ctx.entity, fk.column))}, ${value}, ${select}(${model}.id).where(${where.join(', ')})`,
      ')',
    ];
    const guarded = mode === 'update' || fk.nullable;
    return guarded ? [`if ${value} is not None:`, ...check.map((l) => `    ${l}`)] : check;
  });
}

/** A new parent must not be the row itself or one of its descendants. */
function cycleChecks(ctx: Ctx, row: string): string[] {
  const refuse = () => ctx.imports.from('app.api.scoping', 'refuse_cycle');
  return ctx.entity.resource.selfRefs.flatMap((fk) => [
    `if body.${fk.column} is not None:`,
    `    await ${refuse()}(`,
    `        session,`,
    `        ${pyStr(wireName(ctx.entity, fk.column))},`,
    `        body.${fk.column},`,
    `        ${row}.id,`,
    `        ${ctx.model}.id,`,
    `        ${ctx.model}.${fk.column},`,
    '    )',
  ]);
}

/** Many-to-many lists of ids: the rows are loaded (422 for an unknown id) and replace the collection. */
function linkWrites(ctx: Ctx, row: string, mode: 'create' | 'update'): string[] {
  const load = () => ctx.imports.from('app.api.scoping', 'load_links');
  const select = () => ctx.imports.from('sqlalchemy', 'select');
  return ctx.entity.resource.links.flatMap((link) => {
    const target = modelOf(ctx, link.targetId);
    const value = `body.${link.attr}`;
    const lines = [
      `${row}.${link.attr} = await ${load()}(`,
      `    session,`,
      `    ${pyStr(wireName(ctx.entity, link.attr))},`,
      `    ${value},`,
      `    ${select()}(${target}).where(${target}.id.in_(${value})),`,
      ')',
    ];
    return mode === 'update' ? [`if ${value} is not None:`, ...lines.map((l) => `    ${l}`)] : lines;
  });
}

/**
 * Changing one's own password takes the current one: missing is a 422 naming `current_password`, wrong a
 * 403. A role-limited update of someone else (an admin) does not.
 */
function currentPasswordCheck(ctx: Ctx, op: IrOperation, row: string, data: string): string[] {
  const auth = ctx.project.auth;
  if (!auth) return [];
  const password = auth.password.name;
  const self = op.access?.kind === 'roles' ? ` and ${row}.id == current_user.id` : '';
  const invalid = ctx.imports.from('app.api.scoping', 'invalid');
  const verify = ctx.imports.from('app.core.security', 'verify_password_async');
  const httpException = ctx.imports.from('fastapi', 'HTTPException');
  return [
    `${data}.pop("current_password", None)`,
    `if body.${password} is not None${self}:`,
    '    if body.current_password is None:',
    `        raise ${invalid}(${pyStr(wireName(ctx.entity, 'current_password'))}, "Required to change the password", None)`,
    `    if not await ${verify}(body.current_password, ${row}.${password}):`,
    `        raise ${httpException}(status_code=403, detail="The current password is wrong")`,
  ];
}

export function hasRoutes(entity: IrEntity): boolean {
  return entity.operations.length > 0 || entity.actionOperations.length > 0;
}

/** What the action handlers (`./actions`) share with the CRUD ones. */
function actionEmit(ctx: Ctx): ActionEmit {
  // The spread last (Ctx has none of these keys): see lib/generator/patched.ts.
  return {
    handler: (op, body) => handler(ctx, op, body),
    itemWhere: (op) => [...parentCondition(ctx, op), lookupWhere(ctx)],
    names: (user) => scopeNames(ctx, user),
    caller: (op) => callerOf(ctx, op),
    fetch: (op, where) => fetchCall(ctx, op, where),
    ...ctx,
  };
}

const action = (ctx: Ctx, op: IrOperation) => actionHandler(actionEmit(ctx), op);

const HANDLERS: Partial<Record<IrOperationKind, (ctx: Ctx, op: IrOperation) => string>> = {
  list: (ctx, op) => listHandler(ctx, op),
  viewer_list: viewerListHandler,
  get: getHandler,
  create: createHandler,
  update: updateHandler,
  delete: deleteHandler,
  link_add: action,
  link_remove: action,
  set_fields: action,
};

/** Whether the entity's router module also holds a router of lists under the me path. */
export function hasMeRouter(entity: IrEntity): boolean {
  return entity.operations.some((op) => onMeRouter(entity, op));
}

/** `app/api/routes/<resource>.py`: the enabled CRUD operations of one entity. */
export function emitResourceRoutes(
  entity: IrEntity,
  project: IrProject,
  user: UserCodeInfo = NO_USER_CODE,
): string {
  const ops = [...entity.operations, ...entity.actionOperations];
  const me = ops.some((op) => onMeRouter(entity, op));
  const imports = new Imports(
    routeModuleNames(ops, ['router', '_fetch', PARENT_HELPER, ...(me ? [ME_ROUTER] : [])]),
  );
  const ctx: Ctx = {
    entity,
    project,
    imports,
    model: imports.from(`app.models.${entity.module}`, entity.className),
    user,
  };
  const handlers = ops.map((op) => (HANDLERS[op.kind] as (ctx: Ctx, op: IrOperation) => string)(ctx, op));
  const fetch = ops.some((op) => op.kind !== 'list' && op.kind !== 'viewer_list') ? fetchHelper(ctx) : '';
  const parent = parentHelper(nestCtx(ctx));
  const router = `router = ${imports.from('fastapi', 'APIRouter')}(prefix=${pyStr(entity.resource.path)}, tags=[${pyStr(entity.resource.tag)}])`;
  // Lists under the me path: a second router without the resource's prefix.
  const meRouter = me
    ? [`${ME_ROUTER} = ${imports.from('fastapi', 'APIRouter')}(tags=[${pyStr(entity.resource.tag)}])`]
    : [];
  return module(imports.render(), [router, ...meRouter, fetch, ...(parent ? [parent] : []), ...handlers]);
}
