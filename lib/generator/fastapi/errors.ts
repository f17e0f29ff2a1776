import type { ErrorFormat } from '@/lib/design/schema';
import type { IrOperation } from '../ir/types';
import { patched } from '../patched';
import { module } from '../python/code';
import type { Imports } from '../python/imports';
import { errorSchemaOf, FIELD_MAP_OTHER_KEY } from './errors-format';

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
export function emitErrorSchemas(format: ErrorFormat = 'fastapi'): string {
  const descriptions =
    format === 'fastapi' ? ERROR_DESCRIPTIONS : patched(ERROR_DESCRIPTIONS, { 422: 'Validation Error' });
  const entries = Object.entries(descriptions).map(([status, text]) => `    ${status}: "${text}",`);
  const schema = errorSchemaOf(format).name;
  return module(
    ['from typing import Any', '', 'from pydantic import BaseModel'].join('\n'),
    [
      ['_DESCRIPTIONS = {', ...entries, '}'].join('\n'),
      ...ERROR_MODELS[format],
      [
        'def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:',
        '    """The `responses=` of a route: each error status with its body schema."""',
        '    return {',
        `        status: {"model": ${schema}, "description": _DESCRIPTIONS[status]}`,
        '        for status in statuses',
        '    }',
      ].join('\n'),
    ],
    '"""Error response bodies, as documented in OpenAPI."""',
  );
}

const ERROR_MODELS: Record<ErrorFormat, string[]> = {
  fastapi: [
    [
      `class ${ERROR_SCHEMA.name}(BaseModel):`,
      '    """An error response: {"detail": "<message>"} (422 keeps FastAPI\'s list)."""',
      '',
      '    detail: str',
    ].join('\n'),
  ],
  problem: [
    [
      'class ProblemItem(BaseModel):',
      '    """One validation error: where (`loc`, by API name), what and its kind."""',
      '',
      '    type: str',
      '    loc: list[str | int]',
      '    msg: str',
    ].join('\n'),
    [
      'class Problem(BaseModel):',
      '    """RFC 9457 problem details; `errors` lists validation failures."""',
      '',
      '    type: str',
      '    title: str',
      '    status: int',
      '    detail: str',
      '    instance: str',
      '    errors: list[ProblemItem] | None = None',
    ].join('\n'),
  ],
  'field-map': [
    [
      'class FieldErrors(BaseModel):',
      `    """{"errors": {"<field>": ["<message>"]}}; other errors under "${FIELD_MAP_OTHER_KEY}"."""`,
      '',
      '    errors: dict[str, list[str]]',
    ].join('\n'),
  ],
};

/** The statuses an operation documents with the error body (every error but FastAPI's own 422). */
export function documentedErrors(op: IrOperation, format: ErrorFormat = 'fastapi'): number[] {
  return op.errors.filter(
    (status) => (status !== 422 || format !== 'fastapi') && (status in ERROR_DESCRIPTIONS || status === 422),
  );
}

/** `responses=error_responses(401, 404)` for a route decorator, or null. */
export function responsesArg(
  op: IrOperation,
  imports: Imports,
  format: ErrorFormat = 'fastapi',
): string | null {
  const statuses = documentedErrors(op, format);
  if (statuses.length === 0) return null;
  return `responses=${imports.from('app.schemas.errors', 'error_responses')}(${statuses.join(', ')})`;
}
