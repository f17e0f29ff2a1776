'use client';

import { COMPUTED_KINDS, type ComputedField, type Entity } from '@/lib/design';
import { styled } from '@/lib/design/api-shape';
import { newId } from '../model/ids';
import { useEditor, useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import {
  aggregateFields,
  computedDraft,
  computedHops,
  entityOf,
  hopValue,
  isAggregate,
} from './behaviour-choices';
import { ProblemList, Section, SelectField, TextField } from './controls';
import { LiteralValue } from './literal-value';
import { problemsAt, useProblemsAt } from './path-problems';

export const COMPUTED_LABEL: Record<ComputedField['kind'], string> = {
  count: 'Count of related rows',
  exists: 'Has related rows',
  'viewer-linked': 'The viewer is linked',
  sum: 'Sum of a field',
  min: 'Smallest value of a field',
  max: 'Largest value of a field',
};

/**
 * Read-only values of the entity's responses computed in SQL from a to-many relation: counts, "the viewer is
 * linked", sums. Problems of `computed[...]` show on the control they are about.
 */
export function ComputedFields({ entity, index }: { entity: Entity; index: number }) {
  const actions = useEditorActions();
  const store = useEditorStore();
  const design = useEditor((s) => s.design);
  const naming = design.api.naming;
  const prefix = `entities[${index}].computed`;
  const problems = useProblemsAt(prefix);
  const computed = entity.computed ?? [];
  const save = (label: string, next: ComputedField[], key?: string) =>
    actions.apply(
      label,
      { op: 'updateEntity', entityId: entity.id, patch: { computed: next } },
      { coalesceKey: key },
    );
  const change = (id: string, patch: Partial<ComputedField>) =>
    computed.map((c) => (c.id === id ? { ...c, ...patch } : c));
  const add = () => {
    // A count over the first to-many relation; its kind and relation are then changed in place.
    const draft = computedDraft(store.getState().design, entity, 'count', newId('cmp'));
    if (draft) save('Add computed field', [...computed, draft]);
  };
  const canAdd = computedHops(design, entity.id, 'count').length > 0;
  return (
    <Section
      title="Computed fields"
      actions={
        <button type="button" className="small" onClick={add} disabled={!canAdd}>
          Add computed field
        </button>
      }
    >
      {computed.length === 0 && (
        <p className="muted">
          {canAdd
            ? 'Counts, sums and "the viewer is linked" over a to-many relation, computed in SQL.'
            : 'Relate this entity to many rows of another (or the user) to compute counts from them.'}
        </p>
      )}
      {computed.map((c, k) => {
        const at = (prop: string) => problemsAt(problems, `${prefix}[${k}].${prop}`);
        const hops = computedHops(design, entity.id, c.kind);
        const current = hopValue(c, design, entity.id);
        const hop = hops.find((h) => h.value === current);
        const related = hop ? entityOf(design, hop.targetId) : undefined;
        const numeric = aggregateFields(related);
        const whereField = related?.fields.find((f) => f.id === c.where?.fieldId);
        const setKind = (kind: ComputedField['kind']) => {
          const fits = computedHops(design, entity.id, kind);
          const next = fits.find((h) => h.value === current) ?? fits[0];
          const fields = next ? aggregateFields(entityOf(design, next.targetId)) : [];
          save(
            'Computed kind',
            computed.map((x) => {
              if (x.id !== c.id) return x;
              const { fieldId: _f, side: _s, relationId: _r, ...rest } = x;
              const fieldId = fields.find((f) => f.id === x.fieldId)?.id ?? fields[0]?.id;
              return {
                ...rest,
                kind,
                ...(next ? next.hop : { relationId: x.relationId }),
                ...(isAggregate(kind) && fieldId ? { fieldId } : {}),
              };
            }),
          );
        };
        return (
          <fieldset key={c.id} className="embeds block" aria-label={`Computed field ${c.name}`}>
            <legend>Σ {c.name || '(unnamed)'}</legend>
            <SelectField
              label="Kind"
              value={c.kind}
              options={COMPUTED_KINDS.map((kind) => ({ value: kind, label: COMPUTED_LABEL[kind] }))}
              problems={at('kind')}
              onChange={setKind}
            />
            <SelectField
              label="Over relation"
              value={hop ? current : ''}
              options={[
                ...(hop ? [] : [{ value: '', label: 'Choose a relation…' }]),
                ...hops.map((h) => ({ value: h.value, label: h.label })),
              ]}
              problems={[...at('relationId'), ...at('side')]}
              hint={
                c.kind === 'viewer-linked'
                  ? 'A many-to-many relation to the user: true when the caller is one of its rows.'
                  : undefined
              }
              onChange={(v) => {
                const chosen = hops.find((h) => h.value === v);
                if (!chosen) return;
                const fields = aggregateFields(entityOf(design, chosen.targetId));
                save(
                  'Computed relation',
                  computed.map((x) => {
                    if (x.id !== c.id) return x;
                    const { side: _s, fieldId: _f, where: _w, ...rest } = x;
                    return {
                      ...rest,
                      ...chosen.hop,
                      ...(isAggregate(x.kind) && fields[0] ? { fieldId: fields[0].id } : {}),
                    };
                  }),
                );
              }}
            />
            {isAggregate(c.kind) && (
              <SelectField
                label="Of field"
                value={c.fieldId ?? ''}
                options={[
                  ...(numeric.some((f) => f.id === c.fieldId)
                    ? []
                    : [{ value: '', label: 'Choose a field…' }]),
                  ...numeric.map((f) => ({ value: f.id, label: f.name || '(unnamed)' })),
                ]}
                problems={at('fieldId')}
                hint={numeric.length === 0 ? 'The related entity has no numeric field.' : undefined}
                onChange={(fieldId) => fieldId && save('Computed field', change(c.id, { fieldId }))}
              />
            )}
            <SelectField
              label="Only where"
              value={c.where?.fieldId ?? ''}
              options={[
                { value: '', label: 'Every related row' },
                ...(related?.fields ?? [])
                  .filter((f) => f.type !== 'password' && f.type !== 'json')
                  .map((f) => ({ value: f.id, label: `${f.name || '(unnamed)'} equals…` })),
              ]}
              problems={at('where')}
              onChange={(fieldId) => {
                const field = related?.fields.find((f) => f.id === fieldId);
                save(
                  'Computed filter',
                  computed.map((x) => {
                    if (x.id !== c.id) return x;
                    const { where: _w, ...rest } = x;
                    if (!field) return rest;
                    return { ...rest, where: { fieldId, equals: field.type === 'boolean' ? true : '' } };
                  }),
                );
              }}
            />
            {c.where && (
              <LiteralValue
                label="Equals"
                field={whereField}
                value={c.where.equals}
                onChange={(equals, coalesce) =>
                  c.where &&
                  save(
                    'Computed filter value',
                    change(c.id, { where: { fieldId: c.where.fieldId, equals } }),
                    coalesce ? `computed-where:${c.id}` : undefined,
                  )
                }
              />
            )}
            <div className="control-pair">
              <TextField
                label="Name"
                value={c.name}
                hint="snake_case"
                problems={at('name')}
                onChange={(name) => save('Computed name', change(c.id, { name }), `computed-name:${c.id}`)}
              />
              <TextField
                label="API name"
                value={c.apiName ?? ''}
                placeholder={styled(c.name, naming)}
                problems={at('apiName')}
                onChange={(v) =>
                  save(
                    'Computed API name',
                    computed.map((x) => {
                      if (x.id !== c.id) return x;
                      const { apiName: _a, ...rest } = x;
                      return v === '' ? rest : { ...rest, apiName: v };
                    }),
                    `computed-api:${c.id}`,
                  )
                }
              />
            </div>
            <ProblemList problems={problems.filter((p) => p.path === `${prefix}[${k}]`)} />
            <button
              type="button"
              className="small danger"
              onClick={() =>
                actions.apply('Delete computed field', {
                  op: 'deleteComputedField',
                  entityId: entity.id,
                  computedId: c.id,
                })
              }
            >
              Delete computed field
            </button>
          </fieldset>
        );
      })}
    </Section>
  );
}
