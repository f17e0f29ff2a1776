import { z } from 'zod';
import { ApiShapeSchema, type Design } from '../schema';

/**
 * Changes the project's API shape: each key given replaces the current one (`{ naming: 'camelCase' }`,
 * `{ errors: 'problem' }`, `{ paging: { style: 'none' } }`); keys left out are kept.
 */
export const SetApiShapeArgs = z.object({ api: ApiShapeSchema.partial() });
export function setApiShape(design: Design, args: z.infer<typeof SetApiShapeArgs>): Design {
  const api = { ...design.api };
  for (const [key, value] of Object.entries(args.api)) {
    if (value !== undefined) (api as Record<string, unknown>)[key] = value;
  }
  return { ...design, api };
}
