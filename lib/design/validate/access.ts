import type { AccessRule } from '../schema';
import type { Context } from './context';

/** Checks one access rule; `ownerOk` says whether an owner rule can be resolved where it is used. */
export function checkAccess(
  ctx: Context,
  rule: AccessRule,
  path: string,
  label: string,
  elementId: string,
  ownerOk: boolean,
): void {
  const { report, design } = ctx;
  if (rule.kind === 'public') return;
  if (!design.auth) {
    report(
      'auth-required',
      path,
      `${label} requires signed-in users, but authentication is not set up. Configure auth or make it public.`,
      elementId,
    );
  }
  // The parent's owner is checked with the nesting (validate/nesting.ts).
  if (rule.kind === 'owner' && rule.of !== 'parent' && !ownerOk) {
    report(
      'owner-without-relation',
      path,
      `${label} is limited to the owner, but no owner relation is set. Choose the relation to the user.`,
      elementId,
    );
  }
  if (rule.kind !== 'roles') return;
  if (rule.roles.length === 0) {
    report('empty-roles', `${path}.roles`, `${label} is limited to roles, but no role is listed.`, elementId);
  }
  const auth = design.auth;
  if (auth && auth.roleFieldId === undefined) {
    report(
      'roles-without-role-field',
      path,
      `${label} is limited to roles, but auth has no role field. Pick the user field that holds the role.`,
      elementId,
    );
  }
  const roleField = auth?.roleFieldId ? ctx.fields.get(auth.roleFieldId)?.field : undefined;
  const roleEnum =
    roleField?.type === 'enum' && roleField.enumId ? ctx.enums.get(roleField.enumId) : undefined;
  if (!roleEnum) return;
  for (const role of rule.roles) {
    if (!roleEnum.values.includes(role)) {
      report(
        'unknown-role',
        `${path}.roles`,
        `${label} mentions role '${role}', which is not a value of '${roleEnum.name}'.`,
        elementId,
      );
    }
  }
}
