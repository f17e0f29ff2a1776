import { itemResponse } from '../ir/operations';
import { localsOf } from '../ir/scope';
import type {
  IrAccess,
  IrEntity,
  IrField,
  IrList,
  IrOperation,
  IrOperationKind,
  IrProject,
  IrRef,
} from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { decorator, handlerParams, returnType, routeModuleNames, signature } from './handler';

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; model: string };

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

function loaderOptions(ctx: Ctx): string {
  const embeds = ctx.entity.resource.embeds;
  if (embeds.length === 0) return '';
  const load = ctx.imports.from('sqlalchemy.orm', 'selectinload');
  return `.options(${embeds.map((e) => `${load}(${ctx.model}.${e.attr})`).join(', ')})`;
}

function fetchHelper(ctx: Ctx): string {
  const select = ctx.imports.from('sqlalchemy', 'select');
  const session = ctx.imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const columnElement = ctx.imports.from('sqlalchemy', 'ColumnElement');
  return [
    `async def _fetch(session: ${session}, *where: ${columnElement}[bool]) -> ${ctx.model}:`,
    `    """One ${ctx.entity.className} (relations to embed loaded eagerly), or 404."""`,
    '    statement = (',
    `        ${select}(${ctx.model})`,
    '        .where(*where)',
    ...(loaderOptions(ctx) ? [`        ${loaderOptions(ctx)}`] : []),
    '        .execution_options(populate_existing=True)',
    '    )',
    '    row = (await session.execute(statement)).scalar_one_or_none()',
    '    if row is None:',
    `        raise ${ctx.imports.from('fastapi', 'HTTPException')}(status_code=404, detail=${pyStr(`${ctx.entity.className} not found`)})`,
    '    return row',
  ].join('\n');
}

function ownerWhere(ctx: Ctx, access: IrAccess | null): string[] {
  const owner = ctx.entity.resource.owner;
  if (access?.kind !== 'owner' || !owner) return [];
  return [`${ctx.model}.${owner.column} == current_user.id`];
}

function lookupWhere(ctx: Ctx): string {
  const { lookup } = ctx.entity.resource;
  return `${ctx.model}.${lookup.field ? lookup.field.name : 'id'} == ${lookup.param}`;
}

function sortColumn(ctx: Ctx, ref: IrRef): { setup: string[]; column: string } {
  const column = ref.field ? ref.field.name : 'id';
  if (!ref.via) return { setup: [], column: `${ctx.model}.${column}` };
  if (!ref.field && ref.via.fkColumn) return { setup: [], column: `${ctx.model}.${ref.via.fkColumn}` };
  const target = modelOf(ctx, ref.via.targetId);
  const aliased = ctx.imports.from('sqlalchemy.orm', 'aliased');
  const v = localsOf('list');
  return {
    setup: [
      `${v.related} = ${aliased}(${target})`,
      `${v.statement} = ${v.statement}.outerjoin(${v.related}, ${ctx.model}.${ref.via.attr})`,
    ],
    column: `${v.related}.${column}`,
  };
}

function listHandler(ctx: Ctx, op: IrOperation): string {
  const { entity, imports } = ctx;
  const list = entity.resource.list as IrList;
  const v = localsOf('list');
  const select = imports.from('sqlalchemy', 'select');
  const func = imports.from('sqlalchemy', 'func');
  const body = [`${v.statement} = ${select}(${ctx.model})`];
  for (const where of ownerWhere(ctx, op.access))
    body.push(`${v.statement} = ${v.statement}.where(${where})`);
  for (const f of list.filters) {
    body.push(
      `if ${f.param} is not None:`,
      `    ${v.statement} = ${v.statement}.where(${filterCondition(ctx, f)})`,
    );
  }
  body.push(
    `${v.count_statement} = ${select}(${func}.count()).select_from(${v.statement}.subquery())`,
    `${v.total} = (await session.execute(${v.count_statement})).scalar_one()`,
  );
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
    const attr = imports.from('sqlalchemy.orm', 'InstrumentedAttribute');
    body.push(
      `${v.order} = ${sortExpr}`,
      `${v.key} = ${v.order}.removeprefix("-")`,
      `${v.column}: ${attr}[${imports.from('typing', 'Any')}]`,
    );
    let first = true;
    for (const [key, ref] of refs) {
      const { setup, column } = sortColumn(ctx, ref);
      body.push(
        `${first ? 'if' : 'elif'} ${v.key} == ${pyStr(key)}:`,
        ...setup.map((l) => `    ${l}`),
        `    ${v.column} = ${column}`,
      );
      first = false;
    }
    body.push('else:', `    ${v.column} = ${ctx.model}.id`);
    body.push(
      `${v.direction} = ${v.column}.desc() if ${v.order}.startswith("-") else ${v.column}.asc()`,
      `${v.statement} = ${v.statement}.order_by(${v.direction}, ${ctx.model}.id)`,
    );
  }
  const options = loaderOptions(ctx);
  body.push(
    `${v.statement} = ${v.statement}.limit(limit).offset(offset)${options}`,
    `${v.rows} = (await session.execute(${v.statement})).scalars().all()`,
  );
  const listSchema = returnType(op, imports);
  const item = itemSchema(ctx);
  body.push(
    `${v.items} = [${item}.model_validate(${v.row}) for ${v.row} in ${v.rows}]`,
    `return ${listSchema}(items=${v.items}, total=${v.total}, limit=limit, offset=offset)`,
  );
  return handler(ctx, op, body);
}

function handler(ctx: Ctx, op: IrOperation, body: string[]): string {
  const params = handlerParams(op, ctx.project, ctx.imports);
  const sig = signature(op.handler, params, returnType(op, ctx.imports));
  return `${decorator(op)}\n${sig}\n${indent(body.join('\n'))}`;
}

function itemSchema(ctx: Ctx): string {
  const schema = itemResponse(ctx.entity);
  return ctx.imports.from(schema.module, schema.name);
}

function passwordLines(ctx: Ctx, fields: IrField[], data: string): string[] {
  const hash = () => ctx.imports.from('app.core.security', 'hash_password');
  return fields
    .filter((f) => f.isPassword)
    .flatMap((f) => [
      `if body.${f.name} is not None:`,
      `    ${data}[${pyStr(f.name)}] = ${hash()}(body.${f.name})`,
    ]);
}

function getHandler(ctx: Ctx, op: IrOperation): string {
  const v = localsOf('get');
  const where = [lookupWhere(ctx), ...ownerWhere(ctx, op.access)];
  const item = itemSchema(ctx);
  return handler(ctx, op, [
    `${v.row} = await _fetch(session, ${where.join(', ')})`,
    `return ${item}.model_validate(${v.row})`,
  ]);
}

function createHandler(ctx: Ctx, op: IrOperation): string {
  const { entity, imports } = ctx;
  const v = localsOf('create');
  const owner = entity.resource.owner;
  const item = itemSchema(ctx);
  return handler(ctx, op, [
    `${v.data} = body.model_dump(exclude_unset=True)`,
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inCreate),
      v.data,
    ),
    ...(owner && op.access?.kind !== 'public' ? [`${v.data}[${pyStr(owner.column)}] = current_user.id`] : []),
    `${v.row} = ${ctx.model}(**${v.data})`,
    `session.add(${v.row})`,
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    `return ${item}.model_validate(await _fetch(session, ${ctx.model}.id == ${v.row}.id))`,
  ]);
}

function updateHandler(ctx: Ctx, op: IrOperation): string {
  const { entity, imports } = ctx;
  const v = localsOf('update');
  const where = [lookupWhere(ctx), ...ownerWhere(ctx, op.access)];
  const item = itemSchema(ctx);
  return handler(ctx, op, [
    `${v.row} = await _fetch(session, ${where.join(', ')})`,
    `${v.data} = body.model_dump(exclude_unset=True)`,
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inUpdate),
      v.data,
    ),
    `for ${v.key}, ${v.value} in ${v.data}.items():`,
    `    ${v.setattr}(${v.row}, ${v.key}, ${v.value})`,
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    `return ${item}.model_validate(await _fetch(session, ${ctx.model}.id == ${v.row}.id))`,
  ]);
}

function deleteHandler(ctx: Ctx, op: IrOperation): string {
  const v = localsOf('delete');
  const where = [lookupWhere(ctx), ...ownerWhere(ctx, op.access)];
  return handler(ctx, op, [
    `${v.row} = await _fetch(session, ${where.join(', ')})`,
    `await session.delete(${v.row})`,
    `await ${ctx.imports.from('app.api.deps', 'commit_or_409')}(session)`,
  ]);
}

export function hasRoutes(entity: IrEntity): boolean {
  return entity.operations.length > 0;
}

const HANDLERS: Partial<Record<IrOperationKind, (ctx: Ctx, op: IrOperation) => string>> = {
  list: listHandler,
  get: getHandler,
  create: createHandler,
  update: updateHandler,
  delete: deleteHandler,
};

/** `app/api/routes/<resource>.py`: the enabled CRUD operations of one entity. */
export function emitResourceRoutes(entity: IrEntity, project: IrProject): string {
  const ops = entity.operations;
  const imports = new Imports(routeModuleNames(ops, ['router', '_fetch']));
  const ctx: Ctx = {
    entity,
    project,
    imports,
    model: imports.from(`app.models.${entity.module}`, entity.className),
  };
  const handlers = ops.map((op) => (HANDLERS[op.kind] as (ctx: Ctx, op: IrOperation) => string)(ctx, op));
  const fetch = ops.some((op) => op.kind !== 'list') ? fetchHelper(ctx) : '';
  const router = `router = ${imports.from('fastapi', 'APIRouter')}(prefix=${pyStr(entity.resource.path)}, tags=[${pyStr(entity.resource.tag)}])`;
  return module(imports.render(), [router, fetch, ...handlers]);
}
