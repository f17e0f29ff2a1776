import { defaultResource, emptyDesign, newEntity, newField } from '../factories';
import type { Design, Entity, Relation } from '../schema';

const COLUMNS = 20;

/**
 * A large deterministic valid design for benchmarks: `entityCount` entities on a grid, four fields each,
 * and a many-to-one from every entity to its parent in a binary tree. Built directly (not through
 * operations) so a 300-entity design costs milliseconds.
 */
export function syntheticDesign(entityCount: number): Design {
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const nodes: Design['layout']['nodes'] = {};
  for (let i = 0; i < entityCount; i++) {
    const id = `entity${i}`;
    entities.push(
      newEntity(id, `Entity${i}`, {
        description: `Synthetic entity ${i}.`,
        fields: [
          newField(`${id}.name`, 'name', 'string', { constraints: { maxLength: 120 } }),
          newField(`${id}.code`, 'code', 'string', {
            unique: true,
            indexed: true,
            constraints: { maxLength: 32 },
          }),
          newField(`${id}.amount`, 'amount', 'decimal', { precision: 12, scale: 2 }),
          newField(`${id}.active`, 'active', 'boolean', { default: { kind: 'literal', value: true } }),
        ],
        resource: { ...defaultResource(), lookupFieldId: `${id}.code` },
      }),
    );
    nodes[id] = { x: (i % COLUMNS) * 300, y: Math.floor(i / COLUMNS) * 260 };
    if (i > 0) {
      relations.push({
        id: `relation${i}`,
        kind: 'many-to-one',
        fromEntityId: id,
        toEntityId: `entity${Math.floor((i - 1) / 2)}`,
        fieldName: 'parent',
        backrefName: `children_${i}`,
        nullable: true,
        onDelete: 'set-null',
      });
    }
  }
  return { ...emptyDesign(`Synthetic ${entityCount}`), entities, relations, layout: { nodes } };
}
