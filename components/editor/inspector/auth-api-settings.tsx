'use client';

import type { Auth, AuthApi, TokenScheme } from '@/lib/design';
import { useProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, Section, SelectField, TextField } from './controls';

const LOGIN = [
  { value: 'form', label: 'OAuth2 form (JSON at …/json)' },
  { value: 'json', label: 'JSON only' },
  { value: 'both', label: 'JSON (OAuth2 form at …/form)' },
] as const;
const TOKEN_IN = [
  { value: 'token', label: 'A token object ({access_token, token_type})' },
  { value: 'user', label: 'The user, with a token field' },
] as const;
const SCHEMES = [
  { value: 'bearer', label: 'Authorization: Bearer <token>' },
  { value: 'prefix', label: 'Authorization: <prefix> <token>' },
  { value: 'header', label: 'A header of its own (API key)' },
] as const;

/** The scheme of `kind`, keeping what the current one holds where it can. */
function schemeOf(kind: TokenScheme['kind'], current: TokenScheme): TokenScheme {
  if (kind === 'prefix') return { kind, prefix: current.kind === 'prefix' ? current.prefix : 'Token' };
  if (kind === 'header') return { kind, header: current.kind === 'header' ? current.header : 'X-API-Key' };
  return { kind };
}

/** The auth API's shape: paths, how one logs in, where the token comes back and how it is sent. */
export function AuthApiSettings({ auth }: { auth: Auth }) {
  const actions = useEditorActions();
  const update = useEditor((s) => s.design.api.update);
  const problems = useProblems().filter((p) => p.path.startsWith('auth.api'));
  const at = (path: string) => problems.filter((p) => p.path.startsWith(`auth.api.${path}`));
  const api = auth.api;
  const set = (patch: Partial<AuthApi>, label: string, key?: string) =>
    actions.apply(
      label,
      { op: 'setAuth', auth: { ...auth, api: { ...api, ...patch } } },
      { coalesceKey: key },
    );
  const path = (key: 'registerPath' | 'loginPath' | 'mePath', label: string) => (
    <TextField
      label={label}
      value={api[key]}
      problems={at(key)}
      onChange={(value) => set({ [key]: value }, label, `auth-api-${key}`)}
    />
  );
  const verb = update === 'both' ? 'PUT and PATCH' : update.toUpperCase();
  return (
    <Section title="Auth API">
      {path('registerPath', 'Register path')}
      {path('loginPath', 'Login path')}
      {path('mePath', 'Current user path')}
      <SelectField
        label="Login"
        value={api.login}
        options={LOGIN}
        onChange={(login) => set({ login }, 'Login mode')}
        hint="Swagger's Authorize logs in through the OAuth2 form with Bearer tokens."
      />
      <SelectField
        label="Token returned in"
        value={api.tokenIn}
        options={TOKEN_IN}
        problems={at('tokenIn')}
        onChange={(tokenIn) => set({ tokenIn }, 'Token location')}
      />
      <SelectField
        label="Token scheme"
        value={api.scheme.kind}
        options={SCHEMES}
        onChange={(kind) => set({ scheme: schemeOf(kind, api.scheme) }, 'Token scheme')}
      />
      {api.scheme.kind === 'prefix' && (
        <TextField
          label="Prefix"
          value={api.scheme.prefix}
          problems={at('scheme')}
          onChange={(prefix) =>
            set({ scheme: { kind: 'prefix', prefix } }, 'Token prefix', 'auth-api-prefix')
          }
          hint="Sent as Authorization: <prefix> <token>, e.g. Token."
        />
      )}
      {api.scheme.kind === 'header' && (
        <TextField
          label="Header name"
          value={api.scheme.header}
          problems={at('scheme')}
          onChange={(header) =>
            set({ scheme: { kind: 'header', header } }, 'Token header', 'auth-api-header')
          }
        />
      )}
      <CheckboxField
        label={`Users change their own profile (${verb} at the current user path)`}
        checked={api.meUpdate}
        onChange={(meUpdate) => set({ meUpdate }, 'Profile updates')}
      />
    </Section>
  );
}
