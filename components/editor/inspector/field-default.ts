import type { Field, FieldDefault } from '@/lib/design';

export type DefaultKind = 'none' | FieldDefault['kind'];

/** A literal default typed in a text box, converted to the field's JSON type. */
export function parseLiteral(field: Field, text: string): FieldDefault {
  if (['integer', 'bigint', 'float', 'decimal'].includes(field.type)) {
    const value = Number(text);
    return { kind: 'literal', value: text.trim() !== '' && Number.isFinite(value) ? value : text };
  }
  if (field.type === 'boolean') return { kind: 'literal', value: text === 'true' };
  return { kind: 'literal', value: text };
}

export function literalText(value: FieldDefault | undefined): string {
  if (value?.kind !== 'literal') return '';
  return typeof value.value === 'string' ? value.value : JSON.stringify(value.value);
}

/** A boolean's default is one of three choices, not text to type. */
export type BooleanDefault = 'none' | 'true' | 'false';

export function booleanDefaultOf(value: FieldDefault | undefined): BooleanDefault {
  if (value?.kind !== 'literal') return 'none';
  // Anything but a stored `true`/`false` (an old text value) shows as its truthiness a select can hold.
  return value.value === true || value.value === 'true'
    ? 'true'
    : value.value === false || value.value === 'false'
      ? 'false'
      : 'none';
}

export function booleanDefault(choice: BooleanDefault): FieldDefault | null {
  return choice === 'none' ? null : { kind: 'literal', value: choice === 'true' };
}

export const TEXT_TYPES = new Set(['string', 'text', 'email', 'url', 'password']);
export const NUMBER_TYPES = new Set(['integer', 'bigint', 'float', 'decimal']);
