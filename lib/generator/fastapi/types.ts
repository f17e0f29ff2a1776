import type { IrEntity, IrField } from '../ir/types';
import type { Imports } from '../python/imports';

/**
 * Default maximum length of `text` fields (characters) and of passwords (argon2's input); a field's
 * explicit `maxLength` wins. Strings also have the column length (VARCHAR) as their bound.
 */
export const TEXT_MAX_LENGTH = 100_000;
export const PASSWORD_MAX_LENGTH = 128;

/** Bounds of the integer columns: INTEGER (ids too) and BIGINT. */
export const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;
export const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n } as const;

/** The maximum length a string input is validated against, or undefined for non-strings. */
export function inputMaxLength(field: IrField): number | undefined {
  const explicit = field.constraints.maxLength;
  switch (field.type) {
    case 'text':
      return explicit ?? TEXT_MAX_LENGTH;
    case 'password':
      return explicit ?? PASSWORD_MAX_LENGTH;
    case 'string':
    case 'email':
    case 'url':
      return explicit ?? field.length;
    default:
      return undefined;
  }
}

/** NUMERIC(precision, scale) of a decimal column: the design's, or (10, 2). */
export function decimalDigits(field: IrField): { precision: number; scale: number } {
  return { precision: field.precision ?? 10, scale: field.scale ?? 2 };
}

const common = (imports: Imports, name: string) => imports.from('app.schemas.common', name);

/**
 * Python annotations of a field's value (no `| None`):
 * - `column`: the model's `Mapped[...]`;
 * - `model`: a value compared with the column (path and query parameters): strings the database can
 *   store, integers within the column, finite floats;
 * - `input`: request bodies (JSON bodies are vetted for NUL and non-finite numbers by the middleware;
 *   integer bounds come with the field's constraints, see `intBounds`);
 * - `output`: responses.
 */
export function pyValueType(
  field: IrField,
  imports: Imports,
  mode: 'column' | 'model' | 'input' | 'output',
): string {
  const query = mode === 'model';
  switch (field.type) {
    case 'string':
    case 'text':
    case 'password':
      return query ? common(imports, 'SafeStr') : 'str';
    case 'email':
      if (mode === 'input') return imports.from('pydantic', 'EmailStr');
      return query ? common(imports, 'SafeStr') : 'str';
    case 'url':
      if (mode === 'input') return common(imports, 'HttpUrlStr');
      return query ? common(imports, 'SafeStr') : 'str';
    case 'integer':
      return query ? common(imports, 'Int32') : 'int';
    case 'bigint':
      return query ? common(imports, 'Int64') : 'int';
    case 'float':
      return query ? imports.from('pydantic', 'FiniteFloat') : 'float';
    case 'decimal':
      return imports.from('decimal', 'Decimal');
    case 'boolean':
      return 'bool';
    case 'date':
      return `${imports.module('datetime', 'dt')}.date`;
    case 'datetime':
      if (mode === 'input') return imports.from('pydantic', 'AwareDatetime');
      if (mode === 'output') return common(imports, 'UTCDatetime');
      return `${imports.module('datetime', 'dt')}.datetime`;
    case 'uuid':
      return `${imports.module('uuid')}.UUID`;
    case 'json':
      return imports.from('typing', 'Any');
    case 'enum':
      return field.enum ? imports.from('app.enums', field.enum.className) : 'str';
  }
}

/**
 * `ge`/`le` of an integer input: the design's min/max within the column's range, as exact Python
 * literals (a JavaScript number cannot hold 2**63 - 1). Null for other types.
 */
export function intBounds(field: IrField): { ge: string; le: string; min: number; max: number } | null {
  if (field.type !== 'integer' && field.type !== 'bigint') return null;
  const range = field.type === 'integer' ? INT32 : INT64;
  const { min, max } = field.constraints;
  const lo = min !== undefined && BigInt(Math.ceil(min)) > BigInt(range.min) ? Math.ceil(min) : range.min;
  const hi = max !== undefined && BigInt(Math.floor(max)) < BigInt(range.max) ? Math.floor(max) : range.max;
  return { ge: String(lo), le: String(hi), min: Number(lo), max: Number(hi) };
}

/** The primary key's type in requests and responses (ids are INTEGER or UUID). */
export function pkType(entity: IrEntity, imports: Imports): string {
  return entity.primaryKey === 'uuid' ? `${imports.module('uuid')}.UUID` : common(imports, 'Int32');
}

export function optional(type: string, nullable: boolean): string {
  return nullable && type !== 'Any' ? `${type} | None` : type;
}
