'use client';

import type { Entity, ResourcePatch, ValueList } from '@/lib/design';
import { styled } from '@/lib/design/api-shape';
import { useEditor } from '../store/editor-context';
import { entityOf, hopValue, manyToManyHops } from './behaviour-choices';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';

/** Fields a value list can show: plain values (not passwords, JSON or the id). */
const listable = (entity: Entity | undefined) =>
  (entity?.fields ?? []).filter((f) => f.type !== 'password' && f.type !== 'json');

/**
 * Many-to-many relations shown as the sorted list of one field of the related rows (`tagList: ["dragons"]`);
 * writable ones take the same list in bodies and find or create the rows by that field.
 */
export function ValueLists({
  entity,
  index,
  onChange,
}: {
  entity: Entity;
  index: number;
  onChange: (label: string, patch: ResourcePatch, key?: string) => void;
}) {
  const design = useEditor((s) => s.design);
  const prefix = `entities[${index}].resource.valueLists`;
  const problems = useProblemsAt(prefix);
  const lists = entity.resource.valueLists ?? [];
  const hops = manyToManyHops(design, entity.id);
  const save = (label: string, next: ValueList[], key?: string) => onChange(label, { valueLists: next }, key);
  const replace = (k: number, next: ValueList) => lists.map((l, i) => (i === k ? next : l));
  const free = hops.filter((h) => !lists.some((l) => hopValue(l, design, entity.id) === h.value));
  const add = () => {
    const hop = free.find((h) => listable(entityOf(design, h.targetId)).length > 0);
    const target = hop && entityOf(design, hop.targetId);
    const fields = listable(target);
    const field = fields.find((f) => f.unique) ?? fields[0];
    if (hop && field) save('Add value list', [...lists, { ...hop.hop, fieldId: field.id, writable: true }]);
  };
  if (hops.length === 0 && lists.length === 0) return null;
  return (
    <Section
      title="Value lists"
      actions={
        <button type="button" className="small" onClick={add} disabled={free.length === 0}>
          Add value list
        </button>
      }
    >
      {lists.length === 0 && (
        <p className="muted">A many-to-many relation as a list of one field of its rows, e.g. tagList.</p>
      )}
      {lists.map((list, k) => {
        const at = (prop: string) => problemsAt(problems, `${prefix}[${k}].${prop}`);
        const current = hopValue(list, design, entity.id);
        const hop = hops.find((h) => h.value === current);
        const fields = listable(hop && entityOf(design, hop.targetId));
        const field = fields.find((f) => f.id === list.fieldId);
        return (
          <fieldset
            key={current || k}
            className="embeds block"
            aria-label={`Value list ${hop?.name ?? k + 1}`}
          >
            <legend>
              {list.apiName || styled(`${hop?.name ?? '?'}`, design.api.naming)}: [{field?.name ?? '?'}, …]
            </legend>
            <SelectField
              label="Relation"
              value={hop ? current : ''}
              options={[
                ...(hop ? [] : [{ value: '', label: 'Choose a many-to-many relation…' }]),
                ...hops
                  .filter((h) => h.value === current || free.includes(h))
                  .map((h) => ({ value: h.value, label: h.label })),
              ]}
              problems={[...at('relationId'), ...at('side')]}
              onChange={(v) => {
                const chosen = hops.find((h) => h.value === v);
                const options = listable(chosen && entityOf(design, chosen.targetId));
                const first = options.find((f) => f.unique) ?? options[0];
                if (!chosen || !first) return;
                const { side: _s, ...rest } = list;
                save('Value list relation', replace(k, { ...rest, ...chosen.hop, fieldId: first.id }));
              }}
            />
            <SelectField
              label="Values of"
              value={field ? list.fieldId : ''}
              options={[
                ...(field ? [] : [{ value: '', label: 'Choose a field…' }]),
                ...fields.map((f) => ({
                  value: f.id,
                  label: `${f.name || '(unnamed)'}${f.unique ? '' : ' (not unique)'}`,
                })),
              ]}
              problems={at('fieldId')}
              hint={list.writable ? 'Writable lists find rows by this field: make it unique.' : undefined}
              onChange={(fieldId) => fieldId && save('Value list field', replace(k, { ...list, fieldId }))}
            />
            <TextField
              label="JSON key"
              value={list.apiName ?? ''}
              placeholder={styled(hop?.name ?? '', design.api.naming)}
              problems={at('apiName')}
              onChange={(v) => {
                const { apiName: _a, ...rest } = list;
                save(
                  'Value list key',
                  replace(k, v === '' ? rest : { ...rest, apiName: v }),
                  `value-list-key:${k}`,
                );
              }}
            />
            <CheckboxField
              label="Accepted in create and update bodies (finds or creates the rows)"
              checked={list.writable}
              problems={at('writable')}
              onChange={(writable) => save('Value list writable', replace(k, { ...list, writable }))}
            />
            <ProblemList problems={problems.filter((p) => p.path === `${prefix}[${k}]`)} />
            <button
              type="button"
              className="small danger"
              onClick={() =>
                save(
                  'Delete value list',
                  lists.filter((_, i) => i !== k),
                )
              }
            >
              Delete value list
            </button>
          </fieldset>
        );
      })}
    </Section>
  );
}
