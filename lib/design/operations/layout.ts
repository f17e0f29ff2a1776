import { z } from 'zod';
import { type Design, IdSchema } from '../schema';
import { OperationError } from './errors';

/** Layout key of the canvas box that lists custom endpoints belonging to no entity. */
export const CUSTOM_ENDPOINTS_NODE_ID = '@custom-endpoints';

function assertNode(design: Design, id: string): void {
  const known =
    design.entities.some((e) => e.id === id) ||
    design.enums.some((e) => e.id === id) ||
    (id === CUSTOM_ENDPOINTS_NODE_ID && design.customEndpoints.length > 0);
  if (!known)
    throw new OperationError('not-found', `There is no entity or enum with id '${id}' on the canvas.`);
}

export const MoveNodeArgs = z.object({ id: IdSchema, x: z.number(), y: z.number() });
/** Layout only: the semantic model is shared untouched. */
export function moveNode(design: Design, args: z.infer<typeof MoveNodeArgs>): Design {
  assertNode(design, args.id);
  const previous = design.layout.nodes[args.id];
  const node = { ...previous, x: args.x, y: args.y };
  return { ...design, layout: { ...design.layout, nodes: { ...design.layout.nodes, [args.id]: node } } };
}

export const ToggleCollapsedArgs = z.object({ id: IdSchema, collapsed: z.boolean().optional() });
/** Flips the collapsed state, or sets it when `collapsed` is given. */
export function toggleCollapsed(design: Design, args: z.infer<typeof ToggleCollapsedArgs>): Design {
  assertNode(design, args.id);
  const previous = design.layout.nodes[args.id] ?? { x: 0, y: 0 };
  const node = { ...previous, collapsed: args.collapsed ?? !previous.collapsed };
  return { ...design, layout: { ...design.layout, nodes: { ...design.layout.nodes, [args.id]: node } } };
}
