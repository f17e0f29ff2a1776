import type { Design, Entity } from '@/lib/design/schema';
import { valueListEnd, valueListKey } from '@/lib/design/value-lists';
import type { IrEntity, IrValueList } from './types';

/**
 * The value lists of an entity's resource (`Resource.valueLists`, validated): the relationship attribute they read
 * and write, their JSON key and the target's value field.
 */
export function planValueLists(
  design: Design,
  entity: Entity,
  ir: IrEntity,
  entityById: ReadonlyMap<string, IrEntity>,
): IrValueList[] {
  return (entity.resource.valueLists ?? []).flatMap((list) => {
    const relation = design.relations.find((r) => r.id === list.relationId);
    const end = relation ? valueListEnd(relation, entity.id, list.side) : null;
    const key = valueListKey(design, entity, list);
    const target = end ? entityById.get(end.targetId) : undefined;
    const field = target?.fieldById.get(list.fieldId);
    const rel = ir.relationships.find((r) => r.relationId === list.relationId && r.attr === end?.attr);
    if (!end || key === null || !target || !field || !rel) return [];
    return [
      {
        attr: end.attr,
        key,
        relationId: list.relationId,
        targetId: target.id,
        field,
        // Written through the relationship: a through entity's (view-only) one is read only.
        writable: list.writable && !rel.viewOnly,
      },
    ];
  });
}
