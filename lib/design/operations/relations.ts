import { z } from 'zod';
import { newRelation } from '../factories';
import { entityMembers } from '../members';
import { foreignKeyColumnFor, pluralize, snakeCase, uniqueName } from '../names';
import {
  type Design,
  type Entity,
  IdSchema,
  OnDeleteSchema,
  type Relation,
  RelationKindSchema,
} from '../schema';
import { removeRelationRefs } from './cleanup';
import { assertFreshId, getEntity, getRelation, withoutUndefined } from './helpers';

export const ConnectArgs = z.object({
  id: IdSchema,
  fromEntityId: IdSchema,
  toEntityId: IdSchema,
  kind: RelationKindSchema.optional(),
  fieldName: z.string().optional(),
  backrefName: z.string().optional(),
  nullable: z.boolean().optional(),
  onDelete: OnDeleteSchema.optional(),
  associationTable: z.string().optional(),
  throughEntityId: IdSchema.optional(),
});

function takenNames(design: Design, entity: Entity): Set<string> {
  return new Set(entityMembers(design, entity).map((m) => m.name));
}

/** Picks a name unused on the entity, also for the FK column it implies. */
function freeName(base: string, taken: Set<string>, withFk: boolean): string {
  const blocked = new Set(taken);
  if (withFk) for (const name of taken) if (name.endsWith('_id')) blocked.add(name.slice(0, -3));
  return uniqueName(base, blocked);
}

/**
 * Creates a relation with sensible defaults: many-to-one from -> to, field = snake_case of the target
 * (`author`... for the target `User` that is `user`), back-reference = plural of the source (`posts`),
 * onDelete `set-null` when nullable and `restrict` otherwise. Self-relations default to `parent`/`children`
 * and to nullable.
 * Default names are made unique on their entity so a fresh relation never collides.
 */
export function connect(design: Design, args: z.infer<typeof ConnectArgs>): Design {
  assertFreshId(design, args.id);
  const from = getEntity(design, args.fromEntityId);
  const to = getEntity(design, args.toEntityId);
  if (args.throughEntityId !== undefined) getEntity(design, args.throughEntityId);
  const kind = args.kind ?? 'many-to-one';
  const self = from.id === to.id;
  const single = kind !== 'many-to-many';
  const fromTaken = takenNames(design, from);
  const fieldName =
    args.fieldName ??
    freeName(
      self && kind === 'many-to-one' ? 'parent' : single ? snakeCase(to.name) : pluralize(snakeCase(to.name)),
      fromTaken,
      single,
    );
  const toTaken = self
    ? new Set([...fromTaken, fieldName, foreignKeyColumnFor(fieldName)])
    : takenNames(design, to);
  const backrefBase =
    self && kind === 'many-to-one'
      ? 'children'
      : kind === 'one-to-one'
        ? snakeCase(from.name)
        : pluralize(snakeCase(from.name));
  const backrefName = args.backrefName ?? freeName(backrefBase, toTaken, false);
  // A required self-relation could never be satisfied by the first row (validateDesign rejects it).
  const nullable = args.nullable ?? (self && single);
  const relation = newRelation(args.id, from.id, to.id, {
    kind,
    fieldName,
    backrefName,
    nullable,
    onDelete: args.onDelete ?? (single ? (nullable ? 'set-null' : 'restrict') : 'cascade'),
    ...withoutUndefined({ associationTable: args.associationTable, throughEntityId: args.throughEntityId }),
  });
  return { ...design, relations: [...design.relations, relation] };
}

export const UpdateRelationArgs = z.object({
  relationId: IdSchema,
  /** Optional props take null to clear them. */
  patch: z.object({
    kind: RelationKindSchema.optional(),
    fromEntityId: IdSchema.optional(),
    toEntityId: IdSchema.optional(),
    fieldName: z.string().optional(),
    backrefName: z.string().optional(),
    nullable: z.boolean().optional(),
    onDelete: OnDeleteSchema.optional(),
    associationTable: z.string().nullable().optional(),
    throughEntityId: IdSchema.nullable().optional(),
  }),
});
export function updateRelation(design: Design, args: z.infer<typeof UpdateRelationArgs>): Design {
  getRelation(design, args.relationId);
  const { patch } = args;
  for (const id of [patch.fromEntityId, patch.toEntityId, patch.throughEntityId]) {
    if (typeof id === 'string') getEntity(design, id);
  }
  const update = (r: Relation): Relation => {
    const merged: Record<string, unknown> = { ...r };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) merged[key] = value === null ? undefined : value;
    }
    return withoutUndefined(merged as Relation);
  };
  return { ...design, relations: design.relations.map((r) => (r.id === args.relationId ? update(r) : r)) };
}

export const DeleteRelationArgs = z.object({ relationId: IdSchema });
/** Also drops owner rules, embeds, filters and sorts that went through the relation. */
export function deleteRelation(design: Design, args: z.infer<typeof DeleteRelationArgs>): Design {
  getRelation(design, args.relationId);
  const next = { ...design, relations: design.relations.filter((r) => r.id !== args.relationId) };
  return removeRelationRefs(next, new Set([args.relationId]));
}
