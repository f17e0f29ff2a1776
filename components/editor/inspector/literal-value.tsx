'use client';

import type { Field, Problem } from '@/lib/design';
import { SelectField, TextField } from './controls';
import { parseLiteral } from './field-default';

type Json = NonNullable<Field['example']> | null;

/** A value for one field, typed like it: true/false for a boolean, a number for numeric fields, else text. */
export function LiteralValue({
  label,
  field,
  value,
  problems,
  onChange,
}: {
  label: string;
  field: Field | undefined;
  value: unknown;
  problems?: readonly Problem[];
  onChange: (value: Json, coalesce: boolean) => void;
}) {
  if (field?.type === 'boolean') {
    return (
      <SelectField<'true' | 'false'>
        label={label}
        value={value === false || value === 'false' ? 'false' : 'true'}
        options={[
          { value: 'true', label: 'true' },
          { value: 'false', label: 'false' },
        ]}
        problems={problems}
        onChange={(v) => onChange(v === 'true', false)}
      />
    );
  }
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return (
    <TextField
      label={label}
      value={text}
      problems={problems}
      onChange={(t) => {
        const parsed = field ? parseLiteral(field, t) : { kind: 'literal' as const, value: t };
        onChange(parsed.kind === 'literal' ? (parsed.value as Json) : t, true);
      }}
    />
  );
}
