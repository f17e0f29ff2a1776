import { CRUD_OPERATIONS, type CrudOperationName, type Problem } from '@/lib/design';
import type { Selection } from '../store/editor-state';

/** What clicking a problem selects: its element, the endpoint settings for resource paths, auth for `auth.*`. */
export function problemSelection(problem: Problem): Selection {
  if (problem.path.startsWith('auth')) return { kind: 'auth' };
  if (problem.elementId === undefined) return null;
  const operation = /\.resource\.operations\.(\w+)/.exec(problem.path)?.[1];
  if (operation && (CRUD_OPERATIONS as readonly string[]).includes(operation)) {
    return { kind: 'endpoint', entityId: problem.elementId, operation: operation as CrudOperationName };
  }
  return { kind: 'element', id: problem.elementId };
}
