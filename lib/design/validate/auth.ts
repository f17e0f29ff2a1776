import type { Context } from './context';

export function checkAuth(ctx: Context): void {
  const { report, design } = ctx;
  const auth = design.auth;
  if (!auth) return;
  const user = ctx.entities.get(auth.userEntityId);
  if (!user) {
    report('unknown-entity', 'auth.userEntityId', 'Authentication uses a user entity that no longer exists.');
    return;
  }
  const pick = (key: 'loginFieldId' | 'passwordFieldId' | 'roleFieldId', role: string) => {
    const fieldId = auth[key];
    if (fieldId === undefined) return undefined;
    const found = ctx.fields.get(fieldId);
    if (!found) {
      report(
        'unknown-field',
        `auth.${key}`,
        `The ${role} field of authentication no longer exists.`,
        user.id,
      );
      return undefined;
    }
    if (found.entity.id !== user.id) {
      report(
        'invalid-auth-field',
        `auth.${key}`,
        `The ${role} field must be a field of '${user.name}'.`,
        fieldId,
      );
      return undefined;
    }
    return found.field;
  };
  const login = pick('loginFieldId', 'login');
  if (login) {
    if (login.type !== 'string' && login.type !== 'email') {
      report(
        'invalid-auth-field',
        'auth.loginFieldId',
        `The login field '${login.name}' must be a string or email.`,
        login.id,
      );
    } else if (!login.unique || login.nullable) {
      report(
        'invalid-auth-field',
        'auth.loginFieldId',
        `The login field '${login.name}' must be unique and required.`,
        login.id,
      );
    }
  }
  const password = pick('passwordFieldId', 'password');
  if (password && password.type !== 'password') {
    report(
      'invalid-auth-field',
      'auth.passwordFieldId',
      `The password field '${password.name}' must have the type password.`,
      password.id,
    );
  } else if (password?.nullable) {
    // Registration and sign-in hash and verify it: a user without one could never sign in (or sign in as anyone).
    report(
      'invalid-auth-field',
      'auth.passwordFieldId',
      `The password field '${password.name}' must be required.`,
      password.id,
    );
  }
  const role = pick('roleFieldId', 'role');
  if (role && role.type !== 'enum' && role.type !== 'string') {
    report(
      'invalid-auth-field',
      'auth.roleFieldId',
      `The role field '${role.name}' must be an enum or a string.`,
      role.id,
    );
  } else if (role && !role.nullable && role.default === undefined) {
    report(
      'role-field-required',
      'auth.roleFieldId',
      `The role field '${role.name}' is required but has no default: registration never lets people pick their own role, so no user could sign up. Give it a default (the least privileged role) or make it nullable.`,
      role.id,
    );
  }
}
