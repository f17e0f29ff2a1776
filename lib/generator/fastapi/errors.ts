import type { IrOperation } from '../ir/types';
import { module } from '../python/code';
import type { Imports } from '../python/imports';

/** The error body model (`app/schemas/errors.py`): HTTPException answers `{"detail": "<message>"}`. */
export const ERROR_SCHEMA = { name: 'ErrorMessage', module: 'app.schemas.errors' } as const;

/** What each documented error status means (FastAPI documents 422 itself, with its own body). */
export const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  401: 'Missing, invalid or expired bearer token',
  403: 'Signed in with a role that may not do this',
  404: 'Not found (or not yours)',
  409: 'Conflicts with existing data',
  501: 'Not implemented yet',
};

export function errorDescription(status: number): string {
  return ERROR_DESCRIPTIONS[status] ?? 'Error';
}

/** `app/schemas/errors.py`: the error body and `error_responses(...)` for the routes' `responses=`. */
export function emitErrorSchemas(): string {
  const entries = Object.entries(ERROR_DESCRIPTIONS).map(([status, text]) => `    ${status}: "${text}",`);
  return module(
    ['from typing import Any', '', 'from pydantic import BaseModel'].join('\n'),
    [
      ['_DESCRIPTIONS = {', ...entries, '}'].join('\n'),
      [
        `class ${ERROR_SCHEMA.name}(BaseModel):`,
        '    """An error response: {"detail": "<message>"} (422 keeps FastAPI\'s list)."""',
        '',
        '    detail: str',
      ].join('\n'),
      [
        'def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:',
        '    """The `responses=` of a route: each error status with its body schema."""',
        '    return {',
        `        status: {"model": ${ERROR_SCHEMA.name}, "description": _DESCRIPTIONS[status]}`,
        '        for status in statuses',
        '    }',
      ].join('\n'),
    ],
    '"""Error response bodies, as documented in OpenAPI."""',
  );
}

/** The statuses an operation documents with the error body (every error but 422). */
export function documentedErrors(op: IrOperation): number[] {
  return op.errors.filter((status) => status !== 422 && status in ERROR_DESCRIPTIONS);
}

/** `responses=error_responses(401, 404)` for a route decorator, or null. */
export function responsesArg(op: IrOperation, imports: Imports): string | null {
  const statuses = documentedErrors(op);
  if (statuses.length === 0) return null;
  return `responses=${imports.from('app.schemas.errors', 'error_responses')}(${statuses.join(', ')})`;
}
