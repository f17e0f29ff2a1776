import type { z } from 'zod';

export type ErrorCode =
  | 'invalid_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'rate_limited'
  | 'internal'
  | 'unavailable'
  | 'insufficient_storage';

const STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  insufficient_storage: 507,
};

export interface Issue {
  path: string;
  message: string;
}

/** An error a route handler throws on purpose; the route wrapper turns it into `{ error: {...} }`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'Workspace') => new ApiError('not_found', `${what} not found.`);

/** A save based on an older version of the workspace (its design or its code changed elsewhere): 409. */
export const staleVersion = (currentVersion: number) =>
  new ApiError(
    'conflict',
    'This workspace was changed elsewhere since you loaded it. Reload to get the latest version.',
    undefined,
    { currentVersion },
  );

/** `entities[2].fields[0].name` style paths for zod issues. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...error.extra,
    },
  };
}
