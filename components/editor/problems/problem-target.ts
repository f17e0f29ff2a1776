import { CRUD_OPERATIONS, type CrudOperationName, type Design, type Problem } from '@/lib/design';
import type { Selection } from '../store/editor-state';

/** Resource settings edited in the endpoint inspector (Actions, Viewer lists, Value lists, lookup, embeds). */
const ENDPOINT_BLOCK =
  /^entities\[(\d+)\]\.resource\.(actions|viewerLists|valueLists|embedViews|lookupRelationId)\b/;
/** Entity blocks edited in the entity inspector, whatever element id their problems name. */
const ENTITY_BLOCK = /^entities\[(\d+)\]\.(computed|uniques)\b/;

/**
 * What clicking a problem selects: its element, the endpoint settings for resource paths, auth for `auth.*`.
 * With the design, problems of behaviour blocks open the inspector section that edits them.
 */
export function problemSelection(problem: Problem, design?: Pick<Design, 'entities'>): Selection {
  if (problem.path.startsWith('auth')) return { kind: 'auth' };
  const block = ENDPOINT_BLOCK.exec(problem.path) ?? ENTITY_BLOCK.exec(problem.path);
  const blockEntity = block && design?.entities[Number(block[1])];
  if (block && blockEntity) {
    if (block[2] === 'computed' || block[2] === 'uniques') return { kind: 'element', id: blockEntity.id };
    return {
      kind: 'endpoint',
      entityId: blockEntity.id,
      operation: block[2] === 'viewerLists' ? 'list' : 'get',
    };
  }
  if (problem.elementId === undefined) return null;
  const operation = /\.resource\.operations\.(\w+)/.exec(problem.path)?.[1];
  if (operation && (CRUD_OPERATIONS as readonly string[]).includes(operation)) {
    return { kind: 'endpoint', entityId: problem.elementId, operation: operation as CrudOperationName };
  }
  return { kind: 'element', id: problem.elementId };
}
