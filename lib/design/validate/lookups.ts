import { type Entity, PRIMARY_KEY_REF } from '../schema';
import type { Context } from './context';

/**
 * A lookup through a relation (`Resource.lookupRelationId`): a one-to-one relation of the entity (not a
 * self-relation), and `lookupFieldId` a unique, readable field of the entity at its other end (a profile by its
 * user's username). Without `lookupRelationId` the resource checks (resources.ts) take the own-field case.
 */
export function checkLookupRelation(ctx: Context, entity: Entity, path: string): void {
  const { resource } = entity;
  const relationId = resource.lookupRelationId;
  if (relationId === undefined) return;
  const id = entity.id;
  const at = `${path}.lookupRelationId`;
  const relation = ctx.relations.get(relationId);
  if (!relation) {
    ctx.report('unknown-relation', at, `The lookup relation of '${entity.name}' no longer exists.`, id);
    return;
  }
  const involved = relation.fromEntityId === id || relation.toEntityId === id;
  if (relation.kind !== 'one-to-one' || !involved || relation.fromEntityId === relation.toEntityId) {
    ctx.report(
      'invalid-lookup-relation',
      at,
      `'${entity.name}' can be looked up only through a one-to-one relation to another entity ('${relation.fieldName}' is not one).`,
      id,
    );
    return;
  }
  const otherId = relation.fromEntityId === id ? relation.toEntityId : relation.fromEntityId;
  const other = ctx.entities.get(otherId);
  const where = `${path}.lookupFieldId`;
  const found =
    resource.lookupFieldId === PRIMARY_KEY_REF ? undefined : ctx.fields.get(resource.lookupFieldId);
  if (!found || found.entity.id !== otherId) {
    ctx.report(
      'invalid-lookup-relation',
      where,
      `'${entity.name}' is looked up through '${relation.fieldName}': the lookup field must be a field of '${other?.name ?? '?'}'.`,
      id,
    );
  } else if (found.field.type === 'password' || found.field.writeOnly) {
    ctx.report('password-exposed', where, `'${entity.name}' cannot be looked up by a write-only field.`, id);
  } else if (!found.field.unique) {
    ctx.report(
      'lookup-not-unique',
      where,
      `'${entity.name}' is looked up by '${other?.name}.${found.field.name}', which is not unique. Mark it unique.`,
      id,
    );
  }
}

/**
 * Per-relation embed views (`Resource.embedViews`): each names an embedded relation of the resource (once) and
 * a view of the entity at its other end, without owner-only fields (embeds are read by others).
 */
export function checkEmbedViews(ctx: Context, entity: Entity, path: string): void {
  const seen = new Set<string>();
  (entity.resource.embedViews ?? []).forEach((entry, k) => {
    const at = `${path}.embedViews[${k}]`;
    const id = entity.id;
    const relation = ctx.relations.get(entry.relationId);
    if (!relation) {
      ctx.report(
        'unknown-relation',
        `${at}.relationId`,
        `'${entity.name}' picks a view for a relation that no longer exists.`,
        id,
      );
      return;
    }
    if (!entity.resource.embed.includes(entry.relationId) || seen.has(entry.relationId)) {
      ctx.report(
        'invalid-embed-view',
        `${at}.relationId`,
        `'${entity.name}' picks a view for '${relation.fieldName}', which it does not embed (or picks one twice).`,
        id,
      );
      return;
    }
    seen.add(entry.relationId);
    const fromField = relation.fromEntityId === id;
    const targetId = fromField ? relation.toEntityId : relation.fromEntityId;
    const target = ctx.entities.get(targetId);
    const view = target?.views?.find((v) => v.id === entry.viewId);
    if (!target || !view) {
      ctx.report(
        'invalid-embed-view',
        `${at}.viewId`,
        `'${entity.name}' embeds '${relation.fieldName}' with a view that is not one of '${target?.name ?? '?'}' (or no longer exists).`,
        id,
      );
      return;
    }
    for (const fieldId of view.fieldIds) {
      const found = ctx.fields.get(fieldId);
      if (found?.entity.id === targetId && found.field.visibility === 'owner') {
        ctx.report(
          'private-field-in-view',
          `${at}.viewId`,
          `'${entity.name}' embeds '${relation.fieldName}' with view '${view.name}', which shows the owner-only field '${found.field.name}' to anyone.`,
          id,
        );
      }
    }
  });
}
