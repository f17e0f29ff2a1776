import type { IrEntity, IrOperation, IrProject } from '../ir/types';
import { module } from '../python/code';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** The error body model (`app/schemas/errors.py`): HTTPException answers `{"detail": "<message>"}`. */
export const ERROR_SCHEMA = { name: 'ErrorMessage', module: 'app.schemas.errors' } as const;

export function emitErrorSchemas(): string {
  return module(
    'from pydantic import BaseModel',
    [
      [
        `class ${ERROR_SCHEMA.name}(BaseModel):`,
        '    """An error response: {"detail": "<message>"} (422 keeps FastAPI\'s list)."""',
        '',
        '    detail: str',
      ].join('\n'),
    ],
    '"""Error response bodies, as documented in OpenAPI."""',
  );
}

/** What each documented error status means for one operation (FastAPI documents 422 itself). */
export function errorDescription(status: number, op: IrOperation, project: IrProject): string {
  const entity = op.entityId ? (project.entityById.get(op.entityId) as IrEntity) : null;
  switch (status) {
    case 401:
      return op.kind === 'login' || op.kind === 'login_json'
        ? 'Wrong login or password'
        : 'Missing, invalid or expired bearer token';
    case 403:
      return 'Signed in with a role that may not do this';
    case 404:
      return entity && op.kind !== 'custom' ? `${entity.className} not found` : 'Not found';
    case 409:
      return 'Conflicts with existing data';
    case 501:
      return 'Not implemented yet';
    default:
      return 'Error';
  }
}

/** The statuses an operation documents with the error body (every error but 422). */
export function documentedErrors(op: IrOperation): number[] {
  if (op.kind !== 'custom') return [];
  return op.errors.filter((status) => status !== 422);
}

/** `responses={401: {"model": ErrorMessage, "description": ...}, ...}` for a route decorator, or null. */
export function responsesArg(op: IrOperation, project: IrProject, imports: Imports): string | null {
  const statuses = documentedErrors(op);
  if (statuses.length === 0) return null;
  const model = imports.from(ERROR_SCHEMA.module, ERROR_SCHEMA.name);
  const entries = statuses.map(
    (s) => `${s}: {"model": ${model}, "description": ${pyStr(errorDescription(s, op, project))}}`,
  );
  return `responses={${entries.join(', ')}}`;
}
