'use client';

import type { ActionValue, Entity, Problem, ResourceAction } from '@/lib/design';
import { SelectField } from './controls';
import { LiteralValue } from './literal-value';
import { problemsAt } from './path-problems';

type Sets = Extract<ResourceAction, { kind: 'set' }>['sets'];
type ValueKind = ActionValue['kind'];

/** A fresh value for a field: `true` for a flag, `now` for a time, else an empty literal. */
function valueFor(entity: Entity, fieldId: string): ActionValue {
  const field = entity.fields.find((f) => f.id === fieldId);
  if (field?.type === 'datetime' || field?.type === 'date') return { kind: 'now' };
  return { kind: 'literal', value: field?.type === 'boolean' ? true : '' };
}

/** The fields a `set` action writes, each to a literal, the current time or the viewer. */
export function ActionSets({
  entity,
  sets,
  path,
  problems,
  onChange,
}: {
  entity: Entity;
  sets: Sets;
  path: string;
  problems: readonly Problem[];
  onChange: (label: string, sets: Sets, key?: string) => void;
}) {
  const writable = entity.fields.filter((f) => f.type !== 'password');
  const unused = writable.filter((f) => !sets.some((s) => s.fieldId === f.id));
  const replace = (k: number, next: Sets[number]) => sets.map((s, i) => (i === k ? next : s));
  return (
    <fieldset className="embeds block" aria-label="Fields it sets">
      <legend>Sets</legend>
      {sets.length === 0 && <p className="hint">Add the fields the action writes.</p>}
      {sets.map((set, k) => {
        const field = entity.fields.find((f) => f.id === set.fieldId);
        const name = field?.name || '(missing field)';
        return (
          <fieldset key={`${set.fieldId}:${k}`} className="action-set" aria-label={`Sets ${name}`}>
            <div className="control-pair">
              <SelectField
                label="Field"
                value={set.fieldId}
                options={[
                  ...(field ? [] : [{ value: set.fieldId, label: '(missing field)' }]),
                  ...writable
                    .filter((f) => f.id === set.fieldId || unused.includes(f))
                    .map((f) => ({ value: f.id, label: f.name || '(unnamed)' })),
                ]}
                problems={problemsAt(problems, `${path}[${k}].fieldId`)}
                onChange={(fieldId) =>
                  onChange('Action field', replace(k, { fieldId, value: valueFor(entity, fieldId) }))
                }
              />
              <SelectField<ValueKind>
                label="To"
                value={set.value.kind}
                options={[
                  { value: 'literal', label: 'A value' },
                  { value: 'now', label: 'The current time' },
                  { value: 'viewer', label: 'The caller' },
                ]}
                problems={problemsAt(problems, `${path}[${k}].value`)}
                onChange={(kind) =>
                  onChange(
                    'Action value',
                    replace(k, {
                      ...set,
                      value: kind === 'literal' ? valueFor(entity, set.fieldId) : { kind },
                    }),
                  )
                }
              />
            </div>
            {set.value.kind === 'literal' && (
              <LiteralValue
                label="Value"
                field={field}
                value={set.value.value}
                onChange={(value, coalesce) =>
                  onChange(
                    'Action value',
                    replace(k, { ...set, value: { kind: 'literal', value } }),
                    coalesce ? `${path}[${k}]` : undefined,
                  )
                }
              />
            )}
            <button
              type="button"
              className="small"
              onClick={() =>
                onChange(
                  'Remove set field',
                  sets.filter((_, i) => i !== k),
                )
              }
            >
              Remove {name}
            </button>
          </fieldset>
        );
      })}
      {unused[0] && (
        <button
          type="button"
          className="small"
          onClick={() => {
            const first = unused[0];
            if (first)
              onChange('Add set field', [...sets, { fieldId: first.id, value: valueFor(entity, first.id) }]);
          }}
        >
          Add field to set
        </button>
      )}
    </fieldset>
  );
}
