import type { Design, Entity, FieldType } from '@/lib/design';
import type { Option } from './controls';

/** Field types each auth setting accepts (the same rules validateDesign checks in validate/auth.ts). */
export const AUTH_FIELD_TYPES = {
  login: ['string', 'email'],
  password: ['password'],
  role: ['enum', 'string'],
} as const satisfies Record<string, readonly FieldType[]>;
export type AuthFieldPurpose = keyof typeof AUTH_FIELD_TYPES;

/**
 * The user's fields that fit `purpose`. A current choice that does not fit stays listed (marked), so the
 * select shows what the design holds and validateDesign's problem explains it.
 */
export function authFieldOptions(
  user: Entity | undefined,
  purpose: AuthFieldPurpose,
  current: string | undefined,
): Option<string>[] {
  const types: readonly FieldType[] = AUTH_FIELD_TYPES[purpose];
  return (user?.fields ?? []).flatMap((f) => {
    const fits = types.includes(f.type);
    if (!fits && f.id !== current) return [];
    return [{ value: f.id, label: `${f.name || '(unnamed)'} (${f.type})${fits ? '' : ' — unsuitable'}` }];
  });
}

/** The values of the role field's enum, or null when roles are free text (no role field, or a string one). */
export function roleEnumValues(design: Design): string[] | null {
  const fieldId = design.auth?.roleFieldId;
  if (!fieldId) return null;
  const user = design.entities.find((e) => e.id === design.auth?.userEntityId);
  const field = user?.fields.find((f) => f.id === fieldId);
  if (field?.type !== 'enum') return null;
  return design.enums.find((e) => e.id === field.enumId)?.values ?? null;
}
