'use client';

import { useState } from 'react';
import type { AccessRule } from '@/lib/design';
import { SelectField, TextField } from './controls';

type Kind = AccessRule['kind'];

/** Access rule editor: public / signed-in / owner / roles (comma-separated). */
export function AccessControl({
  label,
  value,
  onChange,
}: {
  label: string;
  value: AccessRule;
  onChange: (rule: AccessRule, coalesce?: boolean) => void;
}) {
  // The text as typed ("admin, "), so a trailing comma survives until the next role is written.
  const [draft, setDraft] = useState<string | null>(null);
  const roles = value.kind === 'roles' ? value.roles : [];
  return (
    <div className="access-control">
      <SelectField<Kind>
        label={label}
        value={value.kind}
        options={[
          { value: 'public', label: 'Public' },
          { value: 'authenticated', label: 'Signed-in users' },
          { value: 'owner', label: 'Owner only' },
          { value: 'roles', label: 'Some roles' },
        ]}
        onChange={(kind) => onChange(kind === 'roles' ? { kind, roles } : { kind })}
      />
      {value.kind === 'roles' && (
        <TextField
          label="Roles (comma-separated)"
          value={draft ?? roles.join(', ')}
          onChange={(text) => {
            setDraft(text);
            const next = text
              .split(',')
              .map((r) => r.trim())
              .filter((r) => r !== '');
            onChange({ kind: 'roles', roles: next }, true);
          }}
        />
      )}
    </div>
  );
}
