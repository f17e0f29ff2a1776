import type { Design } from '@/lib/design/schema';
import { hasRoutes } from '../fastapi/routes';
import { viewSchema } from '../fastapi/schemas';
import { buildIr } from '../ir/build';
import type { IrAccess, IrEntity, IrField, IrProject, IrRef, IrView } from '../ir/types';
import {
  createSchema,
  detailSchema,
  fixedSchemas,
  type JsonSchema,
  listSchema,
  nullable,
  plainSchema,
  publicDetailSchema,
  publicSchema,
  pyTitle,
  readSchema,
  ref,
  registerSchema,
  updateSchema,
} from './schemas';

type Operation = Record<string, unknown>;

const VALIDATION_ERROR = {
  description: 'Validation Error',
  content: { 'application/json': { schema: ref('HTTPValidationError') } },
};

/** FastAPI's generate_unique_id: function name + path, non-word characters to `_`, + method. */
export function operationId(name: string, path: string, method: string): string {
  return `${`${name}${path}`.replace(/\W/g, '_')}_${method.toLowerCase()}`;
}

function summary(name: string): string {
  return name
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

type OpSpec = {
  name: string;
  path: string;
  method: string;
  tags: string[];
  summary?: string;
  access: IrAccess | null;
  params: Operation[];
  body?: { schema: JsonSchema; form?: boolean };
  status: number;
  response: JsonSchema | null;
};

function operation(spec: OpSpec): Operation {
  const op: Operation = {
    tags: spec.tags,
    summary: spec.summary ?? summary(spec.name),
    operationId: operationId(spec.name, spec.path, spec.method),
  };
  if (spec.access && spec.access.kind !== 'public') op.security = [{ OAuth2PasswordBearer: [] }];
  if (spec.params.length > 0) op.parameters = spec.params;
  if (spec.body) {
    const type = spec.body.form ? 'application/x-www-form-urlencoded' : 'application/json';
    op.requestBody = { required: true, content: { [type]: { schema: spec.body.schema } } };
  }
  const ok: Operation = { description: 'Successful Response' };
  if (spec.response) ok.content = { 'application/json': { schema: spec.response } };
  // FastAPI documents a body of any shape for `-> None` handlers whose status allows a body (not 204).
  else if (![204, 205, 304].includes(spec.status)) ok.content = { 'application/json': { schema: {} } };
  const responses: Record<string, unknown> = { [String(spec.status)]: ok };
  if (spec.params.length > 0 || spec.body) responses['422'] = VALIDATION_ERROR;
  op.responses = responses;
  return op;
}

const param = (name: string, where: 'query' | 'path', schema: JsonSchema, required: boolean): Operation => ({
  name,
  in: where,
  required,
  schema: { ...schema, ...('$ref' in schema ? {} : { title: pyTitle(name) }) },
});

function refValueSchema(project: IrProject, entity: IrEntity, r: IrRef): JsonSchema {
  if (r.field) return plainSchema(r.field);
  const target = project.entityById.get(r.via?.targetId ?? entity.id) as IrEntity;
  return target.primaryKey === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'integer' };
}

function lookupSchema(entity: IrEntity): JsonSchema {
  const field: IrField | null = entity.resource.lookup.field;
  if (field) return plainSchema(field);
  return entity.primaryKey === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'integer' };
}

function resourceOperations(project: IrProject, entity: IrEntity, paths: Record<string, Operation>): void {
  const r = entity.resource;
  const tags = [r.tag];
  const item = (view: IrView) => ref(viewSchema(entity, view));
  const itemPath = `${r.path}/{${r.lookup.param}}`;
  const lookup = param(r.lookup.param, 'path', lookupSchema(entity), true);
  const add = (path: string, method: string, op: Operation) => {
    paths[path] = { ...(paths[path] ?? {}), [method]: op };
  };
  if (r.list) {
    const params = [
      param(
        'limit',
        'query',
        { type: 'integer', maximum: r.list.maxPageSize, minimum: 1, default: r.list.defaultPageSize },
        false,
      ),
      param('offset', 'query', { type: 'integer', minimum: 0, default: 0 }, false),
    ];
    if (r.list.sorts.length > 0) {
      const keys = r.list.sorts.flatMap((s) => [s.query, `-${s.query}`]);
      params.push(param('sort', 'query', nullable({ enum: keys, type: 'string' }), false));
    }
    for (const f of r.list.filters)
      params.push(param(f.query, 'query', nullable(refValueSchema(project, entity, f)), false));
    add(
      r.path,
      'get',
      operation({
        name: `list_${entity.pluralVar}`,
        path: r.path,
        method: 'get',
        tags,
        access: r.list.access,
        params,
        status: 200,
        response: ref(entity.schemas.list),
      }),
    );
  }
  if (r.create) {
    add(
      r.path,
      'post',
      operation({
        name: `create_${entity.varName}`,
        path: r.path,
        method: 'post',
        tags,
        access: r.create,
        params: [],
        body: { schema: ref(entity.schemas.create) },
        status: 201,
        response: item(r.views.create),
      }),
    );
  }
  if (r.get) {
    add(
      itemPath,
      'get',
      operation({
        name: `get_${entity.varName}`,
        path: itemPath,
        method: 'get',
        tags,
        access: r.get,
        params: [lookup],
        status: 200,
        response: item(r.views.get),
      }),
    );
  }
  if (r.update) {
    add(
      itemPath,
      'patch',
      operation({
        name: `update_${entity.varName}`,
        path: itemPath,
        method: 'patch',
        tags,
        access: r.update,
        params: [lookup],
        body: { schema: ref(entity.schemas.update) },
        status: 200,
        response: item(r.views.update),
      }),
    );
  }
  if (r.delete) {
    add(
      itemPath,
      'delete',
      operation({
        name: `delete_${entity.varName}`,
        path: itemPath,
        method: 'delete',
        tags,
        access: r.delete,
        params: [lookup],
        status: 204,
        response: null,
      }),
    );
  }
}

/** The OpenAPI document of an IR, as the generated app serves it at `/openapi.json`. */
export function openApiForIr(project: IrProject): Record<string, unknown> {
  const paths: Record<string, Operation> = {};
  const schemas: Record<string, JsonSchema> = fixedSchemas(project);
  const add = (path: string, method: string, op: Operation) => {
    paths[path] = { ...(paths[path] ?? {}), [method]: op };
  };
  for (const e of project.customEndpoints) {
    const tag = e.entityId ? (project.entityById.get(e.entityId) as IrEntity).resource.tag : 'custom';
    const params = e.pathParams.map((p) => param(p, 'path', { type: 'string' }, true));
    let response: JsonSchema | null = null;
    if (e.response) {
      const target = project.entityById.get(e.response.entityId) as IrEntity;
      const r = ref(target.schemas.detail ?? target.schemas.read);
      response = e.response.list
        ? {
            type: 'array',
            items: r,
            title: `Response ${pyTitle(operationId(e.functionName, e.path, e.method))}`,
          }
        : r;
    }
    const body = e.requestId
      ? { schema: ref((project.entityById.get(e.requestId) as IrEntity).schemas.create) }
      : undefined;
    add(
      e.path,
      e.method.toLowerCase(),
      operation({
        name: e.functionName,
        path: e.path,
        method: e.method,
        tags: [tag],
        summary: e.summary,
        access: e.access,
        params,
        ...(body ? { body } : {}),
        status: 200,
        response,
      }),
    );
  }
  const auth = project.auth;
  if (auth) {
    const user = project.entityById.get(auth.userId) as IrEntity;
    const tags = ['auth'];
    const token = ref('Token');
    add(
      '/auth/register',
      'post',
      operation({
        name: 'register',
        path: '/auth/register',
        method: 'post',
        tags,
        access: null,
        params: [],
        body: { schema: ref(auth.registerSchema) },
        status: 201,
        response: ref(user.schemas.read),
      }),
    );
    add(
      '/auth/login',
      'post',
      operation({
        name: 'login',
        path: '/auth/login',
        method: 'post',
        tags,
        access: null,
        params: [],
        body: { schema: ref('Body_login_auth_login_post'), form: true },
        status: 200,
        response: token,
      }),
    );
    add(
      '/auth/login/json',
      'post',
      operation({
        name: 'login_json',
        path: '/auth/login/json',
        method: 'post',
        tags,
        access: null,
        params: [],
        body: { schema: ref('LoginRequest') },
        status: 200,
        response: token,
      }),
    );
    add(
      '/auth/me',
      'get',
      operation({
        name: 'read_me',
        path: '/auth/me',
        method: 'get',
        tags,
        access: { kind: 'authenticated' },
        params: [],
        status: 200,
        response: ref(user.schemas.read),
      }),
    );
    const register = registerSchema(project);
    if (register) schemas[auth.registerSchema] = register;
  }
  for (const entity of project.entities) {
    if (!hasRoutes(entity)) continue;
    resourceOperations(project, entity, paths);
  }
  add(
    '/health',
    'get',
    operation({
      name: 'health',
      path: '/health',
      method: 'get',
      tags: ['health'],
      access: null,
      params: [],
      status: 200,
      response: {
        additionalProperties: { type: 'string' },
        type: 'object',
        title: 'Response Health Health Get',
      },
    }),
  );

  // Component schemas: what the operations reference, transitively.
  const byName = new Map<string, () => JsonSchema | null>();
  for (const e of project.entities) {
    byName.set(e.schemas.create, () => createSchema(e, project));
    byName.set(e.schemas.update, () => updateSchema(e, project));
    byName.set(e.schemas.read, () => readSchema(e, project));
    if (e.schemas.detail) byName.set(e.schemas.detail, () => detailSchema(e, project));
    if (e.schemas.public) byName.set(e.schemas.public, () => publicSchema(e, project));
    if (e.schemas.publicDetail) byName.set(e.schemas.publicDetail, () => publicDetailSchema(e, project));
    byName.set(e.schemas.list, () => listSchema(e));
  }
  for (const en of project.enums) {
    byName.set(en.className, () => ({
      type: 'string',
      enum: en.members.map((m) => m.value),
      title: en.className,
    }));
  }
  const pending = [JSON.stringify(paths), ...Object.values(schemas).map((s) => JSON.stringify(s))];
  while (pending.length > 0) {
    const text = pending.pop() as string;
    for (const match of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = match[1] as string;
      if (name in schemas) continue;
      const schema = byName.get(name)?.();
      if (!schema) continue;
      schemas[name] = schema;
      pending.push(JSON.stringify(schema));
    }
  }
  const sorted: Record<string, JsonSchema> = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name] as JsonSchema;
  const components: Record<string, unknown> = { schemas: sorted };
  if (auth) {
    components.securitySchemes = {
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/auth/login' } } },
    };
  }
  return { openapi: '3.1.0', info: { title: project.name, version: '0.1.0' }, paths, components };
}

/** The OpenAPI 3.1 document the generated app serves at `/openapi.json` (assumes a valid design). */
export function openApiFor(design: Design, options: { projectName?: string } = {}): Record<string, unknown> {
  return openApiForIr(buildIr(design, options.projectName));
}
