'use client';

import {
  type Entity,
  type FieldRef,
  type ListOperation,
  PRIMARY_KEY_REF,
  type ResourcePatch,
} from '@/lib/design';
import { NumberField, SelectField } from './controls';
import { FilterParams } from './filter-params';

type ListPatch = NonNullable<NonNullable<ResourcePatch['operations']>['list']>;

const sameRef = (a: FieldRef, b: FieldRef) => a.fieldId === b.fieldId && a.relationId === b.relationId;

/** Page sizes, filters, sortable fields and the default order of a list endpoint (own fields only). */
export function ListSettings({
  entity,
  list,
  onChange,
}: {
  entity: Entity;
  list: ListOperation;
  onChange: (label: string, patch: ListPatch, key?: string) => void;
}) {
  const own = [{ id: PRIMARY_KEY_REF, name: 'id' }, ...entity.fields.filter((f) => f.type !== 'password')];
  const toggle = (key: 'filters' | 'sortable', ref: FieldRef, on: boolean) => {
    const current = list[key];
    onChange(key === 'filters' ? 'Filters' : 'Sortable', {
      [key]: on ? [...current, ref] : current.filter((r) => !sameRef(r, ref)),
    });
  };
  const order = list.defaultOrder;
  return (
    <>
      <div className="control-pair">
        <NumberField
          label="Default page size"
          min={1}
          value={list.defaultPageSize}
          onChange={(v) => v && v > 0 && onChange('Page size', { defaultPageSize: Math.round(v) }, 'page')}
        />
        <NumberField
          label="Max page size"
          min={1}
          value={list.maxPageSize}
          onChange={(v) =>
            v && v > 0 && onChange('Max page size', { maxPageSize: Math.round(v) }, 'max-page')
          }
        />
      </div>
      <fieldset className="ref-table">
        <legend>Query parameters</legend>
        <div className="ref-row ref-head">
          <span>Field</span>
          <span>Filter</span>
          <span>Sort</span>
        </div>
        {own.map((f) => {
          const ref = { fieldId: f.id };
          return (
            <div key={f.id} className="ref-row">
              <span>{f.name || '(unnamed)'}</span>
              <input
                type="checkbox"
                aria-label={`Filter by ${f.name}`}
                checked={list.filters.some((r) => sameRef(r, ref))}
                onChange={(e) => toggle('filters', ref, e.target.checked)}
              />
              <input
                type="checkbox"
                aria-label={`Sort by ${f.name}`}
                checked={list.sortable.some((r) => sameRef(r, ref))}
                onChange={(e) => toggle('sortable', ref, e.target.checked)}
              />
            </div>
          );
        })}
        {(entity.computed ?? []).map((c) => {
          // Computed fields sort (by count); filtering on them is not offered.
          const ref = { fieldId: c.id };
          return (
            <div key={c.id} className="ref-row">
              <span className="ref-computed">Σ {c.name || '(unnamed)'}</span>
              <span />
              <input
                type="checkbox"
                aria-label={`Sort by ${c.name}`}
                checked={list.sortable.some((r) => sameRef(r, ref))}
                onChange={(e) => toggle('sortable', ref, e.target.checked)}
              />
            </div>
          );
        })}
        {list.filters.some((r) => r.relationId) && (
          <p className="hint">Plus filters through relations (kept as they are).</p>
        )}
      </fieldset>
      <FilterParams entity={entity} list={list} onChange={onChange} />
      <div className="control-pair">
        <SelectField
          label="Default order"
          value={order && !order.field.relationId ? order.field.fieldId : ''}
          options={[
            { value: '', label: 'None' },
            ...own.map((f) => ({ value: f.id, label: f.name || '(unnamed)' })),
            ...(entity.computed ?? []).map((c) => ({ value: c.id, label: `Σ ${c.name || '(unnamed)'}` })),
          ]}
          onChange={(fieldId) =>
            onChange('Default order', {
              defaultOrder:
                fieldId === '' ? null : { field: { fieldId }, direction: order?.direction ?? 'asc' },
            })
          }
        />
        {order && (
          <SelectField
            label="Direction"
            value={order.direction}
            options={[
              { value: 'asc', label: 'Ascending' },
              { value: 'desc', label: 'Descending' },
            ]}
            onChange={(direction) => onChange('Order direction', { defaultOrder: { ...order, direction } })}
          />
        )}
      </div>
    </>
  );
}
