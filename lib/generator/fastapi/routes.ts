import type { IrAccess, IrEntity, IrField, IrProject, IrRef } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyNumber, pyStr } from '../python/literal';
import { userParam } from './access';
import { entityPkType } from './columns';
import { responseSchema } from './schemas';
import { pyValueType } from './types';

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; model: string };

function modelOf(ctx: Ctx, id: string): string {
  const target = ctx.project.entityById.get(id) as IrEntity;
  return ctx.imports.from(`app.models.${target.module}`, target.className);
}

function userClass(ctx: Ctx): () => string {
  return () => modelOf(ctx, ctx.project.auth?.userId as string);
}

function refType(ctx: Ctx, ref: IrRef): string {
  if (ref.field) return pyValueType(ref.field, ctx.imports, 'model');
  const target = ctx.project.entityById.get(ref.via?.targetId ?? ctx.entity.id) as IrEntity;
  return entityPkType(target, ctx.imports);
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

function signature(name: string, params: string[], returns: string): string {
  return `async def ${name}(\n${indent(params.map((p) => `${p},`).join('\n'))}\n) -> ${returns}:`;
}

function ownerWhere(ctx: Ctx, access: IrAccess | null): string[] {
  const owner = ctx.entity.resource.owner;
  if (access?.kind !== 'owner' || !owner) return [];
  return [`${ctx.model}.${owner.column} == current_user.id`];
}

function lookupParam(ctx: Ctx): { param: string; where: string } {
  const { lookup } = ctx.entity.resource;
  const type = lookup.field
    ? pyValueType(lookup.field, ctx.imports, 'model')
    : entityPkType(ctx.entity, ctx.imports);
  const column = lookup.field ? lookup.field.name : 'id';
  return { param: `${lookup.param}: ${type}`, where: `${ctx.model}.${column} == ${lookup.param}` };
}

function sessionAndUser(ctx: Ctx, access: IrAccess): string[] {
  const params = [`session: ${ctx.imports.from('app.api.deps', 'SessionDep')}`];
  const user = userParam(access, ctx.imports, userClass(ctx));
  if (user) params.push(user);
  return params;
}

function sortColumn(ctx: Ctx, ref: IrRef): { setup: string[]; column: string } {
  const column = ref.field ? ref.field.name : 'id';
  if (!ref.via) return { setup: [], column: `${ctx.model}.${column}` };
  if (!ref.field && ref.via.fkColumn) return { setup: [], column: `${ctx.model}.${ref.via.fkColumn}` };
  const target = modelOf(ctx, ref.via.targetId);
  const aliased = ctx.imports.from('sqlalchemy.orm', 'aliased');
  return {
    setup: [
      `related = ${aliased}(${target})`,
      `statement = statement.outerjoin(related, ${ctx.model}.${ref.via.attr})`,
    ],
    column: `related.${column}`,
  };
}

function listHandler(ctx: Ctx): string {
  const { entity, imports } = ctx;
  const list = entity.resource.list;
  if (!list) return '';
  const annotated = imports.from('typing', 'Annotated');
  const query = imports.from('fastapi', 'Query');
  const params = sessionAndUser(ctx, list.access);
  params.push(
    `limit: ${annotated}[int, ${query}(ge=1, le=${pyNumber(list.maxPageSize)})] = ${pyNumber(list.defaultPageSize)}`,
    `offset: ${annotated}[int, ${query}(ge=0)] = 0`,
  );
  if (list.sorts.length > 0) {
    const keys = list.sorts.flatMap((s) => [pyStr(s.query), pyStr(`-${s.query}`)]);
    params.push(
      `sort: ${annotated}[${imports.from('typing', 'Literal')}[${keys.join(', ')}] | None, ${query}()] = None`,
    );
  }
  for (const f of list.filters) {
    const alias = f.param !== f.query ? `alias=${pyStr(f.query)}` : '';
    params.push(`${f.param}: ${annotated}[${refType(ctx, f)} | None, ${query}(${alias})] = None`);
  }
  const select = imports.from('sqlalchemy', 'select');
  const func = imports.from('sqlalchemy', 'func');
  const body = [`statement = ${select}(${ctx.model})`];
  for (const where of ownerWhere(ctx, list.access)) body.push(`statement = statement.where(${where})`);
  for (const f of list.filters) {
    body.push(`if ${f.param} is not None:`, `    statement = statement.where(${filterCondition(ctx, f)})`);
  }
  body.push(
    `count_statement = ${select}(${func}.count()).select_from(statement.subquery())`,
    'total = (await session.execute(count_statement)).scalar_one()',
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
    body.push(`statement = statement.order_by(${ctx.model}.id)`);
  } else {
    const sortExpr =
      list.sorts.length > 0 ? `sort or ${pyStr(defaultKey ?? 'id')}` : pyStr(defaultKey ?? 'id');
    const attr = imports.from('sqlalchemy.orm', 'InstrumentedAttribute');
    body.push(
      `order = ${sortExpr}`,
      'key = order.removeprefix("-")',
      `column: ${attr}[${imports.from('typing', 'Any')}]`,
    );
    let first = true;
    for (const [key, ref] of refs) {
      const { setup, column } = sortColumn(ctx, ref);
      body.push(
        `${first ? 'if' : 'elif'} key == ${pyStr(key)}:`,
        ...setup.map((l) => `    ${l}`),
        `    column = ${column}`,
      );
      first = false;
    }
    body.push('else:', `    column = ${ctx.model}.id`);
    body.push(
      'direction = column.desc() if order.startswith("-") else column.asc()',
      `statement = statement.order_by(direction, ${ctx.model}.id)`,
    );
  }
  const options = loaderOptions(ctx);
  body.push(
    `statement = statement.limit(limit).offset(offset)${options}`,
    'rows = (await session.execute(statement)).scalars().all()',
  );
  const listSchema = imports.from('app.schemas.responses', entity.schemas.list);
  const item = itemSchema(ctx);
  body.push(
    `items = [${item}.model_validate(row) for row in rows]`,
    `return ${listSchema}(items=items, total=total, limit=limit, offset=offset)`,
  );
  return `@router.get("")\n${signature(`list_${entity.pluralVar}`, params, listSchema)}\n${indent(body.join('\n'))}`;
}

function itemSchema(ctx: Ctx): string {
  const { entity, imports } = ctx;
  return entity.schemas.detail
    ? imports.from('app.schemas.responses', entity.schemas.detail)
    : imports.from(`app.schemas.${entity.module}`, responseSchema(entity));
}

function passwordLines(ctx: Ctx, fields: IrField[]): string[] {
  const hash = () => ctx.imports.from('app.core.security', 'hash_password');
  return fields
    .filter((f) => f.isPassword)
    .flatMap((f) => [
      `if body.${f.name} is not None:`,
      `    data[${pyStr(f.name)}] = ${hash()}(body.${f.name})`,
    ]);
}

function getHandler(ctx: Ctx): string {
  const access = ctx.entity.resource.get;
  if (!access) return '';
  const lookup = lookupParam(ctx);
  const params = [...sessionAndUser(ctx, access), lookup.param];
  const where = [lookup.where, ...ownerWhere(ctx, access)];
  const item = itemSchema(ctx);
  const path = pyStr(`/{${ctx.entity.resource.lookup.param}}`);
  return `@router.get(${path})\n${signature(`get_${ctx.entity.varName}`, params, item)}\n${indent(
    [`row = await _fetch(session, ${where.join(', ')})`, `return ${item}.model_validate(row)`].join('\n'),
  )}`;
}

function createHandler(ctx: Ctx): string {
  const { entity, imports } = ctx;
  const access = entity.resource.create;
  if (!access) return '';
  const schema = imports.from(`app.schemas.${entity.module}`, entity.schemas.create);
  const params = [...sessionAndUser(ctx, access), `body: ${schema}`];
  const owner = entity.resource.owner;
  const item = itemSchema(ctx);
  const body = [
    'data = body.model_dump(exclude_unset=True)',
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inCreate),
    ),
    ...(owner && access.kind !== 'public' ? [`data[${pyStr(owner.column)}] = current_user.id`] : []),
    `row = ${ctx.model}(**data)`,
    'session.add(row)',
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    `return ${item}.model_validate(await _fetch(session, ${ctx.model}.id == row.id))`,
  ];
  return `@router.post("", status_code=201)\n${signature(`create_${entity.varName}`, params, item)}\n${indent(body.join('\n'))}`;
}

function updateHandler(ctx: Ctx): string {
  const { entity, imports } = ctx;
  const access = entity.resource.update;
  if (!access) return '';
  const schema = imports.from(`app.schemas.${entity.module}`, entity.schemas.update);
  const lookup = lookupParam(ctx);
  const params = [...sessionAndUser(ctx, access), lookup.param, `body: ${schema}`];
  const where = [lookup.where, ...ownerWhere(ctx, access)];
  const item = itemSchema(ctx);
  const body = [
    `row = await _fetch(session, ${where.join(', ')})`,
    'data = body.model_dump(exclude_unset=True)',
    ...passwordLines(
      ctx,
      entity.fields.filter((f) => f.inUpdate),
    ),
    'for key, value in data.items():',
    '    setattr(row, key, value)',
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
    `return ${item}.model_validate(await _fetch(session, ${ctx.model}.id == row.id))`,
  ];
  const path = pyStr(`/{${entity.resource.lookup.param}}`);
  return `@router.patch(${path})\n${signature(`update_${entity.varName}`, params, item)}\n${indent(body.join('\n'))}`;
}

function deleteHandler(ctx: Ctx): string {
  const { entity, imports } = ctx;
  const access = entity.resource.delete;
  if (!access) return '';
  const lookup = lookupParam(ctx);
  const params = [...sessionAndUser(ctx, access), lookup.param];
  const where = [lookup.where, ...ownerWhere(ctx, access)];
  const body = [
    `row = await _fetch(session, ${where.join(', ')})`,
    'await session.delete(row)',
    `await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
  ];
  const path = pyStr(`/{${entity.resource.lookup.param}}`);
  return `@router.delete(${path}, status_code=204)\n${signature(`delete_${entity.varName}`, params, 'None')}\n${indent(body.join('\n'))}`;
}

export function hasRoutes(entity: IrEntity): boolean {
  const r = entity.resource;
  return r.list !== null || r.get !== null || r.create !== null || r.update !== null || r.delete !== null;
}

/** `app/api/routes/<resource>.py`: the enabled CRUD operations of one entity. */
export function emitResourceRoutes(entity: IrEntity, project: IrProject): string {
  const handlerNames = [
    `list_${entity.pluralVar}`,
    `get_${entity.varName}`,
    `create_${entity.varName}`,
    `update_${entity.varName}`,
    `delete_${entity.varName}`,
  ];
  const imports = new Imports(['router', '_fetch', ...handlerNames]);
  const ctx: Ctx = {
    entity,
    project,
    imports,
    model: imports.from(`app.models.${entity.module}`, entity.className),
  };
  const handlers = [
    listHandler(ctx),
    getHandler(ctx),
    createHandler(ctx),
    updateHandler(ctx),
    deleteHandler(ctx),
  ];
  const fetch =
    entity.resource.get || entity.resource.create || entity.resource.update || entity.resource.delete
      ? fetchHelper(ctx)
      : '';
  const router = `router = ${imports.from('fastapi', 'APIRouter')}(prefix=${pyStr(entity.resource.path)}, tags=[${pyStr(entity.resource.tag)}])`;
  return module(imports.render(), [router, fetch, ...handlers]);
}
