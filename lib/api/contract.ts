import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the app's HTTP API: validated by the route wrapper and described in /api/openapi.json. */
export interface Contract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: Method;
  /** OpenAPI-style path, e.g. `/api/workspaces/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: a signed-in user is required (401 otherwise). */
  auth: 'session' | 'none';
  params?: P;
  query?: Q;
  body?: B;
  success: { status: number; description: string; schema?: z.ZodType };
  errors: number[];
}

/** Identity, typed so handlers see exactly this contract's schemas and auth mode. */
export function contract<const C extends Contract>(c: C): C {
  return c;
}
