import type { AccessRule } from '@/lib/design/schema';
import type { IrAccess } from './types';

export function toAccess(rule: AccessRule): IrAccess {
  if (rule.kind === 'roles') return { kind: 'roles', roles: [...rule.roles] };
  if (rule.kind === 'public') return rule.viewer ? { kind: 'public', viewer: true } : { kind: 'public' };
  if (rule.kind === 'owner') return rule.of === 'parent' ? { kind: 'parent-owner' } : { kind: 'owner' };
  return { kind: rule.kind };
}

export function needsUser(access: IrAccess | null): boolean {
  return access !== null && access.kind !== 'public';
}
