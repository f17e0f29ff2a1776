import type { Relation } from '../schema';
import type { Context } from './context';

function hasManyToOne(ctx: Context, fromId: string, toId: string): boolean {
  return ctx.design.relations.some(
    (r) => r.kind === 'many-to-one' && r.fromEntityId === fromId && r.toEntityId === toId,
  );
}

function checkRelation(ctx: Context, relation: Relation, path: string): void {
  const { report } = ctx;
  const id = relation.id;
  const from = ctx.entities.get(relation.fromEntityId);
  const to = ctx.entities.get(relation.toEntityId);
  if (!from)
    report(
      'unknown-entity',
      `${path}.fromEntityId`,
      `Relation '${relation.fieldName}' starts at an entity that no longer exists.`,
      id,
    );
  if (!to)
    report(
      'unknown-entity',
      `${path}.toEntityId`,
      `Relation '${relation.fieldName}' points to an entity that no longer exists.`,
      id,
    );
  const label = `Relation '${from?.name ?? '?'}.${relation.fieldName}'`;
  if (relation.kind !== 'many-to-many') {
    if (relation.onDelete === 'set-null' && !relation.nullable) {
      report(
        'invalid-on-delete',
        `${path}.onDelete`,
        `${label}: 'set null' on delete needs a nullable relation; make it optional or choose cascade/restrict.`,
        id,
      );
    }
    if (relation.throughEntityId !== undefined || relation.associationTable !== undefined) {
      report(
        'invalid-relation-option',
        path,
        `${label}: an association table or through entity only applies to many-to-many relations.`,
        id,
      );
    }
    return;
  }
  if (relation.throughEntityId === undefined) return;
  if (relation.associationTable !== undefined) {
    report(
      'invalid-relation-option',
      `${path}.associationTable`,
      `${label} goes through an entity, so it cannot also name an association table.`,
      id,
    );
  }
  const through = ctx.entities.get(relation.throughEntityId);
  if (!through) {
    report(
      'unknown-entity',
      `${path}.throughEntityId`,
      `${label} goes through an entity that no longer exists.`,
      id,
    );
    return;
  }
  if (through.id === relation.fromEntityId || through.id === relation.toEntityId) {
    report(
      'invalid-through',
      `${path}.throughEntityId`,
      `${label} cannot go through one of its own ends.`,
      id,
    );
    return;
  }
  for (const end of [from, to]) {
    if (end && !hasManyToOne(ctx, through.id, end.id)) {
      report(
        'invalid-through',
        `${path}.throughEntityId`,
        `${label} goes through '${through.name}', which needs a many-to-one relation to '${end.name}'.`,
        id,
      );
    }
  }
}

export function checkRelations(ctx: Context): void {
  ctx.design.relations.forEach((relation, i) => {
    checkRelation(ctx, relation, `relations[${i}]`);
  });
}
