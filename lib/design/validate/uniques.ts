import type { Context } from './context';

/**
 * `Entity.uniques`: each constraint lists at least two distinct columns of its entity: its fields, or the
 * foreign key of one of its many-to-one / one-to-one relations. No two constraints cover the same columns.
 */
export function checkUniques(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    const seen = new Map<string, number>();
    (entity.uniques ?? []).forEach((unique, j) => {
      const path = `entities[${i}].uniques[${j}]`;
      const bad = (message: string, at = path) => ctx.report('invalid-unique', at, message, entity.id);
      const names: string[] = [];
      unique.members.forEach((id, k) => {
        const at = `${path}.members[${k}]`;
        if (unique.members.indexOf(id) !== k) {
          bad(`A unique constraint of '${entity.name}' lists the same column twice.`, at);
          return;
        }
        const field = entity.fields.find((f) => f.id === id);
        if (field) {
          names.push(field.name);
          if (field.type === 'json')
            bad(`'${field.name}' is JSON: databases cannot compare it in a unique constraint.`, at);
          return;
        }
        const relation = ctx.relations.get(id);
        if (relation) {
          names.push(relation.fieldName);
          if (relation.kind === 'many-to-many' || relation.fromEntityId !== entity.id)
            bad(
              `'${relation.fieldName}' has no foreign key on '${entity.name}': only its many-to-one and one-to-one relations can be part of a unique constraint.`,
              at,
            );
          return;
        }
        if (ctx.fields.has(id))
          bad(`A unique constraint of '${entity.name}' lists a field of another entity.`, at);
        else
          ctx.report(
            'unknown-field',
            at,
            `A unique constraint of '${entity.name}' lists a field or relation that no longer exists.`,
            entity.id,
          );
      });
      if (new Set(unique.members).size < 2) {
        bad(
          `A unique constraint of '${entity.name}' needs at least two columns (mark a single field unique instead).`,
          `${path}.members`,
        );
        return;
      }
      const key = [...new Set(unique.members)].sort().join(',');
      const earlier = seen.get(key);
      if (earlier !== undefined)
        bad(`'${entity.name}' has this unique constraint (${names.join(', ')}) twice.`, `${path}.members`);
      else seen.set(key, j);
    });
  });
}
