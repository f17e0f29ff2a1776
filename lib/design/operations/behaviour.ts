import { z } from 'zod';
import { type Design, type FieldRef, IdSchema } from '../schema';
import { OperationError } from './errors';
import { mapEntity, withoutUndefined } from './helpers';

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
    const own = (ref: FieldRef) => ref.relationId === undefined && ref.fieldId === args.computedId;
    const list = entity.resource.operations.list;
    return {
      ...entity,
      computed: (entity.computed ?? []).filter((c) => c.id !== args.computedId),
      ...(entity.views
        ? {
            views: entity.views.map((v) => ({
              ...v,
              fieldIds: v.fieldIds.filter((id) => id !== args.computedId),
            })),
          }
        : {}),
      resource: {
        ...entity.resource,
        operations: {
          ...entity.resource.operations,
          list: withoutUndefined({
            ...list,
            filters: list.filters.filter((f) => !own(f)),
            sortable: list.sortable.filter((f) => !own(f)),
            defaultOrder: list.defaultOrder && own(list.defaultOrder.field) ? undefined : list.defaultOrder,
          }),
        },
      },
    };
  });
}
