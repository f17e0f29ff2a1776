import type { Entity, Field, FieldType } from '../schema';
import type { Context } from './context';

const TEXT: ReadonlySet<FieldType> = new Set(['string', 'text', 'email', 'url']);

/** The column length of a text field (what a lower-cased copy must hold); text is unbounded. */
function lengthOf(field: Field): number {
  if (field.type === 'text') return Number.POSITIVE_INFINITY;
  const fallback = field.type === 'email' ? 320 : field.type === 'url' ? 2048 : 255;
  return field.constraints.maxLength ?? fallback;
}

/** Whether the chain of derives from `field` (a slug of a derived field...) comes back to it. */
function loops(entity: Entity, field: Field): boolean {
  const seen = new Set<string>([field.id]);
  let next = field.derive?.fromFieldId;
  while (next !== undefined) {
    if (seen.has(next)) return next === field.id;
    seen.add(next);
    next = entity.fields.find((f) => f.id === next)?.derive?.fromFieldId;
  }
  return false;
}

/**
 * `derive`: a server-set value from another field of the same row (slug, lower-cased copy, time of change).
 * The target must be able to hold every value the server can produce, including none.
 */
export function checkDerives(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    entity.fields.forEach((field, j) => {
      const derive = field.derive;
      if (!derive) return;
      const path = `entities[${i}].fields[${j}].derive`;
      const bad = (message: string, at = path) => ctx.report('invalid-derive', at, message, field.id);
      const found = ctx.fields.get(derive.fromFieldId);
      if (!found) {
        ctx.report(
          'unknown-field',
          `${path}.fromFieldId`,
          `'${field.name}' is derived from a field that no longer exists.`,
          field.id,
        );
        return;
      }
      const source = found.field;
      if (found.entity.id !== entity.id) {
        bad(`'${field.name}' can only be derived from a field of '${entity.name}'.`, `${path}.fromFieldId`);
        return;
      }
      if (source.id === field.id || loops(entity, field)) {
        bad(`'${field.name}' is derived from itself (through '${source.name}').`, `${path}.fromFieldId`);
        return;
      }
      if (field.copyFrom) bad(`'${field.name}' cannot be both copied from a relation and derived.`);
      if (field.default !== undefined)
        bad(`'${field.name}' is set by the server from '${source.name}': remove its default.`);
      if (field.writeOnly || field.type === 'password')
        bad(`'${field.name}' is derived: it must be returned, not write-only or a password.`);
      if (source.type === 'password' || source.writeOnly)
        bad(`'${source.name}' is never returned: nothing can be derived from it.`, `${path}.fromFieldId`);
      switch (derive.kind) {
        case 'slug':
          if (field.type !== 'string') bad(`'${field.name}' holds a slug: it must be a string field.`);
          else if ((field.constraints.maxLength ?? 255) < 8)
            bad(`'${field.name}' needs room for a slug and its '-2' suffix: a maxLength of 8 or more.`);
          if (!TEXT.has(source.type))
            bad(`A slug is made of text: '${source.name}' is ${source.type}.`, `${path}.fromFieldId`);
          break;
        case 'lower':
          if (!TEXT.has(field.type)) bad(`'${field.name}' holds lower-cased text: it must be a text field.`);
          if (!TEXT.has(source.type))
            bad(`Only text can be lower-cased: '${source.name}' is ${source.type}.`, `${path}.fromFieldId`);
          else if (TEXT.has(field.type) && lengthOf(field) < lengthOf(source))
            bad(`'${field.name}' is shorter than '${source.name}': the lower-cased copy would not fit.`);
          break;
        case 'now':
          if (field.type !== 'datetime') bad(`'${field.name}' holds a time: it must be a datetime field.`);
          if (!field.nullable)
            bad(
              `'${field.name}' is empty until '${source.name}' is set (or while it is false): make it nullable.`,
            );
          break;
      }
      if (derive.kind !== 'now' && source.nullable && !field.nullable)
        bad(`'${source.name}' may be empty, so '${field.name}' may be too: make it nullable.`);
    });
  });
}
