import type { Design, Entity, UniqueConstraint } from '../schema';
import { OperationError } from './errors';
import { withoutUndefined } from './helpers';

/**
 * Reference clean-up for derived values and composite unique constraints: a derive whose source field goes
 * is dropped (the field becomes a plain one), a removed field or relation leaves the unique constraints it
 * was part of, and a constraint left with fewer than two columns goes.
 */

function withoutMembers(entity: Entity, gone: ReadonlySet<string>): Entity {
  if (!entity.uniques?.some((u) => u.members.some((id) => gone.has(id)))) return entity;
  const uniques = entity.uniques
    .map((u) => ({ ...u, members: u.members.filter((id) => !gone.has(id)) }))
    .filter((u) => u.members.length >= 2);
  return withoutUndefined({ ...entity, uniques: uniques.length > 0 ? uniques : undefined });
}

/** After fields are removed: their derived copies and their places in unique constraints. */
export function removeDeriveAndUniqueFields(design: Design, fieldIds: ReadonlySet<string>): Design {
  const touched = design.entities.some(
    (e) =>
      e.fields.some((f) => f.derive && fieldIds.has(f.derive.fromFieldId)) ||
      e.uniques?.some((u) => u.members.some((id) => fieldIds.has(id))),
  );
  if (!touched) return design;
  return {
    ...design,
    entities: design.entities.map((e) =>
      withoutMembers(
        {
          ...e,
          fields: e.fields.map((f) =>
            f.derive && fieldIds.has(f.derive.fromFieldId)
              ? withoutUndefined({ ...f, derive: undefined })
              : f,
          ),
        },
        fieldIds,
      ),
    ),
  };
}

/** After relations are removed: their foreign keys leave the unique constraints. */
export function removeUniqueRelations(design: Design, relationIds: ReadonlySet<string>): Design {
  if (!design.entities.some((e) => e.uniques?.some((u) => u.members.some((id) => relationIds.has(id)))))
    return design;
  return { ...design, entities: design.entities.map((e) => withoutMembers(e, relationIds)) };
}

/** Every member of new unique constraints names a field of the entity or a relation (else not-found). */
export function assertUniqueMembers(
  design: Design,
  entityId: string,
  uniques: readonly UniqueConstraint[] | undefined,
): void {
  const entity = design.entities.find((e) => e.id === entityId);
  for (const id of uniques?.flatMap((u) => u.members) ?? []) {
    if (entity?.fields.some((f) => f.id === id) || design.relations.some((r) => r.id === id)) continue;
    throw new OperationError('not-found', `There is no field or relation with id '${id}'.`);
  }
}

/** The derives of an entity's copy: their sources follow the copied fields (`ids`). */
export function copyDerives(entity: Entity, ids: ReadonlyMap<string, string>): Entity {
  const fields = entity.fields.map((f) =>
    f.derive
      ? { ...f, derive: { ...f.derive, fromFieldId: ids.get(f.derive.fromFieldId) ?? f.derive.fromFieldId } }
      : f,
  );
  return { ...entity, fields };
}
