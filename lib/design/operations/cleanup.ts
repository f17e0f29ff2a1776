import type { Design, Entity, FieldRef, Resource } from '../schema';
import { PRIMARY_KEY_REF } from '../schema';
import { removeActionFields, removeActionRelations } from './actions-cleanup';
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

/** Drops owner rules, embeds, filters, sorts and copies that go through the given relations. */
export function removeRelationRefs(design: Design, relationIds: ReadonlySet<string>): Design {
  if (relationIds.size === 0) return design;
  const copies = removeActionRelations(
    removeCopies(design, (c) => relationIds.has(c.relationId)),
    relationIds,
  );
  return mapResources(copies, (resource) => {
    const cleaned = filterRefs(
      resource,
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
    });
  });
}

/** Drops lookups (back to the primary key), filters, sorts and auth settings that use the given fields. */
export function removeFieldRefs(design: Design, fieldIds: ReadonlySet<string>): Design {
  if (fieldIds.size === 0) return design;
  const copies = removeActionFields(
    removeViewFields(
      removeCopies(design, (c) => fieldIds.has(c.fieldId)),
      fieldIds,
    ),
    fieldIds,
  );
  const cleaned = mapResources(copies, (resource) => {
    const refs = filterRefs(resource, (ref) => !fieldIds.has(ref.fieldId));
    const next =
      refs.publicRowsFieldId && fieldIds.has(refs.publicRowsFieldId)
        ? withoutUndefined({ ...refs, publicRowsFieldId: undefined })
        : refs;
    return fieldIds.has(next.lookupFieldId) ? { ...next, lookupFieldId: PRIMARY_KEY_REF } : next;
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
