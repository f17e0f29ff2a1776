import { foreignKeyColumnFor } from './names';
import type { Design, Entity, Relation } from './schema';

/**
 * Every name an entity's generated model uses: columns (primary key, timestamps, fields, FK columns) and
 * relationship attributes from both sides. Two members with one name collide in the generated code.
 */
export type Member = {
  name: string;
  kind: 'primary-key' | 'timestamp' | 'field' | 'fk-column' | 'relation' | 'backref';
  elementId: string;
};

export function entityMembers(design: Design, entity: Entity): Member[] {
  const members: Member[] = [{ name: 'id', kind: 'primary-key', elementId: entity.id }];
  if (entity.timestamps) {
    members.push({ name: 'created_at', kind: 'timestamp', elementId: entity.id });
    members.push({ name: 'updated_at', kind: 'timestamp', elementId: entity.id });
  }
  for (const field of entity.fields) members.push({ name: field.name, kind: 'field', elementId: field.id });
  for (const relation of design.relations) {
    if (relation.fromEntityId === entity.id) {
      members.push({ name: relation.fieldName, kind: 'relation', elementId: relation.id });
      if (holdsForeignKey(relation)) {
        members.push({
          name: foreignKeyColumnFor(relation.fieldName),
          kind: 'fk-column',
          elementId: relation.id,
        });
      }
    }
    if (relation.toEntityId === entity.id) {
      members.push({ name: relation.backrefName, kind: 'backref', elementId: relation.id });
    }
  }
  return members;
}

export function holdsForeignKey(relation: Relation): boolean {
  return relation.kind !== 'many-to-many';
}

/** The entity at the other end of `relation` seen from `entityId` (the same one for a self-relation). */
export function otherEnd(relation: Relation, entityId: string): string | undefined {
  if (relation.fromEntityId === entityId) return relation.toEntityId;
  if (relation.toEntityId === entityId) return relation.fromEntityId;
  return undefined;
}
