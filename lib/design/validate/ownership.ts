import type { Entity } from '../schema';
import type { Context } from './context';

/**
 * Who owns a row: the direct owner relation, an owner path (item -> list -> owner), or the row itself on the
 * auth user entity. Reports broken paths; returns whether owner rules can be resolved on the entity.
 */
export function checkOwnership(ctx: Context, entity: Entity, path: string): boolean {
  const { report, design } = ctx;
  const { resource } = entity;
  const id = entity.id;
  const isUser = design.auth?.userEntityId === id;
  if (resource.ownerPath !== undefined) {
    const where = `${path}.ownerPath`;
    if (resource.ownerRelationId !== undefined || isUser) {
      report(
        'invalid-owner-path',
        where,
        `'${entity.name}' has ${isUser ? 'itself as owner' : 'a direct owner relation'} and an owner path: keep one.`,
        id,
      );
      return false;
    }
    if (resource.ownerPath.length === 0) {
      report('invalid-owner-path', where, `The owner path of '${entity.name}' is empty.`, id);
      return false;
    }
    let at = id;
    for (const [k, relationId] of resource.ownerPath.entries()) {
      const relation = ctx.relations.get(relationId);
      if (!relation) {
        report(
          'unknown-relation',
          `${where}[${k}]`,
          `The owner path of '${entity.name}' uses a relation that no longer exists.`,
          id,
        );
        return false;
      }
      if (relation.kind === 'many-to-many' || relation.fromEntityId !== at || relation.toEntityId === at) {
        const from = ctx.entities.get(at)?.name ?? at;
        report(
          'invalid-owner-path',
          `${where}[${k}]`,
          `The owner path of '${entity.name}' must follow to-one relations from '${from}' to another entity; '${relation.fieldName}' does not.`,
          id,
        );
        return false;
      }
      at = relation.toEntityId;
    }
    if (design.auth && at !== design.auth.userEntityId) {
      report(
        'invalid-owner-path',
        where,
        `The owner path of '${entity.name}' must end at the user entity.`,
        id,
      );
      return false;
    }
  }
  checkPublicRows(ctx, entity, path);
  return isUser || resource.ownerRelationId !== undefined || resource.ownerPath !== undefined;
}

function checkPublicRows(ctx: Context, entity: Entity, path: string): void {
  const fieldId = entity.resource.publicRowsFieldId;
  if (fieldId === undefined) return;
  const where = `${path}.publicRowsFieldId`;
  const field = entity.fields.find((f) => f.id === fieldId);
  if (!field) {
    ctx.report(
      'unknown-field',
      where,
      `The field marking public rows of '${entity.name}' no longer exists.`,
      entity.id,
    );
    return;
  }
  if (field.type !== 'boolean') {
    ctx.report(
      'invalid-public-rows',
      where,
      `Public rows of '${entity.name}' are marked by '${field.name}', which must be a boolean.`,
      field.id,
    );
  }
  const owned = entity.resource.ownerRelationId !== undefined || entity.resource.ownerPath !== undefined;
  if (!owned) {
    ctx.report(
      'invalid-public-rows',
      where,
      `'${entity.name}' marks public rows with '${field.name}', but has no owner to see the others. Set an owner relation.`,
      entity.id,
    );
  }
}

/** Updates and deletes of the auth user by anyone signed in (or anyone at all) are account takeovers. */
export function checkUserWrites(ctx: Context, entity: Entity, path: string): void {
  if (ctx.design.auth?.userEntityId !== entity.id) return;
  for (const name of ['update', 'delete'] as const) {
    const op = entity.resource.operations[name];
    if (!op.enabled || (op.access.kind !== 'public' && op.access.kind !== 'authenticated')) continue;
    ctx.report(
      'user-writable-by-others',
      `${path}.operations.${name}.access`,
      `'${name}' of '${entity.name}' is open to ${op.access.kind === 'public' ? 'everyone' : 'every signed-in user'}: anyone could ${name === 'update' ? "change another person's email and password" : 'delete another account'}. Use 'owner' (the user themself) or a role.`,
      entity.id,
    );
  }
}

/**
 * A list filter, sort or lookup on an owner-only field lets anyone probe values they may not read (is there a
 * post by ada@example.com?) unless the operation is limited to the owner or a role.
 */
export function checkPrivateRefs(ctx: Context, entity: Entity, path: string): void {
  const { resource } = entity;
  const isPrivate = (fieldId: string) => {
    const found = ctx.fields.get(fieldId);
    return found?.field.visibility === 'owner' && !found.field.writeOnly ? found.field : undefined;
  };
  const open = (kind: string) => kind === 'public' || kind === 'authenticated';
  const list = resource.operations.list;
  if (list.enabled && open(list.access.kind)) {
    const refs = [
      ...list.filters.map((ref, k) => ({ ref, where: `filters[${k}]`, use: 'filtered' })),
      ...list.sortable.map((ref, k) => ({ ref, where: `sortable[${k}]`, use: 'sorted' })),
    ];
    for (const { ref, where, use } of refs) {
      const field = isPrivate(ref.fieldId);
      if (!field) continue;
      ctx.report(
        'private-field-exposed',
        `${path}.operations.list.${where}`,
        `'${entity.name}' is ${use} by '${field.name}', which only its owner may see: anyone could probe its values. Limit the list to the owner or a role, or make the field public.`,
        entity.id,
      );
    }
  }
  const lookup = isPrivate(resource.lookupFieldId);
  const itemOps = (['get', 'update', 'delete'] as const).filter((name) => {
    const op = resource.operations[name];
    return op.enabled && open(op.access.kind);
  });
  if (lookup && itemOps.length > 0) {
    ctx.report(
      'private-field-exposed',
      `${path}.lookupFieldId`,
      `'${entity.name}' is looked up by '${lookup.name}', which only its owner may see: item URLs would reveal it. Look it up by another unique field or the id.`,
      entity.id,
    );
  }
}

/** Reads of `entity` are limited to the row's owner: its get, or its list when it has no get. */
function ownerOnlyReads(ctx: Context, entity: Entity): boolean {
  const { resource } = entity;
  const owned =
    resource.ownerRelationId !== undefined ||
    resource.ownerPath !== undefined ||
    ctx.design.auth?.userEntityId === entity.id;
  const { get, list } = resource.operations;
  const read = get.enabled ? get.access : list.enabled ? list.access : null;
  return owned && read?.kind === 'owner';
}

/**
 * A public create or update whose body names a row only its owner may read: the reference check needs a caller
 * who owns the row, and an anonymous one never does, so every request with the field set is refused.
 */
export function checkPublicWrites(ctx: Context, entity: Entity, path: string): void {
  for (const name of ['create', 'update'] as const) {
    const op = entity.resource.operations[name];
    if (!op.enabled || op.access.kind !== 'public') continue;
    for (const relation of ctx.design.relations) {
      if (relation.kind === 'many-to-many' || relation.fromEntityId !== entity.id) continue;
      if (relation.id === entity.resource.ownerRelationId) continue;
      const target = ctx.entities.get(relation.toEntityId);
      if (!target || !ownerOnlyReads(ctx, target)) continue;
      ctx.report(
        'public-write-to-owned',
        `${path}.operations.${name}.access`,
        `'${name}' of '${entity.name}' is open to everyone, but '${relation.fieldName}' points at '${target.name}' rows only their owner may read: an anonymous caller owns none, so it is always refused. Require sign-in, or make '${target.name}' readable.`,
        entity.id,
      );
    }
  }
}
