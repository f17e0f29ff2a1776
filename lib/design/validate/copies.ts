import type { Context } from './context';

/** `copyFrom`: a read-only field copied from a field of the same type on the row a to-one relation points at. */
export function checkCopies(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    entity.fields.forEach((field, j) => {
      const copy = field.copyFrom;
      if (!copy) return;
      const path = `entities[${i}].fields[${j}].copyFrom`;
      const relation = ctx.relations.get(copy.relationId);
      if (!relation) {
        ctx.report(
          'unknown-relation',
          path,
          `'${field.name}' is copied through a relation that no longer exists.`,
          field.id,
        );
        return;
      }
      const source = ctx.fields.get(copy.fieldId);
      if (!source) {
        ctx.report(
          'unknown-field',
          path,
          `'${field.name}' is copied from a field that no longer exists.`,
          field.id,
        );
        return;
      }
      if (relation.kind === 'many-to-many' || relation.fromEntityId !== entity.id) {
        ctx.report(
          'invalid-copy',
          path,
          `'${field.name}' can only be copied through a to-one relation of '${entity.name}'.`,
          field.id,
        );
      } else if (source.entity.id !== relation.toEntityId) {
        ctx.report(
          'invalid-copy',
          path,
          `'${source.field.name}' is not a field of the row '${relation.fieldName}' points at.`,
          field.id,
        );
      } else if (source.field.type !== field.type || source.field.enumId !== field.enumId) {
        ctx.report(
          'invalid-copy',
          path,
          `'${field.name}' (${field.type}) cannot hold '${source.field.name}' (${source.field.type}).`,
          field.id,
        );
      } else if (source.field.type === 'password' || source.field.writeOnly) {
        ctx.report(
          'invalid-copy',
          path,
          `'${source.field.name}' is never returned: it cannot be copied.`,
          field.id,
        );
      }
      if (!field.readOnly) {
        ctx.report(
          'invalid-copy',
          path,
          `'${field.name}' is set by the server from '${relation.fieldName}': mark it read-only.`,
          field.id,
        );
      }
    });
  });
}
