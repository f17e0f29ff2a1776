import type { Design, QueryParamType } from '@/lib/design/schema';
import { openApiTags } from '../fastapi/deps';
import { documentedErrors, ERROR_SCHEMA, errorDescription } from '../fastapi/errors';
import { takesOptionalUser } from '../fastapi/scope';
import { securityScheme } from '../fastapi/token-scheme';
import { INT64 } from '../fastapi/types';
import { isViewerOp } from '../fastapi/viewer';
import { buildIr } from '../ir/build';
import { customInputFields } from '../ir/operations';
import type { IrEntity, IrOperation, IrParam, IrProject } from '../ir/types';
import { viewerPages } from '../ir/viewer-lists';
import { patched } from '../patched';
import { authShapeSchemas, errorContent } from './auth-shape';
import { shapeSchemas } from './envelopes';
import {
  createSchema,
  detailSchema,
  fixedSchemas,
  inputSchema,
  type JsonSchema,
  listSchema,
  namedViewSchema,
  nullable,
  pkSchema,
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

function summary(name: string): string {
  return name
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const HEALTH_RESPONSE: JsonSchema = {
  additionalProperties: { type: 'string' },
  type: 'object',
  title: 'Response Health Health Get',
};

const idSchema = (entity: IrEntity): JsonSchema => pkSchema(entity);

/** A custom query parameter's value, as FastAPI documents its type (`queryValueType`). */
function queryParamSchema(type: QueryParamType): JsonSchema {
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer', maximum: Number(INT64.max), minimum: Number(INT64.min) };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
  }
}

/** The JSON schema of a parameter, as FastAPI derives it from the handler's annotation. */
function paramSchema(project: IrProject, op: IrOperation, p: IrParam): JsonSchema {
  const source = p.source;
  switch (source.kind) {
    case 'limit':
      return { type: 'integer', maximum: source.max, minimum: 1, default: source.default };
    case 'offset':
      return { type: 'integer', maximum: Number(INT64.max), minimum: 0, default: 0 };
    case 'page':
      return { type: 'integer', maximum: source.max, minimum: 1, default: 1 };
    case 'sort':
      return nullable({ enum: source.keys, type: 'string' });
    case 'segment':
      return { type: 'string' };
    case 'custom_query': {
      const schema = queryParamSchema(source.type);
      return p.required ? schema : nullable(schema);
    }
    case 'lookup': {
      const entity = project.entityById.get(source.entityId) as IrEntity;
      return source.field ? plainSchema(source.field) : idSchema(entity);
    }
    case 'filter': {
      const r = source.ref;
      if (r.field) return nullable(plainSchema(r.field));
      const target = project.entityById.get(r.via?.targetId ?? (op.entityId as string)) as IrEntity;
      return nullable(idSchema(target));
    }
  }
}

function responseSchemaOf(op: IrOperation): JsonSchema | null {
  if (op.kind === 'health') return HEALTH_RESPONSE;
  if (!op.response) return null;
  const r = ref(op.response.name);
  if (!op.response.list) return r;
  return {
    type: 'array',
    items: r,
    title: `Response ${pyTitle(op.operationId)}`,
  };
}

function operation(project: IrProject, op: IrOperation): Operation {
  const doc: Operation = {
    tags: [op.tag],
    summary: op.summary ?? summary(op.handler),
    ...(op.description ? { description: op.description } : {}),
    operationId: op.operationId,
  };
  if (project.auth && ((op.access && op.access.kind !== 'public') || takesOptionalUser(op, project))) {
    const scheme = { [securityScheme(project.auth.api).name]: [] };
    // A viewer's token is optional: `{}` lets a client call without one (FastAPI appends it after the scheme).
    doc.security = isViewerOp(op) ? [scheme, {}] : [scheme];
  }
  if (op.params.length > 0) {
    doc.parameters = op.params.map((p) => {
      const schema = paramSchema(project, op, p);
      // FastAPI shows a `Query(description=...)` on the parameter and in its schema.
      const description = p.source.kind === 'custom_query' ? p.source.description : null;
      return {
        name: p.wire,
        in: p.in,
        required: p.required,
        schema: patched(
          patched(schema, description ? { description } : {}),
          '$ref' in schema ? {} : { title: pyTitle(p.wire) },
        ),
        ...(description ? { description } : {}),
      };
    });
  }
  if (op.body) {
    const type = op.body.form ? 'application/x-www-form-urlencoded' : 'application/json';
    doc.requestBody = { required: true, content: { [type]: { schema: ref(op.body.name) } } };
  }
  const ok: Operation = { description: 'Successful Response' };
  const response = responseSchemaOf(op);
  if (response) ok.content = { 'application/json': { schema: response } };
  // FastAPI documents a body of any shape for `-> None` handlers whose status allows a body (not 204).
  else if (![204, 205, 304].includes(op.status)) ok.content = { 'application/json': { schema: {} } };
  const responses: Record<string, unknown> = { [String(op.status)]: ok };
  for (const status of documentedErrors(op, project.errorFormat)) {
    responses[String(status)] = {
      description: status === 422 ? 'Validation Error' : errorDescription(status),
      content: errorContent(project),
    };
  }
  if (op.errors.includes(422) && project.errorFormat === 'fastapi') responses['422'] = VALIDATION_ERROR;
  doc.responses = responses;
  return doc;
}

/** The OpenAPI document of an IR, as the generated app serves it at `/openapi.json`. */
export function openApiForIr(project: IrProject): Record<string, unknown> {
  const paths: Record<string, Operation> = {};
  const schemas: Record<string, JsonSchema> = fixedSchemas(project);
  for (const op of project.operations) {
    paths[op.path] = patched(paths[op.path] ?? {}, { [op.method]: operation(project, op) });
  }
  const auth = project.auth;
  if (auth) {
    const register = registerSchema(project);
    if (register) schemas[auth.registerSchema] = register;
  }

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
    for (const page of viewerPages(e)) byName.set(page.name, () => listSchema(e, page));
    for (const view of e.schemas.views) byName.set(view.className, () => namedViewSchema(e, view));
    for (const [name, build] of shapeSchemas(e, project)) byName.set(name, build);
  }
  for (const op of project.operations) {
    const requestEntity = op.kind === 'custom' && op.body?.entityId ? op.body.entityId : null;
    if (!requestEntity || !op.body) continue;
    const entity = project.entityById.get(requestEntity) as IrEntity;
    const { fields, fks } = customInputFields(entity, project);
    const name = op.body.name;
    byName.set(name, () => inputSchema(name, entity, fields, fks, project));
  }
  byName.set(ERROR_SCHEMA.name, () => ({
    properties: { detail: { type: 'string', title: 'Detail' } },
    type: 'object',
    required: ['detail'],
    title: ERROR_SCHEMA.name,
  }));
  for (const [name, schema] of authShapeSchemas(project)) byName.set(name, schema);
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
    const { name, scheme } = securityScheme(auth.api);
    components.securitySchemes = { [name]: scheme };
  }
  return {
    openapi: '3.1.0',
    info: { title: project.name, version: '0.1.0' },
    paths,
    components,
    tags: openApiTags(project),
  };
}

/** The OpenAPI 3.1 document the generated app serves at `/openapi.json` (assumes a valid design). */
export function openApiFor(design: Design, options: { projectName?: string } = {}): Record<string, unknown> {
  return openApiForIr(buildIr(design, options.projectName));
}
