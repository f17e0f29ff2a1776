import type { ComputedField, Design, Entity } from '../schema';
import { withoutUndefined } from './helpers';

/**
 * Drops the computed fields that go through a removed relation or read a removed field (aggregated or in
 * `where`: counting every row instead would change what the value means), and their ids from the entity's
 * views, sorts and default order, so a delete leaves no dangling id behind.
 */
export function removeComputedRefs(
  design: Design,
  gone: { relationIds?: ReadonlySet<string>; fieldIds?: ReadonlySet<string> },
): Design {
  const uses = (c: ComputedField) =>
    gone.relationIds?.has(c.relationId) === true ||
    (c.fieldId !== undefined && gone.fieldIds?.has(c.fieldId) === true) ||
    (c.where !== undefined && gone.fieldIds?.has(c.where.fieldId) === true);
  if (!design.entities.some((e) => e.computed?.some(uses))) return design;
  return { ...design, entities: design.entities.map((e) => withoutComputed(e, uses)) };
}

/**
 * The entity without the computed fields `uses` picks, and without their ids wherever they stand for a field of
 * the entity (view members, filters, sortable fields, the default order).
 */
export function withoutComputed(entity: Entity, uses: (c: ComputedField) => boolean): Entity {
  const dropped = new Set((entity.computed ?? []).filter(uses).map((c) => c.id));
  if (dropped.size === 0) return entity;
  const list = entity.resource.operations.list;
  const keep = (ref: { relationId?: string; fieldId: string }) =>
    ref.relationId !== undefined || !dropped.has(ref.fieldId);
  return {
    ...entity,
    computed: (entity.computed ?? []).filter((c) => !dropped.has(c.id)),
    ...(entity.views
      ? { views: entity.views.map((v) => ({ ...v, fieldIds: v.fieldIds.filter((id) => !dropped.has(id)) })) }
      : {}),
    resource: {
      ...entity.resource,
      operations: {
        ...entity.resource.operations,
        list: withoutUndefined({
          ...list,
          filters: list.filters.filter(keep),
          sortable: list.sortable.filter(keep),
          defaultOrder: list.defaultOrder && keep(list.defaultOrder.field) ? list.defaultOrder : undefined,
        }),
      },
    },
  };
}
