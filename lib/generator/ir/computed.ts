import { styled } from '@/lib/design/api-shape';
import { foreignKeyColumnFor } from '@/lib/design/names';
import type { ComputedField, Design, Entity, Relation } from '@/lib/design/schema';
import type { IrAssociation, IrComputed, IrComputedSource, IrEntity } from './types';

/**
 * Where the related rows of a computed field are, seen from `entity`: the rows holding a foreign key to it
 * (a many-to-one seen from its target), or the links of a many-to-many (association table or through entity).
 * Null when the relation is no to-many of the entity (validation reports it).
 */
export function computedSource(
  design: Design,
  entity: Entity,
  computed: Pick<ComputedField, 'relationId' | 'side'>,
  associations: readonly IrAssociation[],
): IrComputedSource | null {
  const relation = design.relations.find((r) => r.id === computed.relationId);
  if (!relation) return null;
  const side = computed.side ?? (relation.fromEntityId === entity.id ? 'field' : 'backref');
  const here = side === 'field' ? relation.fromEntityId : relation.toEntityId;
  if (here !== entity.id) return null;
  const targetId = side === 'field' ? relation.toEntityId : relation.fromEntityId;
  if (relation.kind === 'many-to-one') {
    if (side !== 'backref') return null;
    return { kind: 'backref', targetId, column: foreignKeyColumnFor(relation.fieldName) };
  }
  if (relation.kind !== 'many-to-many') return null;
  if (relation.throughEntityId !== undefined) return throughSource(design, relation, side, targetId);
  const table = associations.find((a) => a.relationId === relation.id);
  if (!table) return null;
  const [own, other] = side === 'field' ? [table.left, table.right] : [table.right, table.left];
  return { kind: 'association', table: table.table, own: own.column, other: other.column, targetId };
}

function throughSource(
  design: Design,
  relation: Relation,
  side: 'field' | 'backref',
  targetId: string,
): IrComputedSource | null {
  const throughId = relation.throughEntityId as string;
  // The through entity's many-to-one relations to both ends, found as the relation plan finds them.
  const links = design.relations.filter((r) => r.kind === 'many-to-one' && r.fromEntityId === throughId);
  const left = links.find((l) => l.toEntityId === relation.fromEntityId);
  const right = links.find((l) => l.toEntityId === relation.toEntityId && l !== left);
  if (!left || !right) return null;
  const [own, other] = side === 'field' ? [left, right] : [right, left];
  return {
    kind: 'through',
    throughId,
    own: foreignKeyColumnFor(own.fieldName),
    other: foreignKeyColumnFor(other.fieldName),
    targetId,
  };
}

/**
 * The computed fields of an entity (`Entity.computed`) once every entity exists: their related rows, the
 * aggregated field and the `where` field of the related entity. Computed fields the validation would refuse
 * are left out.
 */
export function planComputed(
  design: Design,
  entity: Entity,
  ir: IrEntity,
  entityById: ReadonlyMap<string, IrEntity>,
  associations: readonly IrAssociation[],
): IrComputed[] {
  return (entity.computed ?? []).flatMap((c): IrComputed[] => {
    const source = computedSource(design, entity, c, associations);
    if (!source) return [];
    const target = entityById.get(source.targetId);
    if (!target) return [];
    const aggregate = c.kind === 'sum' || c.kind === 'min' || c.kind === 'max';
    const field = aggregate && c.fieldId !== undefined ? (target.fieldById.get(c.fieldId) ?? null) : null;
    if (aggregate && !field) return [];
    const whereField = c.where ? target.fieldById.get(c.where.fieldId) : undefined;
    if (c.where && !whereField) return [];
    if (c.kind === 'viewer-linked' && design.auth?.userEntityId !== source.targetId) return [];
    const relation = design.relations.find((r) => r.id === c.relationId) as Relation;
    const side = c.side ?? (relation.fromEntityId === entity.id ? 'field' : 'backref');
    return [
      {
        id: c.id,
        name: c.name,
        api: c.apiName ?? styled(c.name, design.api.naming),
        kind: c.kind,
        description: c.description ?? '',
        source,
        relationAttr: side === 'field' ? relation.fieldName : relation.backrefName,
        field,
        where: c.where && whereField ? { field: whereField, equals: c.where.equals } : null,
        perViewer: c.kind === 'viewer-linked',
        nullable: c.kind === 'min' || c.kind === 'max',
        viewerFn: c.kind === 'viewer-linked' ? `${ir.varName}_${c.name}` : null,
      },
    ];
  });
}
