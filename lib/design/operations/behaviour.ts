import { z } from 'zod';
import { type Design, IdSchema } from '../schema';
import { withoutComputed } from './computed-cleanup';
import { OperationError } from './errors';
import { mapEntity } from './helpers';

export const DeleteComputedFieldArgs = z.object({ entityId: IdSchema, computedId: IdSchema });
/**
 * Removes a computed field with every place its id stands for a field of the entity: view members, sortable
 * fields, filters and the default order of the entity's list.
 */
export function deleteComputedField(design: Design, args: z.infer<typeof DeleteComputedFieldArgs>): Design {
  return mapEntity(design, args.entityId, (entity) => {
    if (!(entity.computed ?? []).some((c) => c.id === args.computedId)) {
      throw new OperationError(
        'not-found',
        `Entity '${entity.name}' has no computed field with id '${args.computedId}'.`,
      );
    }
    return withoutComputed(entity, (c) => c.id === args.computedId);
  });
}
