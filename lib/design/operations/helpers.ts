import type { Design, DesignEnum, Entity, Field, Relation } from '../schema';
import { OperationError } from './errors';

/** Every element id in the design; ids are unique across kinds so one can select anything by id. */
export function allIds(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const entity of design.entities) {
    ids.add(entity.id);
    for (const field of entity.fields) ids.add(field.id);
    for (const computed of entity.computed ?? []) ids.add(computed.id);
    for (const unique of entity.uniques ?? []) ids.add(unique.id);
    for (const action of entity.resource.actions ?? []) ids.add(action.id);
    for (const list of entity.resource.viewerLists ?? []) ids.add(list.id);
  }
  for (const item of [...design.enums, ...design.relations, ...design.customEndpoints]) ids.add(item.id);
  return ids;
}

export function assertFreshId(design: Design, id: string, ids: Set<string> = allIds(design)): void {
  if (id.length === 0) throw new OperationError('invalid-argument', 'An id must not be empty.');
  if (id === 'id')
    throw new OperationError('invalid-argument', "'id' is reserved for primary key references.");
  if (ids.has(id)) throw new OperationError('duplicate-id', `The id '${id}' is already used in this design.`);
}

export function getEntity(design: Design, entityId: string): Entity {
  const entity = design.entities.find((e) => e.id === entityId);
  if (!entity) throw new OperationError('not-found', `There is no entity with id '${entityId}'.`);
  return entity;
}

export function getField(entity: Entity, fieldId: string): Field {
  const field = entity.fields.find((f) => f.id === fieldId);
  if (!field) {
    throw new OperationError('not-found', `Entity '${entity.name}' has no field with id '${fieldId}'.`);
  }
  return field;
}

/** The entity holding a field, found by field id alone. */
export function getFieldOwner(design: Design, fieldId: string): Entity {
  const entity = design.entities.find((e) => e.fields.some((f) => f.id === fieldId));
  if (!entity) throw new OperationError('not-found', `There is no field with id '${fieldId}'.`);
  return entity;
}

export function getEnum(design: Design, enumId: string): DesignEnum {
  const found = design.enums.find((e) => e.id === enumId);
  if (!found) throw new OperationError('not-found', `There is no enum with id '${enumId}'.`);
  return found;
}

export function getRelation(design: Design, relationId: string): Relation {
  const relation = design.relations.find((r) => r.id === relationId);
  if (!relation) throw new OperationError('not-found', `There is no relation with id '${relationId}'.`);
  return relation;
}

export function mapEntity(design: Design, entityId: string, update: (entity: Entity) => Entity): Design {
  getEntity(design, entityId);
  return { ...design, entities: design.entities.map((e) => (e.id === entityId ? update(e) : e)) };
}

export function mapFields(entity: Entity, update: (field: Field) => Field): Entity {
  return { ...entity, fields: entity.fields.map(update) };
}

/** Copy without the given keys whose value is undefined (keeps documents free of `key: undefined`). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
