import type { Relation, Resource, ResourcePatch } from '@/lib/design';

/** The owner select's value: '' (none), a direct relation id, or `path:<id>,<id>` for an owner path. */
export function ownerValue(resource: Resource): string {
  if (resource.ownerPath) return `path:${resource.ownerPath.join(',')}`;
  return resource.ownerRelationId ?? '';
}

/** The resource patch of an owner select value: one of the two settings, the other cleared. */
export function ownerPatch(value: string): ResourcePatch {
  if (value.startsWith('path:')) return { ownerRelationId: null, ownerPath: value.slice(5).split(',') };
  return { ownerRelationId: value === '' ? null : value, ownerPath: null };
}

/**
 * Owner choices: a direct many-to-one to the user, or a path of to-one relations through parents to the user
 * (up to three steps), labelled `todo_list → owner`.
 */
export function ownerChoices(
  entityId: string,
  relations: readonly Relation[],
  userEntityId: string | undefined,
): { value: string; label: string }[] {
  const toOne = (from: string) =>
    relations.filter((r) => r.fromEntityId === from && r.kind !== 'many-to-many' && r.toEntityId !== from);
  const out: { value: string; label: string }[] = [];
  const walk = (at: string, path: Relation[]) => {
    for (const r of toOne(at)) {
      if (path.some((p) => p.fromEntityId === r.toEntityId) || r.toEntityId === entityId) continue;
      const next = [...path, r];
      // Without auth there is no user to end at: only direct relations are offered.
      if (r.toEntityId === userEntityId || (userEntityId === undefined && next.length === 1)) {
        const label = next.map((p) => p.fieldName || '(unnamed)').join(' → ');
        out.push(
          next.length === 1
            ? { value: r.id, label }
            : { value: `path:${next.map((p) => p.id).join(',')}`, label },
        );
      }
      if (userEntityId !== undefined && next.length < 3 && r.toEntityId !== userEntityId) {
        walk(r.toEntityId, next);
      }
    }
  };
  walk(entityId, []);
  return out;
}
