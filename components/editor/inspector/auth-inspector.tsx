'use client';

import type { Auth, Entity } from '@/lib/design';

type AuthSettings = Omit<Auth, 'api'> & { api?: Auth['api'] };

import { useProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { AuthApiSettings } from './auth-api-settings';
import { authFieldOptions } from './auth-choices';
import { CheckboxField, NumberField, ProblemList, Section, SelectField } from './controls';

/** A starting auth config for `entity`: its email/string field to log in, its password field. */
/** Without `api`: setAuth keeps the current auth API. */
function defaultsFor(entity: Entity, lifetime: number): AuthSettings | null {
  const login =
    entity.fields.find((f) => f.type === 'email') ?? entity.fields.find((f) => f.type === 'string');
  const password = entity.fields.find((f) => f.type === 'password');
  if (!login || !password) return null;
  return {
    userEntityId: entity.id,
    loginFieldId: login.id,
    passwordFieldId: password.id,
    tokenLifetimeMinutes: lifetime,
  };
}

export function AuthInspector() {
  const actions = useEditorActions();
  const auth = useEditor((s) => s.design.auth);
  const entities = useEditor((s) => s.design.entities);
  const problems = useProblems().filter((p) => p.path.startsWith('auth'));
  const set = (next: AuthSettings | null, label = 'Auth settings', key?: string) =>
    actions.apply(label, { op: 'setAuth', auth: next }, { coalesceKey: key });
  const candidates = entities.filter((e) => defaultsFor(e, 60) !== null);
  const user = auth ? entities.find((e) => e.id === auth.userEntityId) : undefined;
  const userOptions = entities
    .filter((e) => e.id === auth?.userEntityId || candidates.includes(e))
    .map((e) => ({ value: e.id, label: e.name || '(unnamed)' }));
  return (
    <>
      <ProblemList problems={problems} />
      <Section title="Authentication">
        <CheckboxField
          label="Users sign in (JWT bearer tokens)"
          checked={auth !== null}
          disabled={auth === null && candidates.length === 0}
          onChange={(on) =>
            set(
              on && candidates[0] ? defaultsFor(candidates[0], 60) : null,
              on ? 'Enable auth' : 'Disable auth',
            )
          }
        />
        {auth === null && candidates.length === 0 && (
          <p className="hint">
            Add an entity with an email (or string) field and a password field to enable sign-in.
          </p>
        )}
        {auth && (
          <>
            <SelectField
              label="User entity"
              value={auth.userEntityId}
              options={userOptions}
              onChange={(id) => {
                const entity = entities.find((e) => e.id === id);
                const next = entity && defaultsFor(entity, auth.tokenLifetimeMinutes);
                if (next) set(next);
                else actions.select({ kind: 'auth' });
              }}
              hint="Only entities with a login field and a password field work."
            />
            <SelectField
              label="Login field"
              value={auth.loginFieldId}
              options={authFieldOptions(user, 'login', auth.loginFieldId)}
              hint="A string or email field, unique and required."
              onChange={(loginFieldId) => set({ ...auth, loginFieldId })}
            />
            <SelectField
              label="Password field"
              value={auth.passwordFieldId}
              options={authFieldOptions(user, 'password', auth.passwordFieldId)}
              onChange={(passwordFieldId) => set({ ...auth, passwordFieldId })}
            />
            <SelectField
              label="Role field"
              value={auth.roleFieldId ?? ''}
              options={[
                { value: '', label: 'None (no roles)' },
                ...authFieldOptions(user, 'role', auth.roleFieldId),
              ]}
              hint="An enum (its values are the roles) or a string field."
              onChange={(v) => {
                const { roleFieldId: _drop, ...rest } = auth;
                set(v === '' ? rest : { ...rest, roleFieldId: v });
              }}
            />
            <NumberField
              label="Token lifetime (minutes)"
              min={1}
              value={auth.tokenLifetimeMinutes}
              onChange={(v) =>
                v !== undefined &&
                v >= 1 &&
                set({ ...auth, tokenLifetimeMinutes: Math.round(v) }, 'Token lifetime', 'auth-lifetime')
              }
            />
          </>
        )}
      </Section>
      {auth && <AuthApiSettings auth={auth} />}
    </>
  );
}
