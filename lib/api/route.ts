import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Db } from '@/lib/db/connect';
import { describeError, isDiskFull } from '@/lib/db/errors';
import { readBodyText } from './body';
import type { Contract } from './contract';
import { ApiError, errorBody, zodIssues } from './errors';
import { assertJsonBody, assertSameOrigin, isStateChanging } from './request-guard';
import { unstorableStrings } from './strings';

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
  const text = await readBodyText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
  assertStorable(value, 'request body');
  return value;
}

function assertStorable(value: unknown, where: string): void {
  const issues = unstorableStrings(value);
  if (issues.length > 0) throw new ApiError('validation_failed', `The ${where} is not valid.`, issues);
}

/** The answer to an error no handler expected: 507 when the disk is full, else 500; logged without data. */
export function unexpectedError(error: unknown, where: string): Response {
  console.error(`[api] ${where} failed: ${describeError(error)}`);
  const answer = isDiskFull(error)
    ? new ApiError('insufficient_storage', 'The server is out of disk space.')
    : new ApiError('internal', 'Something went wrong on our side. Please try again.');
  return NextResponse.json(errorBody(answer), { status: answer.status });
}

export function apiErrorResponse(error: ApiError): Response {
  const retry = error.extra?.retryAfterSeconds;
  const headers = typeof retry === 'number' ? { 'retry-after': String(retry) } : undefined;
  return NextResponse.json(errorBody(error), { status: error.status, headers });
}

function validate<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError('validation_failed', `The ${where} is not valid.`, zodIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Wraps a handler with what every API route needs, in one place: cross-site refusal of state-changing
 * requests (403) and of non-JSON bodies (415), who is asking (401 without a session), a body read no further
 * than its limit (413), zod validation of params, query and body plus text every database can store (422 with
 * issues), and one error shape with no stack traces (507 when the disk is full).
 */
export function route<C extends Contract>(
  c: C,
  handler: (ctx: HandlerContext<C>) => Promise<unknown>,
): (request: Request, context: NextContext) => Promise<Response> {
  return async (request, context) => {
    try {
      if (isStateChanging(request)) {
        assertSameOrigin(request);
        assertJsonBody(request, c.body !== undefined);
      }
      const user = await currentUser();
      if (c.auth === 'session' && !user) throw new ApiError('unauthenticated', 'Sign in to use this API.');
      // A malformed id (or one with a NUL, %00) can never name a visible workspace: 404, like any missing one.
      const rawParams = await context.params;
      const params = c.params ? c.params.safeParse(rawParams) : { success: true as const, data: undefined };
      if (!params.success || unstorableStrings(rawParams).length > 0)
        throw new ApiError('not_found', 'Not found.');
      const rawQuery = c.query ? Object.fromEntries(new URL(request.url).searchParams) : undefined;
      if (rawQuery) assertStorable(rawQuery, 'query string');
      const query = c.query ? validate(c.query, rawQuery, 'query string') : undefined;
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
      if (error instanceof ApiError) return apiErrorResponse(error);
      return unexpectedError(error, `${c.method} ${c.path}`);
    }
  };
}
