import { API_KEY } from '../api-shape';
import type { Entity, ValueList } from '../schema';
import { responseKeys, valueListEnd, valueListKey } from '../value-lists';
import type { Context } from './context';

/** Field types a value list can show: text that compares as itself on every database. */
const VALUE_TYPES = new Set(['string', 'text', 'email', 'url']);

/**
 * Value lists (`Resource.valueLists`): a many-to-many touching the entity (`side` on a self-relation), a field of
 * the other end that is unique, not nullable, public and string-like, a JSON key that is a valid name and clashes
 * with no other key of the responses, one list per relation end and none on an embedded one. Written lists also need
 * a plain association table and rows the server can create from the value alone (no required field or parent, no
 * owner), and nothing is shown from rows with an owner or public rows (they would be created ownerless).
 */
export function checkValueLists(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    const lists = entity.resource.valueLists ?? [];
    if (lists.length === 0) return;
    const keys = responseKeys(ctx.design, entity);
    const ends = new Set<string>();
    lists.forEach((list, j) => {
      const path = `entities[${i}].resource.valueLists[${j}]`;
      const ok = checkOne(ctx, entity, list, path, ends);
      if (!ok) return;
      const key = valueListKey(ctx.design, entity, list) as string;
      const at = list.apiName === undefined ? path : `${path}.apiName`;
      if (!API_KEY.test(key)) {
        ctx.report(
          'invalid-api-name',
          at,
          `The value list '${key}' of ${entity.name} must be letters, digits and _ (not starting with a digit).`,
          entity.id,
        );
      } else if (keys.has(key)) {
        ctx.report(
          'duplicate-api-name',
          at,
          `The value list of ${entity.name} is answered as '${key}', like ${keys.get(key)}: give it another API name.`,
          entity.id,
        );
      } else keys.set(key, `another value list`);
    });
  });
}

function checkOne(ctx: Context, entity: Entity, list: ValueList, path: string, ends: Set<string>): boolean {
  const bad = (message: string, at = path) => {
    ctx.report('invalid-value-list', at, message, entity.id);
    return false;
  };
  const relation = ctx.relations.get(list.relationId);
  if (!relation) {
    ctx.report(
      'unknown-relation',
      `${path}.relationId`,
      `A value list of ${entity.name} names a relation that no longer exists.`,
      entity.id,
    );
    return false;
  }
  const what = `The value list of ${entity.name} on '${relation.fieldName}'`;
  if (relation.kind !== 'many-to-many')
    return bad(`${what} needs a many-to-many relation (this one is ${relation.kind}).`, `${path}.relationId`);
  const self = relation.fromEntityId === relation.toEntityId;
  if (self && list.side === undefined)
    return bad(
      `${what} is on a self-relation: say which side it reads ('field' or 'backref').`,
      `${path}.side`,
    );
  const end = valueListEnd(relation, entity.id, list.side);
  if (!end)
    return bad(`${what}: the relation does not leave ${entity.name} on that side.`, `${path}.relationId`);
  const endKey = `${relation.id}:${end.attr}`;
  if (ends.has(endKey)) return bad(`${what} is listed twice.`);
  ends.add(endKey);
  if (entity.resource.embed.includes(relation.id))
    return bad(`${what}: the relation is embedded already; embed it or list its values, not both.`);
  const target = ctx.entities.get(end.targetId) as Entity;
  const found = ctx.fields.get(list.fieldId);
  if (!found) {
    ctx.report(
      'unknown-field',
      `${path}.fieldId`,
      `A value list of ${entity.name} names a field that no longer exists.`,
      entity.id,
    );
    return false;
  }
  const field = found.field;
  if (found.entity.id !== target.id)
    return bad(
      `${what} must show a field of ${target.name}, not '${found.entity.name}.${field.name}'.`,
      `${path}.fieldId`,
    );
  const fieldAt = `${path}.fieldId`;
  if (!VALUE_TYPES.has(field.type))
    return bad(
      `${what} shows '${target.name}.${field.name}', a ${field.type}: only string, text, email or url values.`,
      fieldAt,
    );
  if (!field.unique)
    return bad(`${what}: '${target.name}.${field.name}' must be unique to find rows by it.`, fieldAt);
  if (field.nullable) return bad(`${what}: '${target.name}.${field.name}' must not be nullable.`, fieldAt);
  if (field.writeOnly || field.visibility !== 'public')
    return bad(`${what}: '${target.name}.${field.name}' is not shown to everyone.`, fieldAt);
  const res = target.resource;
  if (res.ownerRelationId !== undefined || res.ownerPath !== undefined || res.publicRowsFieldId !== undefined)
    return bad(`${what}: ${target.name} rows have an owner or public rows; list values of shared rows only.`);
  if (!list.writable) return true;
  if (relation.throughEntityId !== undefined)
    return bad(
      `${what} goes through an entity of its own: it can only be shown, not written.`,
      `${path}.writable`,
    );
  const required = target.fields.find((f) => f.id !== field.id && !f.nullable && f.default === undefined);
  if (required)
    return bad(
      `${what} creates ${target.name} rows from a value: '${required.name}' needs a default or must be nullable.`,
      `${path}.writable`,
    );
  const derived = target.fields.find(
    (f) => f.id !== field.id && (f.derive !== undefined || f.copyFrom !== undefined),
  );
  if (derived)
    return bad(
      `${what} creates ${target.name} rows from a value alone, which cannot set '${derived.name}'.`,
      `${path}.writable`,
    );
  const parent = ctx.design.relations.find(
    (r) => r.kind !== 'many-to-many' && r.fromEntityId === target.id && !r.nullable,
  );
  if (parent)
    return bad(
      `${what} creates ${target.name} rows from a value: the required '${parent.fieldName}' cannot be set.`,
      `${path}.writable`,
    );
  return true;
}
