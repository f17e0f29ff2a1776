'use client';

import type { AccessRule } from '@/lib/design';
import { CheckboxField, SelectField } from './controls';

/**
 * What an access rule adds for the API's shape: a public rule may know its viewer (an optional token: valid
 * identifies the caller, invalid is a 401), and an owner rule of a nested resource may mean the parent's owner.
 */
export function AccessShape({
  value,
  nested,
  onChange,
}: {
  value: AccessRule;
  nested: boolean;
  onChange: (rule: AccessRule) => void;
}) {
  if (value.kind === 'public') {
    return (
      <CheckboxField
        label="Knows the viewer (optional token; an invalid one is a 401)"
        checked={value.viewer === true}
        onChange={(viewer) => onChange(viewer ? { kind: 'public', viewer } : { kind: 'public' })}
      />
    );
  }
  if (value.kind === 'owner' && (nested || value.of === 'parent')) {
    return (
      <SelectField<'row' | 'parent'>
        label="Owner of"
        value={value.of ?? 'row'}
        options={[
          { value: 'row', label: 'This row' },
          { value: 'parent', label: 'The parent row' },
        ]}
        onChange={(of) => onChange(of === 'parent' ? { kind: 'owner', of } : { kind: 'owner' })}
      />
    );
  }
  return null;
}
