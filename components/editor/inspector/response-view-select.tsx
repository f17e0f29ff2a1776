'use client';

import type { Entity, Problem } from '@/lib/design';
import { SelectField } from './controls';

/** The view an action or a viewer list answers with; absent: the resource's full response. */
export function ResponseViewSelect({
  entity,
  value,
  problems,
  onChange,
}: {
  entity: Entity;
  value: string | undefined;
  problems: readonly Problem[];
  onChange: (viewId: string | undefined) => void;
}) {
  const views = entity.views ?? [];
  if (views.length === 0 && value === undefined) return null;
  return (
    <SelectField
      label="Answers with"
      value={value ?? ''}
      options={[
        { value: '', label: 'The full response' },
        ...views.map((v) => ({ value: v.id, label: `${entity.name}${v.name}` })),
      ]}
      problems={problems}
      onChange={(v) => onChange(v === '' ? undefined : v)}
    />
  );
}
