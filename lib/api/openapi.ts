import { z } from 'zod';
import type { Contract } from './contract';
import { allContracts, errorResponse } from './contracts';

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found (or not yours)',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'The request body is not JSON (`Content-Type: application/json` required)',
  422: 'Validation failed',
  429: 'Too many requests',
  503: 'Not available on this server (the message says what is missing)',
  507: 'The server is out of disk space',
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' });

function parameters(c: Contract) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', c.params],
    ['query', c.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: s,
      });
    }
  }
  return out;
}

/** Answers the route wrapper gives on its own (lib/api/route.ts), so each contract need not list them. */
function wrapperErrors(c: Contract): number[] {
  const out: number[] = [];
  if (c.method !== 'GET') out.push(403, 507);
  if (c.body) out.push(400, 413, 415, 422);
  return out;
}

function operation(c: Contract) {
  const responses: Record<string, unknown> = {
    [c.success.status]: {
      description: c.success.description,
      ...(c.success.schema
        ? { content: { 'application/json': { schema: toSchema(c.success.schema, 'output') } } }
        : {}),
    },
  };
  for (const status of [...c.errors, ...wrapperErrors(c)].sort()) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: c.operationId,
    summary: c.summary,
    tags: [c.tag],
    ...(c.auth === 'session' ? { security: [{ session: [] }] } : {}),
    parameters: parameters(c),
    ...(c.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(c.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI document of the app's own API, derived from the same zod contracts the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const c of allContracts as Contract[]) {
    paths[c.path] ??= {};
    paths[c.path]![c.method.toLowerCase()] = operation(c);
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Fastdraft API', version: '0.1.0' },
    paths,
    components: {
      schemas: { Error: toSchema(errorResponse, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
      },
    },
  };
}
