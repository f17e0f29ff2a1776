import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Db } from '@/lib/db/connect';
import type { Contract } from './contract';
import { ApiError, errorBody, zodIssues } from './errors';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<C extends Contract> {
  request: Request;
  db: Db;
  user: C['auth'] extends 'session' ? SessionUser : SessionUser | null;
  params: Infer<C['params']>;
  query: Infer<C['query']>;
  body: Infer<C['body']>;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
}

const tooLarge = () =>
  new ApiError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

function validate<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError('validation_failed', `The ${where} is not valid.`, zodIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Wraps a handler with what every API route needs, in one place: who is asking (401 without a session),
 * zod validation of params, query and body (422 with issues), and one error shape with no stack traces.
 */
export function route<C extends Contract>(
  c: C,
  handler: (ctx: HandlerContext<C>) => Promise<unknown>,
): (request: Request, context: NextContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await currentUser();
      if (c.auth === 'session' && !user) throw new ApiError('unauthenticated', 'Sign in to use this API.');
      // A malformed id can never name a visible workspace: answer 404, like any other missing workspace.
      const rawParams = await context.params;
      const params = c.params ? c.params.safeParse(rawParams) : { success: true as const, data: undefined };
      if (!params.success) throw new ApiError('not_found', 'Not found.');
      const query = c.query
        ? validate(c.query, Object.fromEntries(new URL(request.url).searchParams), 'query string')
        : undefined;
      const body = c.body ? validate(c.body, await readJson(request), 'request body') : undefined;
      const result = await handler({
        request,
        db: await db(),
        user: user as HandlerContext<C>['user'],
        params: params.data as Infer<C['params']>,
        query: query as Infer<C['query']>,
        body: body as Infer<C['body']>,
      });
      if (result instanceof Response) return result;
      if (c.success.status === 204) return new NextResponse(null, { status: 204 });
      return NextResponse.json(result, { status: c.success.status });
    } catch (error) {
      if (error instanceof ApiError) {
        const retry = error.extra?.retryAfterSeconds;
        const headers = typeof retry === 'number' ? { 'retry-after': String(retry) } : undefined;
        return NextResponse.json(errorBody(error), { status: error.status, headers });
      }
      console.error(`[api] ${c.method} ${c.path} failed`, error);
      const internal = new ApiError('internal', 'Something went wrong on our side. Please try again.');
      return NextResponse.json(errorBody(internal), { status: 500 });
    }
  };
}
