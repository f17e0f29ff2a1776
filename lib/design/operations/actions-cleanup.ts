import type { Design, Entity, ResourceAction } from '../schema';
import { withoutUndefined } from './helpers';

/** Clean-up of `Resource.actions` when what they name goes (called from `cleanup.ts` and `updateEntity`). */

function mapActions(
  design: Design,
  update: (actions: ResourceAction[], entity: Entity) => ResourceAction[],
): Design {
  if (!design.entities.some((e) => (e.resource.actions ?? []).length > 0)) return design;
  return {
    ...design,
    entities: design.entities.map((e) =>
      e.resource.actions ? { ...e, resource: { ...e.resource, actions: update(e.resource.actions, e) } } : e,
    ),
  };
}

/** Link actions through a removed relation go; `viewer` values set into one are dropped from set actions. */
export function removeActionRelations(design: Design, relationIds: ReadonlySet<string>): Design {
  return mapActions(design, (actions) =>
    actions.flatMap((a): ResourceAction[] => {
      if (a.kind === 'link') return relationIds.has(a.relationId) ? [] : [a];
      return [{ ...a, sets: a.sets.filter((s) => s.value.kind !== 'viewer' || !relationIds.has(s.fieldId)) }];
    }),
  );
}

/** Removed fields are no longer set (an action left setting nothing is reported, not dropped). */
export function removeActionFields(design: Design, fieldIds: ReadonlySet<string>): Design {
  return mapActions(design, (actions) =>
    actions.map((a) =>
      a.kind === 'set'
        ? { ...a, sets: a.sets.filter((s) => s.value.kind === 'viewer' || !fieldIds.has(s.fieldId)) }
        : a,
    ),
  );
}

/** Actions of an entity answering with a view it no longer has go back to the resource's get response. */
export function removeActionViews(entity: Entity): Entity {
  const actions = entity.resource.actions;
  const views = new Set((entity.views ?? []).map((v) => v.id));
  if (!actions?.some((a) => a.viewId !== undefined && !views.has(a.viewId))) return entity;
  return {
    ...entity,
    resource: {
      ...entity.resource,
      actions: actions.map((a) =>
        a.viewId !== undefined && !views.has(a.viewId) ? withoutUndefined({ ...a, viewId: undefined }) : a,
      ),
    },
  };
}
