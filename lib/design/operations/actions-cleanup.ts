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

/**
 * The actions of a pasted copy through the copy's ids (`ids`: old -> new), each with a fresh id; an action naming
 * something left behind goes (a link through a relation not copied), a set value likewise, a view the copy
 * lacks falls back.
 */
export function copiedActions(
  actions: readonly ResourceAction[] | undefined,
  ids: ReadonlyMap<string, string>,
  freshId: (old: string) => string,
  views: ReadonlySet<string> = new Set(),
): ResourceAction[] | undefined {
  const copies = (actions ?? []).flatMap((a): ResourceAction[] => {
    const base = {
      id: freshId(a.id),
      viewId: a.viewId !== undefined && views.has(a.viewId) ? a.viewId : undefined,
    };
    if (a.kind === 'link') {
      const relationId = ids.get(a.relationId);
      return relationId ? [withoutUndefined({ ...a, ...base, relationId })] : [];
    }
    const sets = a.sets.flatMap((s) => {
      const fieldId = ids.get(s.fieldId);
      return fieldId ? [{ ...s, fieldId }] : [];
    });
    return sets.length > 0 ? [withoutUndefined({ ...a, ...base, sets })] : [];
  });
  return copies.length > 0 ? copies : undefined;
}
