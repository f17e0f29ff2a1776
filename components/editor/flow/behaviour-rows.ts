import {
  type ComputedField,
  type Design,
  type Entity,
  type FieldDerive,
  foreignKeyColumnFor,
  type UniqueConstraint,
} from '@/lib/design';
import type { FieldRow } from './flow-types';

/** The badge of a computed row: its kind, `Σ` style (`count`, `sum`, `linked`). */
const KIND_BADGE: Record<ComputedField['kind'], string> = {
  count: 'count',
  exists: 'exists',
  'viewer-linked': 'linked',
  sum: 'sum',
  min: 'min',
  max: 'max',
};

const hopName = (
  design: Pick<Design, 'relations'>,
  entity: Entity,
  c: Pick<ComputedField, 'relationId' | 'side'>,
) => {
  const relation = design.relations.find((r) => r.id === c.relationId);
  if (!relation) return '(missing relation)';
  const side = c.side ?? (relation.fromEntityId === entity.id ? 'field' : 'backref');
  return (side === 'field' ? relation.fieldName : relation.backrefName) || '(unnamed)';
};

/**
 * A computed field as a row of its entity's box; clicking selects the row (the entity's inspector, its Computed
 * fields section), so Delete then removes the computed field, not the entity.
 */
export function computedRow(design: Design, entity: Entity, computed: ComputedField): FieldRow {
  const over = hopName(design, entity, computed);
  const related = design.entities.find((e) => e.fields.some((f) => f.id === computed.fieldId));
  const field = related?.fields.find((f) => f.id === computed.fieldId)?.name;
  const what: Record<ComputedField['kind'], string> = {
    count: `number of ${over}`,
    exists: `whether it has ${over}`,
    'viewer-linked': `whether the viewer is one of ${over}`,
    sum: `sum of ${over}.${field ?? '?'}`,
    min: `smallest ${over}.${field ?? '?'}`,
    max: `largest ${over}.${field ?? '?'}`,
  };
  return {
    key: computed.id,
    kind: 'computed',
    name: computed.name,
    type: KIND_BADGE[computed.kind],
    marks: ['computed'],
    selectId: computed.id,
    title: `Computed: ${what[computed.kind]}${computed.where ? ' (filtered)' : ''}`,
  };
}

/** A composite unique constraint as a row: `unique(user_id, article_id)`. */
export function uniqueRow(design: Design, entity: Entity, unique: UniqueConstraint): FieldRow {
  const columns = unique.members.map((id) => {
    const field = entity.fields.find((f) => f.id === id);
    if (field) return field.name;
    const relation = design.relations.find((r) => r.id === id);
    return relation ? foreignKeyColumnFor(relation.fieldName) : '?';
  });
  return {
    key: unique.id,
    kind: 'unique',
    name: `(${columns.join(', ')})`,
    type: 'unique',
    marks: ['unique'],
    selectId: unique.id,
    title: `Unique together: ${columns.join(', ')}`,
  };
}

const DERIVE_WORD: Record<FieldDerive['kind'], string> = {
  slug: 'slug of',
  lower: 'lower-case copy of',
  now: 'time when it changes:',
};

export function derivedTitle(derive: FieldDerive, entity: Entity): string {
  const source = entity.fields.find((f) => f.id === derive.fromFieldId)?.name ?? '?';
  return `Derived: ${DERIVE_WORD[derive.kind]} ${source}${derive.onUpdate ? ', also on update' : ''}`;
}
