import { emptyDesign } from '../factories';
import { applyOperations, type Operation } from '../operations';
import type { Design } from '../schema';

/** Templates are written as operation scripts: the same path the editor takes, so they stay consistent. */
export function buildDesign(name: string, operations: readonly Operation[]): Design {
  return applyOperations(emptyDesign(name), operations);
}

type FieldInput = Extract<Operation, { op: 'addField' }>['field'];

/** `addField` operations for one entity, in order. */
export function fields(entityId: string, list: FieldInput[]): Operation[] {
  return list.map((field) => ({ op: 'addField', entityId, field }));
}

// Functions, not shared constants: every template call returns a fully independent document.
export const PUBLIC = () => ({ kind: 'public' as const });
export const AUTHENTICATED = () => ({ kind: 'authenticated' as const });
/** Public, and a valid token still identifies the caller (per-viewer values: `favorited`, `following`). */
export const VIEWER = () => ({ kind: 'public' as const, viewer: true });
export const OWNER = () => ({ kind: 'owner' as const });
export const ADMIN = () => ({ kind: 'roles' as const, roles: ['admin'] });

/** A user entity with email login, hashed password and optional role, plus the auth settings. */
export function userEntity(
  position: { x: number; y: number },
  role?: { enumId: string; defaultValue: string },
): Operation[] {
  const roleField: FieldInput[] = role
    ? [
        {
          id: 'f_user_role',
          name: 'role',
          type: 'enum',
          enumId: role.enumId,
          default: { kind: 'literal', value: role.defaultValue },
        },
      ]
    : [];
  const roleEnumId = role?.enumId;
  return [
    { op: 'addEntity', id: 'e_user', name: 'User', position, description: 'A person who can sign in.' },
    ...fields('e_user', [
      {
        id: 'f_user_email',
        name: 'email',
        type: 'email',
        unique: true,
        indexed: true,
        example: 'ada@example.com',
      },
      { id: 'f_user_password', name: 'password', type: 'password', constraints: { minLength: 8 } },
      ...roleField,
    ]),
    {
      op: 'setAuth',
      auth: {
        userEntityId: 'e_user',
        loginFieldId: 'f_user_email',
        passwordFieldId: 'f_user_password',
        ...(roleEnumId ? { roleFieldId: 'f_user_role' } : {}),
        tokenLifetimeMinutes: 60,
      },
    },
  ];
}
