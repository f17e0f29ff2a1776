import { LIMITS } from '@/lib/design/limits';
import {
  isPascalCase,
  isSnakeCase,
  isSqlReserved,
  PYTHON_KEYWORDS,
  PYTHON_RESERVED_FIELD_NAMES,
  pascalCase,
  pydanticAttributeReason,
  reservedClassNameReason,
  reservedFieldNameReason,
  snakeCase,
  uniqueName,
} from '@/lib/design/names';

/**
 * Names of the document made into names the design accepts: PascalCase classes, snake_case members, within the
 * identifier limits (63 characters, PostgreSQL's), not reserved, unique in their scope. Each answer says whether
 * it had to change the name, so the report can say so.
 */

const MAX_IDENTIFIER = 60;

export type Sanitised = { name: string; changed: boolean };

/** An entity or enum class name. */
export function className(source: string, taken: ReadonlySet<string>): Sanitised {
  let name = pascalCase(source).slice(0, MAX_IDENTIFIER);
  if (name === '') name = 'Schema';
  if (/^[0-9]/.test(name)) name = `S${name}`;
  if (reservedClassNameReason(name)) name = `${name}Model`;
  name = uniqueName(name, taken, '');
  return { name, changed: name !== source };
}

/**
 * A field or relation name (snake_case). Relations are no columns (their key column is `<name>_id`), so SQL's
 * reserved words are fine for them (`order`), Python's and pydantic's are not.
 */
export function memberName(
  source: string,
  taken: ReadonlySet<string>,
  kind: 'field' | 'relation' = 'field',
): Sanitised {
  let name = snakeCase(source).slice(0, MAX_IDENTIFIER).replace(/_+$/, '');
  if (name === '') name = 'field';
  if (/^[0-9]/.test(name)) name = `f_${name}`;
  if (name.startsWith('model_')) name = `f_${name}`;
  const reserved =
    kind === 'field'
      ? reservedFieldNameReason(name)
      : PYTHON_KEYWORDS.has(name) || PYTHON_RESERVED_FIELD_NAMES.has(name) || isSqlReserved(`${name}_id`);
  if (reserved || pydanticAttributeReason(name) || name === 'id') name = `${name}_value`;
  name = uniqueName(name, taken);
  return { name, changed: name !== source || !isSnakeCase(name) };
}

/** A query parameter of a custom endpoint: snake_case, not a Python keyword nor a handler's own argument. */
export function paramName(source: string, taken: ReadonlySet<string>): Sanitised {
  let name = snakeCase(source).slice(0, MAX_IDENTIFIER).replace(/_+$/, '');
  if (name === '') name = 'param';
  if (/^[0-9]/.test(name)) name = `p_${name}`;
  if (PYTHON_KEYWORDS.has(name) || ['session', 'current_user', 'body'].includes(name)) name = `${name}_value`;
  name = uniqueName(name, taken);
  return { name, changed: name !== source };
}

/** A stable id from source names: `e.Pet`, `f.Pet.name`; ids past the limit keep a hash of the whole. */
export function idOf(...parts: string[]): string {
  const id = parts.join('.');
  if (id.length <= LIMITS.idLength) return id;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `${id.slice(0, LIMITS.idLength - 9)}~${h.toString(16).padStart(8, '0')}`;
}

export { isPascalCase };
