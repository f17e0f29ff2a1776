import type { Entity } from '@/lib/design/schema';
import type { IrEntity, IrField } from './types';

/** `derive` of each field, with its source field (validated: a field of the same entity, no cycles). */
export function resolveDerives(entity: Entity, ir: IrEntity): void {
  for (const field of entity.fields) {
    const target = ir.fieldById.get(field.id);
    const source = field.derive ? ir.fieldById.get(field.derive.fromFieldId) : undefined;
    if (!field.derive || !target || !source) continue;
    target.derive = { kind: field.derive.kind, source, onUpdate: field.derive.onUpdate };
  }
}

/** The derived fields of an entity, each after the derived field it is made from (a slug of a lower-cased copy). */
export function derivedInOrder(entity: IrEntity): IrField[] {
  const out: IrField[] = [];
  const placed = new Set<string>();
  const place = (field: IrField, depth: number) => {
    if (placed.has(field.id) || depth > entity.fields.length) return;
    const source = field.derive?.source;
    if (source?.derive) place(source, depth + 1);
    placed.add(field.id);
    out.push(field);
  };
  for (const field of entity.fields) if (field.derive) place(field, 0);
  return out;
}
