import { pascalCase, uniqueName } from '@/lib/design/names';
import type { Paging } from '@/lib/design/schema';
import { patched } from '../patched';
import { needsUser } from './access';
import { withArticle } from './article';
import { authSchemaNames } from './auth-api';
import { type HandlerKind, Scope } from './scope';
import {
  entityBody,
  listResponse,
  objectResponse,
  pagingLocals,
  pagingParams,
  updateVariants,
  WRAPPED_BODY,
} from './shape';
import type {
  IrAccess,
  IrCustomEndpoint,
  IrEntity,
  IrField,
  IrList,
  IrOperation,
  IrParam,
  IrProject,
  IrSchemaRef,
  IrView,
  IrViewerList,
} from './types';

/** The handler scopes of one operation kind, with the parameters every such handler has. */
export function handlerScope(kind: HandlerKind, access: IrAccess | null, body: boolean): Scope {
  const scope = new Scope(kind);
  // Custom routes pass the session to the user's handler: a path segment called so makes way.
  scope.fixed('session');
  // Resource handlers keep `current_user` free even when public: a public read may take the optional caller,
  // and so does a custom route whose rule knows its viewer.
  if (needsUser(access) || kind !== 'custom' || (access?.kind === 'public' && access.viewer))
    scope.fixed('current_user');
  // A wrapped body arrives as `wrapped`, its inner object is bound to `body`.
  if (body) {
    scope.fixed('body');
    if (kind !== 'custom') scope.fixed(WRAPPED_BODY);
  }
  return scope;
}

/**
 * The Python name of an entity's lookup parameter (also its path segment): the field's name, or
 * `<entity>_<field>` when a get/update/delete handler binds that name itself.
 */
export function planLookupParam(entity: IrEntity, field: IrField | null): string {
  if (!field) return `${entity.varName}_id`;
  const scopes = [
    handlerScope('get', { kind: 'authenticated' }, false),
    handlerScope('update', { kind: 'authenticated' }, true),
    handlerScope('delete', { kind: 'authenticated' }, false),
  ];
  return scopes.some((s) => s.has(field.name)) ? `${entity.varName}_${field.name}` : field.name;
}

/** The list handler's scope with its fixed parameters; filters are planned against it (`status_filter`). */
export function listScope(access: IrAccess, paging: Paging): Scope {
  const scope = handlerScope('list', access, false);
  for (const name of [...pagingLocals(paging), 'sort']) scope.fixed(name);
  return scope;
}

const sortedErrors = (errors: Iterable<number>) => [...new Set(errors)].sort((a, b) => a - b);

/** 401 without a user, 403 for a role rule, plus what the handler itself answers. */
export function errorsOf(access: IrAccess | null, own: number[], validated: boolean): number[] {
  const errors = [...own];
  // A viewer's invalid token is a 401 too.
  if (needsUser(access) || (access?.kind === 'public' && access.viewer)) errors.push(401);
  if (access?.kind === 'roles' || access?.kind === 'parent-owner') errors.push(403);
  if (validated) errors.push(422);
  return sortedErrors(errors);
}

/**
 * The schema a handler returns for one row of `entity` (Detail with embeds, else Read), or its public view
 * (owner-only fields left out) for reads open to more than the owner.
 */
export function itemResponse(entity: IrEntity, view: IrView = 'full'): IrSchemaRef {
  const s = entity.schemas;
  if (typeof view === 'object') return { name: view.schema, module: `app.schemas.${entity.module}` };
  if (view === 'public' && s.public) {
    return s.publicDetail
      ? { name: s.publicDetail, module: 'app.schemas.responses' }
      : { name: s.public, module: `app.schemas.${entity.module}` };
  }
  return s.detail
    ? { name: s.detail, module: 'app.schemas.responses' }
    : { name: s.read, module: `app.schemas.${entity.module}` };
}

function locals(kind: HandlerKind): string[] {
  return new Scope(kind).registered();
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The docstring of a CRUD handler: what it does, who may, and when it answers 404. */
function resourceDescription(entity: IrEntity, op: IrOperation, access: IrAccess): string {
  const kind = op.kind;
  const r = entity.resource;
  const name = entity.className;
  const by = r.lookup.field ? r.lookup.field.name : 'id';
  const own = access.kind === 'owner' && r.owner !== null;
  const mine = own ? ' of the caller' : '';
  switch (kind) {
    case 'list': {
      const paging = r.shape.paging;
      const rows = `the ${name} rows${own ? ' the caller owns' : ''}`;
      const lead =
        paging.style === 'none'
          ? `Every one of ${rows}.`
          : `A page (${op.params
              .filter((p) => p.in === 'query' && p.source.kind !== 'filter' && p.source.kind !== 'sort')
              .map((p) => p.wire)
              .join(', ')}) of ${rows}.`;
      const parts = [lead];
      const filters = r.list?.filters.map((f) => f.query) ?? [];
      if (filters.length > 0) parts.push(`Filters: ${list(filters)}.`);
      const sorts = r.list?.sorts.map((f) => f.query) ?? [];
      if (sorts.length > 0) parts.push(`Sort by ${list(sorts)} (\`-\` for descending).`);
      return parts.join(' ');
    }
    case 'get':
      return `One ${name}${mine} by ${by}; 404 when there is none.`;
    case 'create':
      return `Creates ${withArticle(name)}${own || (r.owner && access.kind !== 'public') ? ' owned by the caller' : ''}.`;
    case 'update':
      if (op.method === 'put')
        return `Replaces ${withArticle(name)}${mine} by ${by} with the whole object sent; 404 when there is none.`;
      return `Changes the fields sent of ${withArticle(name)}${mine} by ${by}; 404 when there is none.`;
    default:
      return `Deletes ${withArticle(name)}${mine} by ${by}; 404 when there is none.`;
  }
}

/** What nesting, parent-owner rules and viewers add to a CRUD handler's docstring. */
function shapeNotes(access: IrAccess, parent: IrEntity | null): string[] {
  const notes: string[] = [];
  if (parent) notes.push(`Under the ${parent.className} the path names: 404 when there is none.`);
  if (access.kind === 'parent-owner' && parent)
    notes.push(`Only the owner of the ${parent.className} may (403 for anyone else).`);
  if (access.kind === 'public' && access.viewer)
    notes.push('A valid token identifies the caller; an invalid or expired one is a 401.');
  return notes;
}

/** The path parameters of an item path: the parent's lookup when nested (a missing parent is a 404), its own. */
export function itemPathParams(entity: IrEntity): { parentParams: IrParam[]; lookup: IrParam } {
  const r = entity.resource;
  const lookup: IrParam = {
    name: r.lookup.param,
    wire: r.lookup.param,
    in: 'path',
    required: true,
    source: { kind: 'lookup', entityId: entity.id, field: r.lookup.field },
  };
  const parentParams: IrParam[] = r.parent
    ? [
        {
          name: r.parent.param,
          wire: r.parent.param,
          in: 'path',
          required: true,
          source: { kind: 'lookup', entityId: r.parent.parentId, field: r.parent.field },
        },
      ]
    : [];
  return { parentParams, lookup };
}

/** The enabled CRUD operations of an entity, in the order its router declares them. */
export function resourceOperations(entity: IrEntity, parent: IrEntity | null = null): IrOperation[] {
  const r = entity.resource;
  const ops: IrOperation[] = [];
  // Spread last in each literal below: on Node 20 (V8 11.3) every property written after a spread goes through
  // the runtime (~1.5 µs each, ~25 µs for one operation), against ~0.3 µs for the whole literal this way.
  const base = { tag: r.tag, summary: null, entityId: entity.id, customId: null };
  const item = (view: IrView) => objectResponse(entity, itemResponse(entity, view));
  const { lookup, parentParams } = itemPathParams(entity);
  const itemRoute = `/{${r.lookup.param}}`;
  const parent404 = r.parent ? [404] : [];
  if (r.list) {
    const params: IrParam[] = [...parentParams, ...listParams(entity, r.list)];
    ops.push({
      kind: 'list',
      method: 'get',
      path: r.path,
      route: '',
      handler: `list_${entity.pluralVar}`,
      operationId: '',
      description: null,
      access: r.list.access,
      params,
      body: null,
      response: listResponse(entity, itemResponse(entity, r.views.list)),
      status: 200,
      // Without paging, sort or filters nothing is validated: FastAPI documents no 422 (but a parent 404).
      errors: errorsOf(r.list.access, parent404, params.length > 0),
      locals: locals('list'),
      ...base,
    });
  }
  // Fixed paths before `/{lookup}`: `/articles/feed` must not be taken for the article `feed`.
  const viewerOps = viewerListOperations(entity, base);
  const onResource = (op: IrOperation) =>
    r.viewerLists?.find((v) => v.id === op.viewerListId)?.mount === 'resource';
  ops.push(...viewerOps.filter(onResource));
  if (r.get) {
    ops.push({
      kind: 'get',
      method: 'get',
      path: `${r.path}${itemRoute}`,
      route: itemRoute,
      handler: `get_${entity.varName}`,
      operationId: '',
      description: null,
      access: r.get,
      params: [...parentParams, lookup],
      body: null,
      response: item(r.views.get),
      status: 200,
      errors: errorsOf(r.get, [404], true),
      locals: locals('get'),
      ...base,
    });
  }
  if (r.create) {
    ops.push({
      kind: 'create',
      method: 'post',
      path: r.path,
      route: '',
      handler: `create_${entity.varName}`,
      operationId: '',
      description: null,
      access: r.create,
      params: parentParams,
      body: entityBody(entity, entity.schemas.create),
      response: item(r.views.create),
      status: 201,
      errors: errorsOf(r.create, [...parent404, 409], true),
      locals: locals('create'),
      ...base,
    });
  }
  if (r.update) {
    const access = r.update;
    for (const variant of updateVariants(entity)) {
      ops.push({
        kind: 'update',
        method: variant.method,
        path: `${r.path}${itemRoute}`,
        route: itemRoute,
        handler: variant.handler,
        operationId: '',
        description: null,
        access,
        params: [...parentParams, lookup],
        body: entityBody(entity, variant.schema),
        response: item(r.views.update),
        status: 200,
        // 403: a user changing their own password without the current one.
        errors: errorsOf(access, entity.isUser ? [403, 404, 409] : [404, 409], true),
        locals: locals('update'),
        ...base,
      });
    }
  }
  if (r.delete) {
    ops.push({
      kind: 'delete',
      method: 'delete',
      path: `${r.path}${itemRoute}`,
      route: itemRoute,
      handler: `delete_${entity.varName}`,
      operationId: '',
      description: null,
      access: r.delete,
      params: [...parentParams, lookup],
      body: null,
      response: null,
      status: 204,
      errors: errorsOf(r.delete, [404, 409], true),
      locals: locals('delete'),
      ...base,
    });
  }
  for (const op of ops) {
    if (op.kind === 'viewer_list') continue;
    op.description = [
      resourceDescription(entity, op, op.access as IrAccess),
      ...shapeNotes(op.access as IrAccess, parent),
    ].join(' ');
  }
  // Lists under the me path live on their own router, included after the resource's.
  ops.push(...viewerOps.filter((op) => !onResource(op)));
  return ops;
}

/** Paging, sort and filter parameters of a list (the resource's own, or a viewer list with its settings). */
function listParams(entity: IrEntity, list: IrList): IrParam[] {
  const params: IrParam[] = [...pagingParams(entity, list)];
  if (list.sorts.length > 0) {
    const keys = list.sorts.flatMap((s) => [s.query, `-${s.query}`]);
    params.push({ name: 'sort', wire: 'sort', in: 'query', required: false, source: { kind: 'sort', keys } });
  }
  for (const ref of list.filters) {
    params.push({
      name: ref.param,
      wire: ref.query,
      in: 'query',
      required: false,
      source: { kind: 'filter', ref },
    });
  }
  return params;
}

/**
 * The viewer lists of an entity (`GET {resource path}/{name}` or `{me path}/{name}`): signed-in only, the list's
 * parameters, its page envelope (its own page class when the items are in another view than the list's).
 */
function viewerListOperations(
  entity: IrEntity,
  base: Pick<IrOperation, 'tag' | 'summary' | 'entityId' | 'customId'>,
): IrOperation[] {
  const r = entity.resource;
  // One page class per item schema: the list's `<Entity>List`, which a viewer list takes when the list is off.
  const pages = new Map<string, string>();
  if (r.list) pages.set(itemResponse(entity, r.views.list).name, entity.schemas.list);
  const pageOf = (vl: IrViewerList, item: string): string => {
    const known = pages.get(item);
    if (known) return known;
    const taken = [...pages.values()].includes(entity.schemas.list);
    const page = taken ? `${entity.className}${pascalCase(vl.name)}List` : entity.schemas.list;
    pages.set(item, page);
    return page;
  };
  return (r.viewerLists ?? []).map((vl): IrOperation => {
    const item = itemResponse(entity, vl.view);
    const response =
      r.shape.list.kind === 'array'
        ? { list: true, ...item }
        : { name: pageOf(vl, item.name), module: 'app.schemas.responses', list: false };
    const params = listParams(entity, vl.list);
    const through = vl.hops.map((h) => `\`${h.attr}\``).join(', then ');
    const paging = params
      .filter((p) => p.source.kind !== 'filter' && p.source.kind !== 'sort')
      .map((p) => p.wire);
    const filters = vl.list.filters.map((f) => f.query);
    const sorts = vl.list.sorts.map((f) => f.query);
    const description = [
      `${paging.length > 0 ? `A page (${paging.join(', ')})` : 'Every one'} of the ${entity.className} rows that reach the caller through ${through}.`,
      ...(filters.length > 0 ? [`Filters: ${list(filters)}.`] : []),
      ...(sorts.length > 0 ? [`Sort by ${list(sorts)} (\`-\` for descending).`] : []),
      'Signed-in callers only (401 without a valid token).',
    ].join(' ');
    return {
      kind: 'viewer_list',
      ...base,
      summary: vl.summary,
      method: 'get',
      path: vl.path,
      route: vl.mount === 'me' ? vl.path : vl.path.slice(r.path.length),
      handler: vl.handler,
      operationId: '',
      description,
      access: vl.list.access,
      params,
      body: null,
      response,
      status: 200,
      errors: errorsOf(vl.list.access, [], params.length > 0),
      locals: locals('list'),
      viewerListId: vl.id,
    };
  });
}

/**
 * What a custom endpoint's body carries of its entity: the writable fields a client may set, without
 * passwords, write-only secrets, the auth role or server-set fields, and the foreign keys a create accepts.
 */
export function customInputFields(
  entity: IrEntity,
  project: Pick<IrProject, 'auth'>,
): { fields: IrField[]; fks: IrEntity['fks'] } {
  const role = project.auth?.role?.id;
  return {
    fields: entity.fields.filter((f) => f.inCreate && f.inRead && !f.isPassword && f.id !== role),
    fks: entity.fks.filter((fk) => fk.inCreate),
  };
}

/** `<Entity>Input` in `app/schemas/custom.py`: the body of custom endpoints that take that entity. */
export const customInputSchema = (entity: IrEntity): IrSchemaRef => ({
  name: `${entity.className}Input`,
  module: 'app.schemas.custom',
});

/**
 * The source of a custom endpoint's path segment: the segment right after an entity's resource path is that
 * resource's lookup (`/posts/{slug}/publish`), `{<entity>_id}` is that entity's primary key, else text.
 */
function segmentSource(
  wire: string,
  lookupWire: string | null,
  owner: IrEntity | null,
  entities: readonly IrEntity[],
): IrParam['source'] {
  if (owner && wire === lookupWire)
    return { kind: 'lookup', entityId: owner.id, field: owner.resource.lookup.field };
  const byId = entities.find((e) => `${e.varName}_id` === wire);
  if (byId) return { kind: 'lookup', entityId: byId.id, field: null };
  return { kind: 'segment' };
}

/**
 * The docstring of a custom endpoint. The route is generated before (and without knowing) the user's handler, so
 * it says what holds either way: written by hand, and 501 while the handler is still the scaffold.
 */
export function customDescription(summary: string): string {
  const lead = summary.trim() === '' ? '' : `${summary.trim().replace(/\.$/, '')}. `;
  return `${lead}Hand-written in app/handlers: answers 501 Not Implemented while its handler is the generated scaffold.`;
}

/** A custom endpoint's stub: path segments planned against its scope (keywords and `body` get a `_`). */
function customOperation(
  endpoint: IrCustomEndpoint,
  project: Pick<IrProject, 'auth' | 'entityById' | 'entities'>,
): IrOperation {
  const { entityById } = project;
  // Segments first: a parameter named like a path segment would be read from it, so `body` makes way.
  const scope = handlerScope('custom', endpoint.access, false);
  const owner = endpoint.entityId ? (entityById.get(endpoint.entityId) as IrEntity) : null;
  const relative = owner ? endpoint.path.slice(owner.resource.path.length) : '';
  const lookupWire = /^\/\{([a-z_][a-z0-9_]*)\}/.exec(relative)?.[1] ?? null;
  const params: IrParam[] = endpoint.pathParams.map((wire) => ({
    name: scope.param(wire, (n) => `${n}_`),
    wire,
    in: 'path',
    required: true,
    source: segmentSource(wire, lookupWire, owner, project.entities),
  }));
  for (const q of endpoint.query) {
    params.push({
      name: scope.param(q.name, (n) => `${n}_`),
      wire: q.wire,
      in: 'query',
      required: q.required,
      source: { kind: 'custom_query', type: q.type, description: q.description },
    });
  }
  const requestEntity = endpoint.requestId ? (entityById.get(endpoint.requestId) as IrEntity) : null;
  const responseEntity = endpoint.response ? (entityById.get(endpoint.response.entityId) as IrEntity) : null;
  const body = requestEntity
    ? {
        param: scope.param('body', (n) => `${n}_`),
        ...customInputSchema(requestEntity),
        form: false,
        entityId: requestEntity.id,
      }
    : null;
  return {
    kind: 'custom',
    method: endpoint.method.toLowerCase() as IrOperation['method'],
    path: endpoint.path,
    route: endpoint.path,
    handler: endpoint.functionName,
    operationId: '',
    description: customDescription(endpoint.summary),
    tag: owner ? owner.resource.tag : 'custom',
    summary: endpoint.summary,
    access: endpoint.access,
    params,
    body,
    response: responseEntity
      ? { list: endpoint.response?.list ?? false, ...itemResponse(responseEntity) }
      : null,
    // Without a response schema the endpoint returns nothing: 204, not a 200 with `null`.
    status: responseEntity ? 200 : 204,
    errors: errorsOf(endpoint.access, [501], params.length > 0 || body !== null),
    locals: scope.registered(),
    entityId: owner?.id ?? null,
    customId: endpoint.id,
  };
}

/** register, the OAuth2 form login, the JSON login, `me` and its updates, at the design's auth paths. */
function authOperations(project: Pick<IrProject, 'auth' | 'entityById'>): IrOperation[] {
  const auth = project.auth;
  if (!auth) return [];
  const user = project.entityById.get(auth.userId) as IrEntity;
  const api = auth.api;
  const names = authSchemaNames(
    api,
    { className: user.className, module: `app.schemas.${user.module}`, read: user.schemas.read },
    auth.registerSchema,
  );
  const answer = (n: { name: string; module: string }) => ({ list: false, ...n });
  const jsonBody = (n: { name: string; module: string }, entityId: string | null) => ({
    param: 'body',
    ...n,
    form: false,
    entityId,
  });
  const route = (path: string) => path.slice(api.prefix.length) || '/';
  const base = {
    tag: 'auth',
    summary: null,
    params: [],
    locals: [],
    entityId: null,
    customId: null,
    method: 'post' as const,
    status: 200,
    access: null,
  };
  const tokenText = api.tokenIn === 'user' ? 'Answers the user with a token' : 'Answers a bearer token';
  const ops: IrOperation[] = [
    {
      kind: 'register',
      ...base,
      path: api.registerPath,
      route: route(api.registerPath),
      handler: 'register',
      operationId: '',
      description:
        api.tokenIn === 'user'
          ? `Create an account and answer it with a token (never the password). 409 when the ${auth.login.name} is taken.`
          : `Create an account and answer it (never the password). 409 when the ${auth.login.name} is taken.`,
      body: jsonBody(names.register, user.id),
      response: answer(names.user),
      status: 201,
      errors: [409, 422],
    },
  ];
  if (api.formLoginPath !== null) {
    ops.push({
      kind: 'login',
      ...base,
      path: api.formLoginPath,
      route: route(api.formLoginPath),
      handler: 'login',
      operationId: '',
      description: `OAuth2 password flow (Swagger's Authorize): send the ${auth.login.name} as username. Answers a bearer token, 401 for wrong credentials.`,
      // FastAPI names a form body `Body_<operation id>`: set once the ids are planned.
      body: { name: 'Body_login', module: '', param: 'form', form: true, entityId: null },
      // OAuth2's password flow (Swagger's Authorize) reads `access_token`: the form always answers a Token.
      response: answer(names.token),
      errors: [401, 422],
    });
  }
  ops.push(
    {
      kind: 'login_json',
      ...base,
      path: api.jsonLoginPath,
      route: route(api.jsonLoginPath),
      handler: 'login_json',
      operationId: '',
      description: `Sign in with JSON credentials. ${tokenText}, 401 for wrong credentials.`,
      body: jsonBody(names.loginJson, null),
      response: answer(names.login),
      errors: [401, 422],
    },
    {
      kind: 'me',
      ...base,
      method: 'get',
      path: api.mePath,
      route: route(api.mePath),
      handler: 'read_me',
      operationId: '',
      description: 'The signed-in user, with the fields only they may see.',
      access: { kind: 'authenticated' },
      body: null,
      response: answer(names.user),
      errors: [401],
    },
  );
  for (const method of api.meUpdate) {
    ops.push({
      kind: 'me_update',
      ...base,
      method,
      path: api.mePath,
      route: route(api.mePath),
      handler: api.meUpdate.length > 1 ? `${method === 'put' ? 'replace' : 'update'}_me` : 'update_me',
      operationId: '',
      description: `Change one's own profile: only the fields sent. A new ${auth.password.name} needs \`current_password\` (422 without it, 403 when wrong); 409 when the ${auth.login.name} is taken.`,
      access: { kind: 'authenticated' },
      body: jsonBody(names.selfUpdate, null),
      response: answer(names.user),
      errors: [401, 403, 409, 422],
    });
  }
  return ops;
}

const HEALTH: IrOperation = {
  kind: 'health',
  method: 'get',
  path: '/health',
  route: '/health',
  handler: 'health',
  operationId: '',
  description: 'Liveness check: 200 while the app serves requests.',
  tag: 'health',
  summary: null,
  access: null,
  params: [],
  body: null,
  response: null,
  status: 200,
  errors: [],
  locals: [],
  entityId: null,
  customId: null,
};

/**
 * Every operation in FastAPI's registration order: custom stubs first (fixed paths win over `/{id}`), auth,
 * each entity's resource in table order, then `/health`.
 */
export function projectOperations(
  project: Pick<IrProject, 'auth' | 'entityById' | 'entities' | 'customEndpoints'>,
): IrOperation[] {
  const custom = project.customEndpoints.map((e) => customOperation(e, project));
  const auth = authOperations(project);
  const resources = project.entities.flatMap((e) => [...e.operations, ...e.actionOperations]);
  const health = { ...HEALTH };
  // Operation ids are unique in the app: fixed and CRUD handlers keep their names, custom stubs make way.
  const ids = new Set<string>();
  for (const op of [health, ...auth, ...resources, ...custom]) {
    op.operationId = uniqueName(op.handler, ids);
    ids.add(op.operationId);
  }
  for (const op of auth) {
    if (op.body?.form) op.body = patched(op.body, { name: `Body_${op.operationId}` });
  }
  return [...custom, ...auth, ...resources, health];
}
