'use client';

import type { Problem } from '@/lib/design';
import {
  type CustomEndpoint,
  type CustomQueryParam,
  QUERY_PARAM_TYPES,
  type QueryParamType,
} from '@/lib/design';
import { styled } from '@/lib/design/api-shape';
import { useEditor } from '../store/editor-context';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';

const TYPE_LABEL: Record<QueryParamType, string> = {
  string: 'Text',
  integer: 'Integer',
  float: 'Number',
  boolean: 'Yes / no',
  date: 'Date',
  datetime: 'Date and time',
  uuid: 'UUID',
};

/** `param`, `param_2`...: the first name no other parameter of the endpoint has. */
function freshName(query: readonly CustomQueryParam[]): string {
  const taken = new Set(query.map((q) => q.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'param' : `param_${n}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * The query parameters of a custom endpoint: each row a name (snake_case, sent in the API's naming style),
 * a type, whether it is required and a description. Problems are shown on the row's control.
 */
export function CustomQueryParams({
  endpoint,
  problems,
  prefix,
  onChange,
}: {
  endpoint: CustomEndpoint;
  problems: readonly Problem[];
  /** `customEndpoints[3]`: the problems' paths start with it. */
  prefix: string;
  onChange: (label: string, query: CustomQueryParam[] | null, key?: string) => void;
}) {
  const naming = useEditor((s) => s.design.api.naming);
  const query = endpoint.query ?? [];
  const at = (k: number, prop?: string) =>
    problems.filter((p) => p.path === `${prefix}.query[${k}]${prop ? `.${prop}` : ''}`);
  const set = (label: string, k: number, patch: Partial<CustomQueryParam>, key?: string) =>
    onChange(
      label,
      query.map((q, j) => {
        if (j !== k) return q;
        const next = { ...q, ...patch };
        if (next.description === '') delete next.description;
        return next;
      }),
      key && `${key}-${k}`,
    );
  return (
    <Section
      title="Query parameters"
      actions={
        <button
          type="button"
          className="small"
          onClick={() =>
            onChange('Add query parameter', [
              ...query,
              { name: freshName(query), type: 'string', required: false },
            ])
          }
        >
          Add query parameter
        </button>
      }
    >
      {query.length === 0 && (
        <p className="muted">Values the handler reads from the URL, e.g. ?since=2024-01-01.</p>
      )}
      {query.map((q, k) => (
        // Rows have no id of their own: keyed by position, every control is controlled.
        <fieldset key={k} className="embeds block" aria-label={`Query parameter ${k + 1}`}>
          <legend>?{styled(q.name, naming) || '(unnamed)'}</legend>
          <TextField
            label="Name"
            value={q.name}
            problems={at(k, 'name')}
            hint="snake_case; sent in the API's naming style."
            onChange={(name) => set('Query parameter name', k, { name }, 'query-name')}
          />
          <SelectField<QueryParamType>
            label="Type"
            value={q.type}
            problems={at(k, 'type')}
            options={QUERY_PARAM_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }))}
            onChange={(type) => set('Query parameter type', k, { type })}
          />
          <CheckboxField
            label="Required"
            checked={q.required}
            problems={at(k, 'required')}
            onChange={(required) => set('Query parameter required', k, { required })}
          />
          <TextField
            label="Description"
            value={q.description ?? ''}
            problems={at(k, 'description')}
            onChange={(description) => set('Query parameter description', k, { description }, 'query-doc')}
          />
          <ProblemList problems={at(k)} />
          <button
            type="button"
            className="small danger"
            aria-label={`Delete query parameter ${q.name || k + 1}`}
            onClick={() => {
              const rest = query.filter((_, j) => j !== k);
              onChange('Delete query parameter', rest.length > 0 ? rest : null);
            }}
          >
            Delete
          </button>
        </fieldset>
      ))}
    </Section>
  );
}
