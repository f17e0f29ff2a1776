import type { Design, Entity, FieldRef, Resource, ValueList } from '../schema';
import { PRIMARY_KEY_REF } from '../schema';
import { removeActionFields, removeActionRelations } from './actions-cleanup';
import { removeDeriveAndUniqueFields, removeUniqueRelations } from './cleanup-derive';
import { removeComputedRefs } from './computed-cleanup';
import { withoutUndefined } from './helpers';

/** Reference clean-up shared by the delete operations, so a delete never leaves a dangling id behind. */

function mapResources(design: Design, update: (resource: Resource, entity: Entity) => Resource): Design {
  return { ...design, entities: design.entities.map((e) => ({ ...e, resource: update(e.resource, e) })) };
}

function filterRefs(resource: Resource, keep: (ref: FieldRef) => boolean): Resource {
  const list = resource.operations.list;
  const order = list.defaultOrder && keep(list.defaultOrder.field) ? list.defaultOrder : undefined;
  return {
    ...resource,
    operations: {
      ...resource.operations,
      list: withoutUndefined({
        ...list,
        filters: list.filters.filter(keep),
        sortable: list.sortable.filter(keep),
        defaultOrder: order,
      }),
    },
  };
}

/** Drops `copyFrom` settings that use a removed relation or field. */
function removeCopies(
  design: Design,
  gone: (copy: { relationId: string; fieldId: string }) => boolean,
): Design {
  if (!design.entities.some((e) => e.fields.some((f) => f.copyFrom && gone(f.copyFrom)))) return design;
  return {
    ...design,
    entities: design.entities.map((e) => ({
      ...e,
      fields: e.fields.map((f) =>
        f.copyFrom && gone(f.copyFrom) ? withoutUndefined({ ...f, copyFrom: undefined }) : f,
      ),
    })),
  };
}

/** Takes removed fields out of the entities' views. */
function removeViewFields(design: Design, fieldIds: ReadonlySet<string>): Design {
  if (!design.entities.some((e) => e.views?.some((v) => v.fieldIds.some((id) => fieldIds.has(id)))))
    return design;
  return {
    ...design,
    entities: design.entities.map((e) =>
      e.views
        ? {
            ...e,
            views: e.views.map((v) => ({ ...v, fieldIds: v.fieldIds.filter((id) => !fieldIds.has(id)) })),
          }
        : e,
    ),
  };
}

/** The resource without the value lists `gone` picks (none left: no `valueLists` at all). */
function dropValueLists(resource: Resource, gone: (list: ValueList) => boolean): Resource {
  const lists = resource.valueLists;
  if (!lists?.some(gone)) return resource;
  const kept = lists.filter((list) => !gone(list));
  return withoutUndefined({ ...resource, valueLists: kept.length > 0 ? kept : undefined });
}

/** Drops owner rules, embeds, filters, sorts, value lists and copies that go through the given relations. */
export function removeRelationRefs(design: Design, relationIds: ReadonlySet<string>): Design {
  if (relationIds.size === 0) return design;
  const copies = removeActionRelations(
    removeUniqueRelations(
      removeCopies(removeComputedRefs(design, { relationIds }), (c) => relationIds.has(c.relationId)),
      relationIds,
    ),
    relationIds,
  );
  return mapResources(copies, (resource) => {
    const cleaned = filterRefs(
      dropValueLists(resource, (list) => relationIds.has(list.relationId)),
      (ref) => ref.relationId === undefined || !relationIds.has(ref.relationId),
    );
    return withoutUndefined({
      ...cleaned,
      ownerRelationId:
        cleaned.ownerRelationId && relationIds.has(cleaned.ownerRelationId)
          ? undefined
          : cleaned.ownerRelationId,
      ownerPath: cleaned.ownerPath?.some((id) => relationIds.has(id)) ? undefined : cleaned.ownerPath,
      parentRelationId:
        cleaned.parentRelationId && relationIds.has(cleaned.parentRelationId)
          ? undefined
          : cleaned.parentRelationId,
      embed: cleaned.embed.filter((id) => !relationIds.has(id)),
      ...behaviourRelationRefs(cleaned, relationIds),
    });
  });
}

/**
 * What viewer lists, relation lookups and embed views lose with a relation: lists whose path uses it go, a
 * lookup through it goes back to the id, its embed view goes.
 */
function behaviourRelationRefs(resource: Resource, relationIds: ReadonlySet<string>): Partial<Resource> {
  const patch: Partial<Resource> = {};
  if (resource.viewerLists?.some((l) => l.path.some((h) => relationIds.has(h.relationId))))
    patch.viewerLists = resource.viewerLists.filter(
      (l) => !l.path.some((h) => relationIds.has(h.relationId)),
    );
  if (resource.lookupRelationId && relationIds.has(resource.lookupRelationId)) {
    patch.lookupRelationId = undefined;
    patch.lookupFieldId = PRIMARY_KEY_REF;
  }
  if (resource.embedViews?.some((v) => relationIds.has(v.relationId)))
    patch.embedViews = resource.embedViews.filter((v) => !relationIds.has(v.relationId));
  return patch;
}

/** Drops lookups (back to the primary key), filters, sorts, value lists and auth settings that use the given fields. */
export function removeFieldRefs(design: Design, fieldIds: ReadonlySet<string>): Design {
  if (fieldIds.size === 0) return design;
  const copies = removeActionFields(
    removeDeriveAndUniqueFields(
      removeViewFields(
        removeCopies(removeComputedRefs(design, { fieldIds }), (c) => fieldIds.has(c.fieldId)),
        fieldIds,
      ),
      fieldIds,
    ),
    fieldIds,
  );
  const cleaned = mapResources(copies, (resource) => {
    const refs = filterRefs(
      dropValueLists(resource, (list) => fieldIds.has(list.fieldId)),
      (ref) => !fieldIds.has(ref.fieldId),
    );
    const next =
      refs.publicRowsFieldId && fieldIds.has(refs.publicRowsFieldId)
        ? withoutUndefined({ ...refs, publicRowsFieldId: undefined })
        : refs;
    // A lookup by a removed field goes back to the id (and no longer goes through a relation).
    return fieldIds.has(next.lookupFieldId)
      ? withoutUndefined({ ...next, lookupFieldId: PRIMARY_KEY_REF, lookupRelationId: undefined })
      : next;
  });
  const auth = cleaned.auth;
  if (!auth) return cleaned;
  // Auth cannot work without its login or password field: it is switched off rather than left dangling.
  if (fieldIds.has(auth.loginFieldId) || fieldIds.has(auth.passwordFieldId))
    return { ...cleaned, auth: null };
  if (auth.roleFieldId && fieldIds.has(auth.roleFieldId)) {
    return { ...cleaned, auth: withoutUndefined({ ...auth, roleFieldId: undefined }) };
  }
  return cleaned;
}

/** Removed views leave the embed views that picked them (the default view applies) and the viewer lists. */
export function removeViewRefs(design: Design, viewIds: ReadonlySet<string>): Design {
  if (viewIds.size === 0) return design;
  return mapResources(design, (resource) => {
    const embeds = resource.embedViews?.some((v) => viewIds.has(v.viewId));
    const lists = resource.viewerLists?.some((l) => l.viewId !== undefined && viewIds.has(l.viewId));
    if (!embeds && !lists) return resource;
    return withoutUndefined({
      ...resource,
      embedViews: resource.embedViews?.filter((v) => !viewIds.has(v.viewId)),
      viewerLists: resource.viewerLists?.map((l) =>
        l.viewId !== undefined && viewIds.has(l.viewId) ? withoutUndefined({ ...l, viewId: undefined }) : l,
      ),
    });
  });
}

export function removeLayoutNodes(design: Design, ids: ReadonlySet<string>): Design {
  const nodes = Object.fromEntries(Object.entries(design.layout.nodes).filter(([id]) => !ids.has(id)));
  return { ...design, layout: { ...design.layout, nodes } };
}

/** Custom endpoints attached to the entity go; request/response references to it are dropped. */
export function removeEntityFromCustomEndpoints(design: Design, entityId: string): Design {
  return {
    ...design,
    customEndpoints: design.customEndpoints
      .filter((endpoint) => endpoint.entityId !== entityId)
      .map((endpoint) =>
        withoutUndefined({
          ...endpoint,
          request: endpoint.request?.entityId === entityId ? undefined : endpoint.request,
          response: endpoint.response?.entityId === entityId ? undefined : endpoint.response,
        }),
      ),
  };
}
