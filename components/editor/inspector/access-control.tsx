'use client';

import { useState } from 'react';
import type { AccessRule } from '@/lib/design';
import { useEditor } from '../store/editor-context';
import { roleEnumValues } from './auth-choices';
import { CheckboxField, SelectField, TextField } from './controls';

type Kind = AccessRule['kind'];

/** Access rule editor: public / signed-in / owner / roles (checkboxes of the role enum, else comma-separated). */
export function AccessControl({
  label,
  value,
  onChange,
}: {
  label: string;
  value: AccessRule;
  onChange: (rule: AccessRule, coalesce?: boolean) => void;
}) {
  const roleValues = useEditor((s) => roleEnumValues(s.design));
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
      {value.kind === 'roles' &&
        (roleValues ? (
          <RoleChecks
            label={label}
            values={roleValues}
            roles={roles}
            onChange={(next) => onChange({ kind: 'roles', roles: next })}
          />
        ) : (
          <RoleText roles={roles} onChange={(next) => onChange({ kind: 'roles', roles: next }, true)} />
        ))}
    </div>
  );
}

/** One checkbox per value of the role enum; roles the enum no longer has stay listed so they can be removed. */
function RoleChecks({
  label,
  values,
  roles,
  onChange,
}: {
  label: string;
  values: readonly string[];
  roles: readonly string[];
  onChange: (roles: string[]) => void;
}) {
  const unknown = roles.filter((r) => !values.includes(r));
  return (
    <fieldset className="embeds" aria-label={`Roles: ${label}`}>
      <legend>Roles</legend>
      {[...values, ...unknown].map((role) => (
        <CheckboxField
          key={role}
          label={values.includes(role) ? role : `${role} (not a role)`}
          checked={roles.includes(role)}
          // Keeps the enum's order, whatever order the boxes were ticked in.
          onChange={(on) =>
            onChange(
              on
                ? [...values, ...unknown].filter((r) => r === role || roles.includes(r))
                : roles.filter((r) => r !== role),
            )
          }
        />
      ))}
    </fieldset>
  );
}

function RoleText({ roles, onChange }: { roles: readonly string[]; onChange: (roles: string[]) => void }) {
  // The text as typed ("admin, "), so a trailing comma survives until the next role is written.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <TextField
      label="Roles (comma-separated)"
      hint="Make the auth role field an enum to pick roles from its values."
      value={draft ?? roles.join(', ')}
      onChange={(text) => {
        setDraft(text);
        onChange(
          text
            .split(',')
            .map((r) => r.trim())
            .filter((r) => r !== ''),
        );
      }}
    />
  );
}
