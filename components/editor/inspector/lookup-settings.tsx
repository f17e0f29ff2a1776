'use client';

import { type Entity, otherEnd, PRIMARY_KEY_REF, type ResourcePatch } from '@/lib/design';
import { useEditor } from '../store/editor-context';
import { SelectField } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';

/**
 * How the item path names a row: a unique field of the entity, or through a one-to-one relation a unique field of
 * the related row (a profile by its user's username).
 */
export function LookupSettings({
  entity,
  index,
  onChange,
}: {
  entity: Entity;
  index: number;
  onChange: (label: string, patch: ResourcePatch) => void;
}) {
  const relations = useEditor((s) => s.design.relations);
  const entities = useEditor((s) => s.design.entities);
  const prefix = `entities[${index}].resource`;
  const problems = useProblemsAt(prefix);
  const resource = entity.resource;
  const through = relations.filter(
    (r) =>
      r.kind === 'one-to-one' &&
      r.fromEntityId !== r.toEntityId &&
      (r.fromEntityId === entity.id || r.toEntityId === entity.id),
  );
  const relatedOf = (relationId: string | undefined) => {
    const relation = relations.find((r) => r.id === relationId);
    const id = relation && otherEnd(relation, entity.id);
    return entities.find((e) => e.id === id);
  };
  const related = relatedOf(resource.lookupRelationId);
  const keyed = related ?? entity;
  const options = [
    { value: PRIMARY_KEY_REF, label: related ? `${related.name}'s id` : 'id (primary key)' },
    ...keyed.fields.filter((f) => f.unique).map((f) => ({ value: f.id, label: f.name || '(unnamed)' })),
  ];
  const current = options.some((o) => o.value === resource.lookupFieldId) ? resource.lookupFieldId : '';
  const attr = (r: (typeof through)[number]) => (r.fromEntityId === entity.id ? r.fieldName : r.backrefName);
  return (
    <>
      {(through.length > 0 || resource.lookupRelationId !== undefined) && (
        <SelectField
          label="Look up through"
          value={resource.lookupRelationId ?? ''}
          options={[
            { value: '', label: 'Its own fields' },
            ...through.map((r) => ({
              value: r.id,
              label: `${attr(r) || '(unnamed)'} (${relatedOf(r.id)?.name ?? '?'})`,
            })),
          ]}
          problems={problemsAt(problems, `${prefix}.lookupRelationId`)}
          hint="A one-to-one relation: item URLs name the row by a unique field of the related row."
          onChange={(v) => {
            const target = v === '' ? entity : relatedOf(v);
            const unique = target?.fields.find((f) => f.unique);
            onChange('Look up through', {
              lookupRelationId: v === '' ? null : v,
              lookupFieldId: unique?.id ?? PRIMARY_KEY_REF,
            });
          }}
        />
      )}
      <SelectField
        label="Look up items by"
        value={current}
        options={[...(current === '' ? [{ value: '', label: 'Choose a field…' }] : []), ...options]}
        problems={problemsAt(problems, `${prefix}.lookupFieldId`)}
        hint={
          related
            ? `Unique fields of ${related.name} name the row in item URLs.`
            : 'Unique fields can be used in item URLs.'
        }
        onChange={(lookupFieldId) => lookupFieldId && onChange('Lookup field', { lookupFieldId })}
      />
    </>
  );
}
