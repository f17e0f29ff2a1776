import {
  isPascalCase,
  isSnakeCase,
  isSqlReserved,
  PYTHON_KEYWORDS,
  pascalCase,
  pluralize,
  pydanticAttributeReason,
  reservedClassNameReason,
  reservedFieldNameReason,
  snakeCase,
} from '@/lib/design/names';
import { MAX_IDENTIFIER_LENGTH } from '@/lib/design/validate/identifiers';

/**
 * SQL names -> names the design accepts (snake_case columns and tables, PascalCase classes, no reserved words,
 * PostgreSQL's 63 characters). Each helper returns the name and, when it had to change it, why.
 */

export interface Sanitised {
  name: string;
  /** Why the name differs from the source's, or undefined when it does not. */
  reason?: string;
}

const ASCII_ONLY = /[^\x20-\x7e]/g;

/** snake_case, ASCII, starting with a letter, at most `max` characters (cut at a word boundary when one is near). */
export function snakeName(raw: string, fallback: string, max = MAX_IDENTIFIER_LENGTH): string {
  // Accents off first (`é` -> `e`), then whatever is still not ASCII separates words.
  let name = snakeCase(
    raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(ASCII_ONLY, '_'),
  );
  if (name === '') name = fallback;
  if (!/^[a-z]/.test(name)) name = `${fallback}_${name}`;
  return truncate(name, max);
}

function truncate(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max).replace(/_+[a-z0-9]*$/, '');
  return cut.length >= max / 2 ? cut : name.slice(0, max).replace(/_+$/, '');
}

/** A column name as a field name: snake_case, not reserved in Python, SQL or pydantic. */
export function fieldName(raw: string): Sanitised {
  let name = snakeName(raw, 'column');
  const why: string[] = [];
  if (name !== raw) why.push(`'${raw}' is not a snake_case name`);
  const reserved = reservedFieldNameReason(name) ?? pydanticAttributeReason(name);
  if (reserved) {
    why.push(reserved);
    // pydantic reserves the `model_` prefix: a suffix would not help there.
    name = truncate(name.startsWith('model_') ? `f_${name}` : `${name}_value`, MAX_IDENTIFIER_LENGTH);
  }
  return why.length ? { name, reason: why.join('; ') } : { name };
}

/** A table name the design accepts (snake_case, not reserved), room left for `pk_`. */
export function tableName(raw: string): Sanitised {
  let name = snakeName(raw, 'table', MAX_IDENTIFIER_LENGTH - 3);
  const why: string[] = [];
  if (name !== raw) why.push(`'${raw}' is not a snake_case name`);
  if (isSqlReserved(name)) {
    why.push(`'${name}' is a reserved word in SQL`);
    const plural = pluralize(name);
    name = isSqlReserved(plural) || plural === name ? `${name}_table` : plural;
  }
  return why.length ? { name, reason: why.join('; ') } : { name };
}

/** Simple English singular of the last word: `categories` -> `category`, `boxes` -> `box`, `people` -> `person`. */
export function singularize(word: string): string {
  const irregular: Record<string, string> = {
    people: 'person',
    children: 'child',
    men: 'man',
    women: 'woman',
    mice: 'mouse',
    geese: 'goose',
    feet: 'foot',
    teeth: 'tooth',
  };
  const match = /([a-z]+)$/.exec(word);
  if (!match) return word;
  const last = match[1] as string;
  const prefix = word.slice(0, word.length - last.length);
  let single = last;
  if (irregular[last]) single = irregular[last];
  else if (/[^aeiou]ies$/.test(last)) single = `${last.slice(0, -3)}y`;
  else if (/(ss|x|z|ch|sh)es$/.test(last)) single = last.slice(0, -2);
  else if (/ses$/.test(last)) single = last.slice(0, -1);
  else if (/[^su]s$/.test(last) && last.length > 3) single = last.slice(0, -1);
  return prefix + single;
}

/** A class name (entity or enum) from a snake_case name: PascalCase, not reserved, starting with a letter. */
export function className(snake: string, suffix: string): string {
  let name = pascalCase(snake);
  if (!isPascalCase(name)) name = `T${name}`;
  if (reservedClassNameReason(name)) name = `${name}${suffix}`;
  return name;
}

/** A relation attribute: snake_case and not a Python keyword or pydantic attribute. */
export function relationName(raw: string, fallback: string): string {
  let name = snakeName(raw, fallback, MAX_IDENTIFIER_LENGTH - 3);
  if (!isSnakeCase(name)) name = fallback;
  // Relation attributes are not columns: only Python's rules apply (`user` is fine, `from` is not).
  if (PYTHON_KEYWORDS.has(name) || pydanticAttributeReason(name)) name = `${name}_rel`;
  return name;
}

/** `base`, `base_2`, ... not in `taken`; claims the result. */
export function claim(base: string, taken: Set<string>, separator = '_'): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${separator}${i}`;
  taken.add(name);
  return name;
}

/** A deterministic id from source names, within the design's id length. */
export function elementId(prefix: string, ...parts: string[]): string {
  const id = [prefix, ...parts].join('.');
  return id.length <= 120 ? id : `${id.slice(0, 111)}~${hash(id)}`;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
