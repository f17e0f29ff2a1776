import { z } from 'zod';
import { defaultAuthApi } from '../factories';
import {
  type AccessRule,
  AuthSchema,
  CustomEndpointSchema,
  type Design,
  type FieldRef,
  IdSchema,
  ListOperationSchema,
  PRIMARY_KEY_REF,
  type Resource,
  ResourceSchema,
  ResourceShapeSchema,
  SimpleOperationSchema,
} from '../schema';
import { OperationError } from './errors';
import {
  assertFreshId,
  getEntity,
  getField,
  getFieldOwner,
  getRelation,
  mapEntity,
  withoutUndefined,
} from './helpers';

/** Sortable fields and orders may also name a computed field (sort by a count). */
function assertFieldRef(design: Design, ref: FieldRef): void {
  if (ref.relationId !== undefined) getRelation(design, ref.relationId);
  // A computed field stands where a field of its entity does (sorts, default orders).
  const computed =
    ref.relationId === undefined &&
    design.entities.some((e) => e.computed?.some((c) => c.id === ref.fieldId));
  if (ref.fieldId !== PRIMARY_KEY_REF && !computed) getFieldOwner(design, ref.fieldId);
}

/** `viewId: null` goes back to the full (or public) response. */
const SimplePatch = SimpleOperationSchema.partial().extend({ viewId: IdSchema.nullable().optional() });
export const ResourcePatchSchema = z.object({
  /** null goes back to the derived path. */
  path: z.string().nullable().optional(),
  lookupFieldId: IdSchema.optional(),
  ownerRelationId: IdSchema.nullable().optional(),
  ownerPath: z.array(IdSchema).nullable().optional(),
  publicRowsFieldId: IdSchema.nullable().optional(),
  embed: z.array(IdSchema).optional(),
  /** null: the relation's own entity. */
  lookupRelationId: IdSchema.nullable().optional(),
  embedViews: ResourceSchema.shape.embedViews.unwrap().optional(),
  valueLists: ResourceSchema.shape.valueLists.unwrap().optional(),
  actions: ResourceSchema.shape.actions.unwrap().optional(),
  viewerLists: ResourceSchema.shape.viewerLists.unwrap().optional(),
  /** null: not nested. */
  parentRelationId: IdSchema.nullable().optional(),
  /** null: the project's shape for every key (`setApiShape`). */
  shape: ResourceShapeSchema.nullable().optional(),
  operations: z
    .object({
      list: ListOperationSchema.partial()
        .extend({
          defaultOrder: ListOperationSchema.shape.defaultOrder.unwrap().nullable().optional(),
          viewId: IdSchema.nullable().optional(),
        })
        .optional(),
      get: SimplePatch.optional(),
      create: SimplePatch.optional(),
      update: SimplePatch.optional(),
      delete: SimplePatch.optional(),
    })
    .optional(),
});
export type ResourcePatch = z.infer<typeof ResourcePatchSchema>;

/** Applies a patch; null clears an optional setting. */
function merge<T extends object>(base: T, patch: object | undefined): T {
  if (!patch) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) merged[key] = value === null ? undefined : value;
  }
  return withoutUndefined(merged as T);
}

export const UpdateResourceArgs = z.object({ entityId: IdSchema, patch: ResourcePatchSchema });
/** Endpoint settings of one entity. Ids must exist; whether they make sense is validateDesign's call. */
export function updateResource(design: Design, args: z.infer<typeof UpdateResourceArgs>): Design {
  const entity = getEntity(design, args.entityId);
  const { operations, ...top } = args.patch;
  // Through a lookup relation the lookup field is the related entity's: it only has to exist.
  const lookupRelation =
    top.lookupRelationId === null ? undefined : (top.lookupRelationId ?? entity.resource.lookupRelationId);
  if (typeof top.lookupRelationId === 'string') getRelation(design, top.lookupRelationId);
  if (top.lookupFieldId !== undefined && top.lookupFieldId !== PRIMARY_KEY_REF) {
    if (lookupRelation === undefined) getField(entity, top.lookupFieldId);
    else getFieldOwner(design, top.lookupFieldId);
  }
  for (const ref of [...(top.embedViews ?? []), ...(top.viewerLists ?? []).flatMap((l) => l.path)])
    getRelation(design, ref.relationId);
  if (typeof top.ownerRelationId === 'string') getRelation(design, top.ownerRelationId);
  if (typeof top.parentRelationId === 'string') getRelation(design, top.parentRelationId);
  for (const id of [...(top.embed ?? []), ...(top.ownerPath ?? [])]) getRelation(design, id);
  if (typeof top.publicRowsFieldId === 'string') getField(entity, top.publicRowsFieldId);
  const list = operations?.list;
  for (const ref of [...(list?.filters ?? []), ...(list?.sortable ?? [])]) assertFieldRef(design, ref);
  if (list?.defaultOrder) assertFieldRef(design, list.defaultOrder.field);
  return mapEntity(design, entity.id, (e) => {
    const ops = e.resource.operations;
    let resource: Resource = merge(e.resource, top);
    // Without its relation, a lookup by the related row's field goes back to the id.
    if (resource.lookupRelationId === undefined && !e.fields.some((f) => f.id === resource.lookupFieldId))
      resource = { ...resource, lookupFieldId: PRIMARY_KEY_REF };
    // An embed view only applies to a relation that is still embedded.
    if (resource.embedViews)
      resource = {
        ...resource,
        embedViews: resource.embedViews.filter((v) => resource.embed.includes(v.relationId)),
      };
    resource.operations = {
      list: merge(ops.list, operations?.list),
      get: merge(ops.get, operations?.get),
      create: merge(ops.create, operations?.create),
      update: merge(ops.update, operations?.update),
      delete: merge(ops.delete, operations?.delete),
    };
    return { ...e, resource };
  });
}

function assertEndpointRefs(design: Design, endpoint: Partial<z.infer<typeof CustomEndpointSchema>>): void {
  for (const id of [endpoint.entityId, endpoint.request?.entityId, endpoint.response?.entityId]) {
    if (id) getEntity(design, id);
  }
}

export const AddCustomEndpointArgs = z.object({ endpoint: CustomEndpointSchema });
export function addCustomEndpoint(design: Design, args: z.infer<typeof AddCustomEndpointArgs>): Design {
  assertFreshId(design, args.endpoint.id);
  assertEndpointRefs(design, args.endpoint);
  return { ...design, customEndpoints: [...design.customEndpoints, args.endpoint] };
}

export const UpdateCustomEndpointArgs = z.object({
  endpointId: IdSchema,
  /** Optional props (`entityId`, `request`, `response`, `query`) take null to clear them. */
  patch: z.object({
    entityId: IdSchema.nullable().optional(),
    method: CustomEndpointSchema.shape.method.optional(),
    path: z.string().optional(),
    summary: z.string().optional(),
    access: CustomEndpointSchema.shape.access.optional(),
    request: CustomEndpointSchema.shape.request.unwrap().nullable().optional(),
    response: CustomEndpointSchema.shape.response.unwrap().nullable().optional(),
    query: CustomEndpointSchema.shape.query.unwrap().nullable().optional(),
  }),
});
export function updateCustomEndpoint(design: Design, args: z.infer<typeof UpdateCustomEndpointArgs>): Design {
  if (!design.customEndpoints.some((c) => c.id === args.endpointId)) {
    throw new OperationError('not-found', `There is no custom endpoint with id '${args.endpointId}'.`);
  }
  const { patch } = args;
  assertEndpointRefs(design, {
    entityId: patch.entityId ?? undefined,
    request: patch.request ?? undefined,
    response: patch.response ?? undefined,
  });
  return {
    ...design,
    customEndpoints: design.customEndpoints.map((c) => (c.id === args.endpointId ? merge(c, patch) : c)),
  };
}

export const DeleteCustomEndpointArgs = z.object({ endpointId: IdSchema });
export function deleteCustomEndpoint(design: Design, args: z.infer<typeof DeleteCustomEndpointArgs>): Design {
  if (!design.customEndpoints.some((c) => c.id === args.endpointId)) {
    throw new OperationError('not-found', `There is no custom endpoint with id '${args.endpointId}'.`);
  }
  return { ...design, customEndpoints: design.customEndpoints.filter((c) => c.id !== args.endpointId) };
}

/** `api` may be left out: the current auth API is kept (the default one when auth is new). */
export const SetAuthArgs = z.object({
  auth: AuthSchema.extend({ api: AuthSchema.shape.api.optional() }).nullable(),
});
/**
 * null switches authentication off. The fields must exist; that they fit is validateDesign's call.
 * Secure defaults for what becomes the auth user: a newly chosen login field is owner-only (the user's
 * sign-in name is not everyone's to read), and updates/deletes open to anyone become the user's own.
 */
export function setAuth(design: Design, args: z.infer<typeof SetAuthArgs>): Design {
  const { auth } = args;
  if (!auth) return { ...design, auth: null };
  const user = getEntity(design, auth.userEntityId);
  for (const id of [auth.loginFieldId, auth.passwordFieldId, auth.roleFieldId]) if (id) getField(user, id);
  const newUser = design.auth?.userEntityId !== auth.userEntityId;
  const loginChanged = newUser || design.auth?.loginFieldId !== auth.loginFieldId;
  const next = mapEntity(design, user.id, (e) => {
    const fields = loginChanged
      ? e.fields.map((f) => (f.id === auth.loginFieldId ? { ...f, visibility: 'owner' as const } : f))
      : e.fields;
    if (!newUser) return { ...e, fields };
    const ops = e.resource.operations;
    const own = <T extends { access: AccessRule }>(op: T): T =>
      op.access.kind === 'public' || op.access.kind === 'authenticated'
        ? { ...op, access: { kind: 'owner' } }
        : op;
    return {
      ...e,
      fields,
      resource: { ...e.resource, operations: { ...ops, update: own(ops.update), delete: own(ops.delete) } },
    };
  });
  const api = auth.api ?? design.auth?.api ?? defaultAuthApi();
  return { ...next, auth: withoutUndefined({ ...auth, api }) };
}

export const RenameDesignArgs = z.object({ name: z.string() });
export function renameDesign(design: Design, args: z.infer<typeof RenameDesignArgs>): Design {
  return { ...design, name: args.name };
}

/**
 * A new custom endpoint to add: GET with a path not yet taken at that place (`/action`, `/action-2`; relative
 * to the entity's resource path when it has one), open to signed-in users when the design has auth.
 */
export function customEndpointDraft(design: Design, args: { id: string; entityId?: string }) {
  const taken = new Set(
    design.customEndpoints.filter((c) => c.entityId === args.entityId).map((c) => c.path),
  );
  let path = '/action';
  for (let n = 2; taken.has(path); n++) path = `/action-${n}`;
  const endpoint: z.infer<typeof CustomEndpointSchema> = {
    id: args.id,
    method: 'GET',
    path,
    summary: '',
    access: design.auth ? { kind: 'authenticated' } : { kind: 'public' },
  };
  if (args.entityId !== undefined) endpoint.entityId = args.entityId;
  return endpoint;
}
