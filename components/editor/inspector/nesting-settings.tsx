'use client';

import type { Entity, ResourcePatch } from '@/lib/design';
import { collectionPath } from '../model/routes';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { SelectField } from './controls';

/**
 * "Nest under": a many-to-one relation from this entity to its parent. The routes move under the parent's item
 * path, the foreign key comes from the path. Problems of `parentRelationId` show inline.
 */
export function NestingSettings({
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
  const path = `entities[${index}].resource.parentRelationId`;
  const problems = useElementProblems(entity.id).filter((p) => p.path === path);
  const nameOf = (id: string) => entities.find((e) => e.id === id)?.name || '(unnamed)';
  const choices = relations.filter(
    (r) => r.kind === 'many-to-one' && r.fromEntityId === entity.id && r.toEntityId !== entity.id,
  );
  const current = entity.resource.parentRelationId ?? '';
  if (choices.length === 0 && current === '') return null;
  return (
    <SelectField
      label="Nest under"
      value={current}
      options={[
        { value: '', label: 'Not nested' },
        ...choices.map((r) => ({
          value: r.id,
          label: `${nameOf(r.toEntityId)} (via ${r.fieldName || '?'})`,
        })),
      ]}
      problems={problems}
      hint={
        current === ''
          ? "Serve this resource under its parent's item path; the parent comes from the path."
          : `Served at ${collectionPath(entity, { entities, relations })}; a missing parent is a 404.`
      }
      onChange={(v) => onChange('Nest under', { parentRelationId: v === '' ? null : v })}
    />
  );
}
