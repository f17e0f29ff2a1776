import { fieldApiName, styled } from './api-shape';
import { foreignKeyColumnFor } from './names';
import type { Design, Entity, Relation, RelationSide, ValueList } from './schema';

/**
 * The end of a many-to-many a value list of `entity` reads: the relationship attribute on `entity` and the entity
 * at the other end. `side` picks the end of a self-relation (`field`: leaving through `fieldName`); elsewhere the end
 * is the one `entity` is on. Null when the relation does not touch the entity (or `side` contradicts it).
 */
export function valueListEnd(
  relation: Relation,
  entityId: string,
  side: RelationSide | undefined,
): { attr: string; targetId: string } | null {
  const fromHere = relation.fromEntityId === entityId;
  const toHere = relation.toEntityId === entityId;
  const leave = side ?? (fromHere ? 'field' : toHere ? 'backref' : null);
  if (leave === 'field' && fromHere) return { attr: relation.fieldName, targetId: relation.toEntityId };
  if (leave === 'backref' && toHere) return { attr: relation.backrefName, targetId: relation.fromEntityId };
  return null;
}

/** The JSON key of a value list: its `apiName`, or the relation attribute in the naming style (`tags`). */
export function valueListKey(design: Design, entity: Entity, list: ValueList): string | null {
  const relation = design.relations.find((r) => r.id === list.relationId);
  const end = relation ? valueListEnd(relation, entity.id, list.side) : null;
  if (!end) return null;
  return list.apiName ?? styled(end.attr, design.api.naming);
}

/** JSON keys the entity's responses already use besides value lists: fields, FK columns, embeds. */
export function responseKeys(design: Design, entity: Entity): Map<string, string> {
  const keys = new Map<string, string>();
  const naming = design.api.naming;
  keys.set(styled('id', naming), 'the primary key');
  for (const field of entity.fields) keys.set(fieldApiName(field, naming), `field '${field.name}'`);
  if (entity.timestamps) {
    keys.set(design.api.timestamps.created ?? styled('created_at', naming), 'a timestamp');
    keys.set(design.api.timestamps.updated ?? styled('updated_at', naming), 'a timestamp');
  }
  for (const relation of design.relations) {
    if (relation.kind !== 'many-to-many' && relation.fromEntityId === entity.id)
      keys.set(
        styled(foreignKeyColumnFor(relation.fieldName), naming),
        `the foreign key of '${relation.fieldName}'`,
      );
  }
  for (const relationId of entity.resource.embed) {
    const relation = design.relations.find((r) => r.id === relationId);
    if (!relation) continue;
    const attr = relation.fromEntityId === entity.id ? relation.fieldName : relation.backrefName;
    keys.set(styled(attr, naming), `the embedded relation '${attr}'`);
  }
  return keys;
}
