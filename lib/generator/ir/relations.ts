import { foreignKeyColumnFor, snakeCase } from '@/lib/design/names';
import type { Design, Relation } from '@/lib/design/schema';
import { effectiveAssociationTable } from './tables';
import type { IrAssociation, IrForeignKey, IrRelationship } from './types';

type EntityInfo = { id: string; className: string; tableName: string };

export type RelationPlan = {
  fks: Map<string, IrForeignKey[]>;
  relationships: Map<string, IrRelationship[]>;
  associations: IrAssociation[];
};

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Foreign keys, relationship attributes (both sides) and association tables of every relation.
 * `ownerRelations` are FKs set from the signed-in user instead of the request body.
 */
export function planRelations(
  design: Design,
  entities: ReadonlyMap<string, EntityInfo>,
  ownerRelations: ReadonlySet<string>,
): RelationPlan {
  const fks = new Map<string, IrForeignKey[]>();
  const relationships = new Map<string, IrRelationship[]>();
  const associations: IrAssociation[] = [];
  // How many FK relations link each (holder, target) pair: more than one needs explicit foreign_keys.
  const pairCount = new Map<string, number>();
  for (const r of design.relations) {
    if (r.kind === 'many-to-many') continue;
    const key = `${r.fromEntityId}\u0000${r.toEntityId}`;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  const manyToOnes = new Map<string, Relation[]>();
  for (const r of design.relations) if (r.kind === 'many-to-one') push(manyToOnes, r.fromEntityId, r);

  for (const r of design.relations) {
    const from = entities.get(r.fromEntityId);
    const to = entities.get(r.toEntityId);
    if (!from || !to) continue;
    const self = from.id === to.id;
    if (r.kind !== 'many-to-many') {
      const column = foreignKeyColumnFor(r.fieldName);
      const isOwner = ownerRelations.has(r.id);
      push(fks, from.id, {
        relationId: r.id,
        column,
        attr: r.fieldName,
        targetId: to.id,
        nullable: r.nullable,
        onDelete: r.onDelete,
        unique: r.kind === 'one-to-one',
        deferred: false,
        inCreate: !isOwner,
        inUpdate: !isOwner,
      });
      const ambiguous = self || (pairCount.get(`${from.id}\u0000${to.id}`) ?? 0) > 1;
      const fkRef = ambiguous ? `${from.className}.${column}` : null;
      push(relationships, from.id, {
        attr: r.fieldName,
        relationId: r.id,
        targetId: to.id,
        many: false,
        backPopulates: r.backrefName,
        foreignKeys: fkRef,
        remoteSideId: self,
        secondary: null,
        primaryJoin: null,
        secondaryJoin: null,
        viewOnly: false,
        passiveDeletes: false,
      });
      push(relationships, to.id, {
        attr: r.backrefName,
        relationId: r.id,
        targetId: from.id,
        many: r.kind === 'many-to-one',
        backPopulates: r.fieldName,
        foreignKeys: fkRef,
        remoteSideId: false,
        secondary: null,
        primaryJoin: null,
        secondaryJoin: null,
        viewOnly: false,
        passiveDeletes: true,
      });
      continue;
    }
    const m2m = (
      attr: string,
      back: string,
      targetId: string,
      secondary: string,
      primaryJoin: string | null,
      secondaryJoin: string | null,
      viewOnly: boolean,
    ): IrRelationship => ({
      attr,
      relationId: r.id,
      targetId,
      many: true,
      backPopulates: back,
      foreignKeys: null,
      remoteSideId: false,
      secondary,
      primaryJoin,
      secondaryJoin,
      viewOnly,
      passiveDeletes: !viewOnly,
    });
    if (r.throughEntityId !== undefined) {
      const through = entities.get(r.throughEntityId);
      if (!through) continue;
      const links = manyToOnes.get(through.id) ?? [];
      const left = links.find((l) => l.toEntityId === from.id);
      const right = links.find((l) => l.toEntityId === to.id && l !== left);
      if (!left || !right) continue;
      const lcol = `${through.className}.${foreignKeyColumnFor(left.fieldName)}`;
      const rcol = `${through.className}.${foreignKeyColumnFor(right.fieldName)}`;
      push(
        relationships,
        from.id,
        m2m(
          r.fieldName,
          r.backrefName,
          to.id,
          through.tableName,
          `${from.className}.id == ${lcol}`,
          `${to.className}.id == ${rcol}`,
          true,
        ),
      );
      push(
        relationships,
        to.id,
        m2m(
          r.backrefName,
          r.fieldName,
          from.id,
          through.tableName,
          `${to.className}.id == ${rcol}`,
          `${from.className}.id == ${lcol}`,
          true,
        ),
      );
      continue;
    }
    const table = effectiveAssociationTable(design, r, entities);
    if (table === undefined) continue;
    const leftColumn = `${snakeCase(from.className)}_id`;
    const rightColumn = self ? `related_${leftColumn}` : `${snakeCase(to.className)}_id`;
    associations.push({
      relationId: r.id,
      table,
      left: { column: leftColumn, targetId: from.id },
      right: { column: rightColumn, targetId: to.id },
      rightIndex: `ix_${table}_${rightColumn}`,
    });
    const pj = self ? `${from.className}.id == ${table}.c.${leftColumn}` : null;
    const sj = self ? `${to.className}.id == ${table}.c.${rightColumn}` : null;
    push(relationships, from.id, m2m(r.fieldName, r.backrefName, to.id, table, pj, sj, false));
    push(relationships, to.id, m2m(r.backrefName, r.fieldName, from.id, table, sj, pj, false));
  }
  return { fks, relationships, associations };
}
