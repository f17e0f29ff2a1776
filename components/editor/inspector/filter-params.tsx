'use client';

import type { Entity, Filter, ListOperation } from '@/lib/design';
import { PRIMARY_KEY_REF } from '@/lib/design';
import { fieldApiName, styled } from '@/lib/design/api-shape';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { TextField } from './controls';

/** The query-parameter name of each filter (`author` for the author's username); empty: the field's API name. */
export function FilterParams({
  entity,
  list,
  onChange,
}: {
  entity: Entity;
  list: ListOperation;
  onChange: (label: string, patch: { filters: Filter[] }, key?: string) => void;
}) {
  const design = useEditor((s) => s.design);
  const index = design.entities.findIndex((e) => e.id === entity.id);
  const problems = useElementProblems(entity.id);
  if (list.filters.length === 0) return null;
  const defaultName = (filter: Filter) => {
    const relation = design.relations.find((r) => r.id === filter.relationId);
    const target = relation
      ? design.entities.find(
          (e) => e.id === (relation.fromEntityId === entity.id ? relation.toEntityId : relation.fromEntityId),
        )
      : entity;
    const field = target?.fields.find((f) => f.id === filter.fieldId);
    const own =
      filter.fieldId === PRIMARY_KEY_REF || !field
        ? styled('id', design.api.naming)
        : fieldApiName(field, design.api.naming);
    if (!relation) return own;
    const attr = relation.fromEntityId === entity.id ? relation.fieldName : relation.backrefName;
    return styled(`${attr}_${field?.name ?? 'id'}`, design.api.naming);
  };
  const filterLabel = (filter: Filter) => {
    const relation = design.relations.find((r) => r.id === filter.relationId);
    const target = relation
      ? design.entities.find(
          (e) => e.id === (relation.fromEntityId === entity.id ? relation.toEntityId : relation.fromEntityId),
        )
      : entity;
    const name = target?.fields.find((f) => f.id === filter.fieldId)?.name ?? 'id';
    if (!relation) return name;
    return `${relation.fromEntityId === entity.id ? relation.fieldName : relation.backrefName}.${name}`;
  };
  return (
    <fieldset className="ref-table">
      <legend>Filter parameter names</legend>
      {list.filters.map((filter, i) => (
        <TextField
          key={`${filter.relationId ?? ''}:${filter.fieldId}`}
          label={`Parameter of ${filterLabel(filter)}`}
          value={filter.param ?? ''}
          placeholder={defaultName(filter)}
          problems={problems.filter(
            (p) => p.path === `entities[${index}].resource.operations.list.filters[${i}].param`,
          )}
          onChange={(v) => {
            const filters = list.filters.map((f, j) => {
              if (j !== i) return f;
              const { param: _, ...rest } = f;
              return v === '' ? rest : { ...rest, param: v };
            });
            onChange('Filter parameter', { filters }, `filter-param-${i}`);
          }}
        />
      ))}
    </fieldset>
  );
}
