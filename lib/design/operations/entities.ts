import { z } from 'zod';
import { newEntity } from '../factories';
import { uniqueName } from '../names';
import {
  ComputedFieldSchema,
  type Design,
  EntityViewSchema,
  type FieldRef,
  IdSchema,
  PRIMARY_KEY_REF,
  PrimaryKeySchema,
  type Resource,
  UniqueConstraintSchema,
} from '../schema';
import { removeActionViews } from './actions-cleanup';
import {
  removeEntityFromCustomEndpoints,
  removeFieldRefs,
  removeLayoutNodes,
  removeRelationRefs,
  removeViewRefs,
} from './cleanup';
import { assertUniqueMembers, copyDerives } from './cleanup-derive';
import {
  copiedComputed,
  copiedResourceBlocks,
  copiedUniques,
  copiedViews,
  type FreshId,
} from './copy-blocks';
import { allIds, assertFreshId, getEntity, mapEntity, withoutUndefined } from './helpers';

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

export const AddEntityArgs = z.object({
  id: IdSchema,
  name: z.string(),
  position: PositionSchema,
  description: z.string().optional(),
  primaryKey: PrimaryKeySchema.optional(),
  timestamps: z.boolean().optional(),
});
export function addEntity(design: Design, args: z.infer<typeof AddEntityArgs>): Design {
  assertFreshId(design, args.id);
  const { id, name, position, ...props } = args;
  return {
    ...design,
    entities: [...design.entities, newEntity(id, name, withoutUndefined(props))],
    layout: { ...design.layout, nodes: { ...design.layout.nodes, [id]: { x: position.x, y: position.y } } },
  };
}

export const RenameEntityArgs = z.object({ entityId: IdSchema, name: z.string() });
/** Renames only: ids are stable, so references and the derived table name follow. */
export function renameEntity(design: Design, args: z.infer<typeof RenameEntityArgs>): Design {
  return mapEntity(design, args.entityId, (e) => ({ ...e, name: args.name }));
}

export const UpdateEntityArgs = z.object({
  entityId: IdSchema,
  patch: z.object({
    description: z.string().optional(),
    primaryKey: PrimaryKeySchema.optional(),
    timestamps: z.boolean().optional(),
    /** null goes back to the derived table name. */
    tableName: z.string().nullable().optional(),
    views: z.array(EntityViewSchema).optional(),
    computed: z.array(ComputedFieldSchema).optional(),
    uniques: z.array(UniqueConstraintSchema).optional(),
    /** null: embedded with its public fields. */
    embedViewId: IdSchema.nullable().optional(),
  }),
});
export function updateEntity(design: Design, args: z.infer<typeof UpdateEntityArgs>): Design {
  const { tableName, embedViewId, ...rest } = args.patch;
  const kept = new Set(rest.views?.map((v) => v.id));
  const dropped = rest.views
    ? (getEntity(design, args.entityId).views ?? []).filter((v) => !kept.has(v.id)).map((v) => v.id)
    : [];
  return removeViewRefs(updated(design, args), new Set(dropped));
}

function updated(design: Design, args: z.infer<typeof UpdateEntityArgs>): Design {
  const { tableName, embedViewId, ...rest } = args.patch;
  assertUniqueMembers(design, args.entityId, rest.uniques);
  return mapEntity(design, args.entityId, (e) => {
    const patched = { ...e, ...withoutUndefined(rest) };
    const next =
      embedViewId === undefined
        ? patched
        : withoutUndefined({ ...patched, embedViewId: embedViewId ?? undefined });
    // Actions answering with a view that the patch removed go back to the get response.
    const viewed = rest.views === undefined ? next : removeActionViews(next);
    if (tableName === null) return withoutUndefined({ ...viewed, tableName: undefined });
    return tableName === undefined ? viewed : { ...viewed, tableName };
  });
}

export const DeleteEntityArgs = z.object({ entityId: IdSchema });
/**
 * Removes the entity with everything that points at it: its relations (and what used them), its custom
 * endpoints, auth when it is the user entity, its layout node. Many-to-many relations that went *through* it
 * fall back to a plain association table.
 */
export function deleteEntity(design: Design, args: z.infer<typeof DeleteEntityArgs>): Design {
  const entity = getEntity(design, args.entityId);
  const touching = new Set(
    design.relations
      .filter((r) => r.fromEntityId === entity.id || r.toEntityId === entity.id)
      .map((r) => r.id),
  );
  let next: Design = {
    ...design,
    entities: design.entities.filter((e) => e.id !== entity.id),
    relations: design.relations
      .filter((r) => !touching.has(r.id))
      .map((r) =>
        r.throughEntityId === entity.id ? withoutUndefined({ ...r, throughEntityId: undefined }) : r,
      ),
    auth: design.auth?.userEntityId === entity.id ? null : design.auth,
  };
  next = removeRelationRefs(next, touching);
  next = removeFieldRefs(next, new Set(entity.fields.map((f) => f.id)));
  next = removeEntityFromCustomEndpoints(next, entity.id);
  return removeLayoutNodes(next, new Set([entity.id]));
}

export const DuplicateEntityArgs = z.object({
  entityId: IdSchema,
  /** Id of the copy; its fields get `${newId}.${originalFieldId}`, so the result is deterministic. */
  newId: IdSchema,
  name: z.string().optional(),
  position: PositionSchema.optional(),
});
/** Copies the entity and its fields. Relations are not copied, so resource refs through them are dropped. */
export function duplicateEntity(design: Design, args: z.infer<typeof DuplicateEntityArgs>): Design {
  const source = getEntity(design, args.entityId);
  const ids = allIds(design);
  assertFreshId(design, args.newId, ids);
  const fieldIds = new Map(source.fields.map((f) => [f.id, `${args.newId}.${f.id}`]));
  for (const id of fieldIds.values()) assertFreshId(design, id, ids);
  // Blocks get ids named after the copy, as its fields do; none may be taken.
  const fresh: FreshId = (_kind, old) => {
    const id = `${args.newId}.${old}`;
    assertFreshId(design, id, ids);
    ids.add(id);
    return id;
  };
  // The copy has no relations: computed fields, link actions, viewer and value lists through them stay behind.
  const mapped = new Map(fieldIds);
  const computed = copiedComputed(source, mapped, fresh);
  const remap = (ref: FieldRef): FieldRef => ({ fieldId: mapped.get(ref.fieldId) ?? ref.fieldId });
  const direct = (ref: FieldRef) =>
    ref.relationId === undefined && (ref.fieldId === PRIMARY_KEY_REF || mapped.has(ref.fieldId));
  const views = copiedViews(source, mapped);
  const viewIds = new Set((views ?? []).map((v) => v.id));
  const { list } = source.resource.operations;
  const order = list.defaultOrder && direct(list.defaultOrder.field) ? list.defaultOrder : undefined;
  const resource: Resource = {
    ...copiedResourceBlocks(source, mapped, fresh, viewIds),
    lookupFieldId:
      source.resource.lookupRelationId === undefined
        ? (fieldIds.get(source.resource.lookupFieldId) ?? source.resource.lookupFieldId)
        : PRIMARY_KEY_REF,
    embed: [],
    operations: {
      ...source.resource.operations,
      list: withoutUndefined({
        ...list,
        filters: list.filters.filter(direct).map(remap),
        sortable: list.sortable.filter(direct).map(remap),
        defaultOrder: order && { ...order, field: remap(order.field) },
      }),
    },
  };
  const name = args.name ?? uniqueName(`${source.name}Copy`, new Set(design.entities.map((e) => e.name)), '');
  const copy = {
    ...source,
    id: args.newId,
    name,
    tableName: undefined,
    fields: source.fields.map((f) => ({ ...f, id: fieldIds.get(f.id) ?? f.id })),
    // View ids are the entity's own (kept, so the operations' view choices still hold); their fields are the copies.
    views,
    computed: computed.length > 0 ? computed : undefined,
    uniques: copiedUniques(source, mapped, fresh),
    resource,
  };
  const origin = design.layout.nodes[source.id] ?? { x: 0, y: 0 };
  const position = args.position ?? { x: origin.x + 40, y: origin.y + 40 };
  return {
    ...design,
    entities: [...design.entities, copyDerives(withoutUndefined(copy), fieldIds)],
    layout: { ...design.layout, nodes: { ...design.layout.nodes, [args.newId]: position } },
  };
}
