import { fieldApiName, type Naming } from '@/lib/design/api-shape';
import type { Field } from '@/lib/design/schema';
import type { IrAccess, IrEnum, IrField } from './types';

/** Default VARCHAR length of a `string` field without maxLength. */
export const DEFAULT_STRING_LENGTH = 255;

function columnLength(field: Field): number | undefined {
  switch (field.type) {
    case 'string':
      return field.constraints.maxLength ?? DEFAULT_STRING_LENGTH;
    case 'email':
      return Math.max(field.constraints.maxLength ?? 320, 1);
    case 'url':
      return Math.max(field.constraints.maxLength ?? 2048, 1);
    case 'password':
      return 255; // the argon2 hash, not the password
    default:
      return undefined;
  }
}

/**
 * Which schemas carry the field. The auth role field is writable only through operations restricted to
 * roles: nobody should pick their own role when registering or creating a user through a public endpoint.
 */
export function toIrField(
  field: Field,
  enumDef: IrEnum | undefined,
  role: { isRole: boolean; create: IrAccess | null; update: IrAccess | null; naming: Naming },
): IrField {
  const isPassword = field.type === 'password';
  // A derived value is the server's: read-only in bodies whatever `readOnly` says.
  const readOnly = field.readOnly || field.derive !== undefined;
  const writable = !readOnly;
  return {
    id: field.id,
    name: field.name,
    api: fieldApiName(field, role.naming),
    type: field.type,
    nullable: field.nullable,
    unique: field.unique,
    indexed: field.indexed,
    default: field.default,
    constraints: field.constraints,
    description: field.description,
    example: field.example,
    enum: enumDef,
    precision: field.precision,
    scale: field.scale,
    length: columnLength(field),
    readOnly,
    inCreate: writable && (!role.isRole || role.create?.kind === 'roles'),
    inUpdate: writable && (!role.isRole || role.update?.kind === 'roles'),
    inRead: !isPassword && !field.writeOnly,
    isPassword,
    visibility: field.visibility,
    // Resolved by buildIr once the foreign keys exist.
    copyFrom: null,
    derive: null,
  };
}
