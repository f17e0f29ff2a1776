'use client';

import type { CrudOperationName, Entity } from '@/lib/design';
import { useElementProblems } from '../problems/problems-context';
import { SelectField } from './controls';

/** The view an operation answers with (`viewId`); absent: the full (or public) response. */
export function OperationView({
  entity,
  index,
  operation,
  onChange,
}: {
  entity: Entity;
  index: number;
  operation: CrudOperationName;
  onChange: (viewId: string | null) => void;
}) {
  const path = `entities[${index}].resource.operations.${operation}.viewId`;
  const problems = useElementProblems(entity.id).filter((p) => p.path === path);
  const views = entity.views ?? [];
  const current = entity.resource.operations[operation].viewId ?? '';
  if (operation === 'delete' || (views.length === 0 && current === '')) return null;
  return (
    <SelectField
      label="Response view"
      value={current}
      options={[
        { value: '', label: 'All fields it may show' },
        ...views.map((v) => ({ value: v.id, label: `${entity.name}${v.name}` })),
      ]}
      problems={problems}
      onChange={(v) => onChange(v === '' ? null : v)}
    />
  );
}
