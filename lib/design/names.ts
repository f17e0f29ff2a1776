/** Identifier helpers shared by the validator, the operations and the generator. */

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Words split at case changes, digits boundaries and non-alphanumerics: `HTTPRequest2x` -> http, request2x.
 * One pass, linear in the input (the regex version backtracked quadratically on long capital runs): a word
 * ends before a capital that follows a lowercase letter or digit, and before the last capital of a run that
 * is followed by a lowercase letter (`HTTPRequest` -> `HTTP`, `Request`).
 */
function words(input: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= input.length; i++) {
    const c = i < input.length ? input.charCodeAt(i) : -1;
    const alnum = isUpper(c) || isLower(c) || isDigit(c);
    if (!alnum) {
      if (start >= 0) out.push(input.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start >= 0 && isUpper(c)) {
      const prev = input.charCodeAt(i - 1);
      const boundary = isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(input.charCodeAt(i + 1)));
      if (boundary) {
        out.push(input.slice(start, i).toLowerCase());
        start = i;
      }
    }
    if (start < 0) start = i;
  }
  return out;
}

/** `BlogPost` -> `blog_post`, `HTTPRequest` -> `http_request`, `blog-post` -> `blog_post`. */
export function snakeCase(input: string): string {
  return words(input).join('_');
}

/** `blog_post` -> `BlogPost`. */
export function pascalCase(input: string): string {
  return words(input)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `BlogPost` -> `blog-post`. */
export function kebabCase(input: string): string {
  return words(input).join('-');
}

const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
};
const UNCOUNTABLE = new Set([
  'data',
  'info',
  'information',
  'news',
  'series',
  'species',
  'equipment',
  'media',
]);

function matchCase(source: string, target: string): string {
  if (source.length > 1 && source === source.toUpperCase()) return target.toUpperCase();
  if (source.charAt(0) === source.charAt(0).toUpperCase())
    return target.charAt(0).toUpperCase() + target.slice(1);
  return target;
}

/**
 * Simple English plural of the last word (`blog_post` -> `blog_posts`, `Category` -> `Categories`,
 * `box` -> `boxes`, `person` -> `people`). Keeps the input's case and separators.
 */
export function pluralize(input: string): string {
  // Trailing letters, found by scanning back (an anchored `[A-Za-z]+$` regex is quadratic on long inputs).
  let prefixEnd = input.length;
  while (prefixEnd > 0 && /[A-Za-z]/.test(input.charAt(prefixEnd - 1))) prefixEnd--;
  if (prefixEnd === input.length) return input;
  let last = input.slice(prefixEnd);
  // In PascalCase the last word starts at the last capital: `BlogPost` -> `Post`.
  let camel = last.length;
  while (camel > 0 && !isUpper(last.charCodeAt(camel - 1))) camel--;
  camel--; // the capital itself (-1 when there is none)
  let prefix = input.slice(0, prefixEnd);
  if (camel > 0 && last !== last.toUpperCase()) {
    prefix += last.slice(0, camel);
    last = last.slice(camel);
  }
  const lower = last.toLowerCase();
  let plural: string;
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) plural = irregular;
  else if (UNCOUNTABLE.has(lower)) plural = lower;
  else if (/[^aeiou]y$/.test(lower)) plural = `${lower.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/.test(lower)) plural = `${lower}es`;
  else plural = `${lower}s`;
  return prefix + matchCase(last, plural);
}

/** Default table name: `BlogPost` -> `blog_posts`. */
export function tableNameFor(entityName: string): string {
  return pluralize(snakeCase(entityName));
}

/** Default resource path: `BlogPost` -> `/blog-posts`. */
export function resourcePathFor(entityName: string): string {
  return `/${kebabCase(pluralize(snakeCase(entityName)))}`;
}

/** FK column of a many-to-one / one-to-one: `author` -> `author_id`. */
export function foreignKeyColumnFor(relationFieldName: string): string {
  return `${relationFieldName}_id`;
}

/** Default association table of a many-to-many: `posts` + `tags` -> `posts_tags`. */
export function associationTableFor(fromTableName: string, relationFieldName: string): string {
  return `${fromTableName}_${relationFieldName}`;
}

/** ASCII only on purpose: generated code should be typeable everywhere. */
export function isValidPythonIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

export function isSnakeCase(name: string): boolean {
  return /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name);
}

export function isPascalCase(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name);
}

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  ...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def'],
  ...['del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is'],
  ...['lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'],
]);

/** Legal identifiers in Python (`match x:` only at statement start), so not rejected; exported for the generator. */
export const PYTHON_SOFT_KEYWORDS: ReadonlySet<string> = new Set(['match', 'case', 'type', '_']);

/**
 * Field names that break generated models: builtin types used in annotations (`str: str` in a class body
 * shadows the type for later fields), SQLAlchemy declarative attributes and pydantic's model namespace.
 * `id`, `type`, `date`, `format`... are fine (the generator aliases its date/time imports).
 */
export const PYTHON_RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...['str', 'int', 'float', 'bool', 'bytes', 'list', 'dict', 'set', 'tuple', 'object', 'self', 'cls'],
  ...['metadata', 'registry', 'model_config', 'model_fields', 'model_computed_fields', 'model_dump'],
  ...['model_validate', 'model_copy', 'model_extra', 'model_fields_set'],
]);

/**
 * Attributes of pydantic's `BaseModel` (v2 API and the deprecated v1 methods it still defines). A schema field
 * with one of these names shadows the method (pydantic warns, and `obj.json()` or `Model.validate(...)` then
 * breaks), and every `model_*` name is in pydantic's protected namespace.
 */
export const PYDANTIC_MODEL_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...['json', 'dict', 'copy', 'schema', 'schema_json', 'validate', 'construct', 'fields', 'parse_obj'],
  ...['parse_raw', 'parse_file', 'from_orm', 'update_forward_refs'],
]);

/** Why `name` cannot be a pydantic schema attribute, or null. */
export function pydanticAttributeReason(name: string): string | null {
  if (PYDANTIC_MODEL_ATTRIBUTES.has(name)) return `'${name}' is a method of pydantic models`;
  if (name.startsWith('model_')) return `'${name}' starts with 'model_', a prefix pydantic reserves`;
  return null;
}

/** Class names that would shadow builtins or names the generated code imports. */
export const PYTHON_RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set([
  ...['Exception', 'BaseException', 'Ellipsis', 'NotImplemented', 'Any', 'Optional', 'Annotated', 'Literal'],
  ...['Enum', 'Decimal', 'UUID', 'BaseModel', 'Field', 'Session', 'Depends', 'HTTPException', 'Query'],
  ...['Base', 'Mapped', 'Column', 'ForeignKey', 'Table', 'Index', 'Settings', 'APIRouter', 'FastAPI'],
]);

/** PostgreSQL reserved key words (also covers SQLite/MySQL's most common ones). */
export const SQL_RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...['all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case', 'cast'],
  ...[
    'check',
    'collate',
    'column',
    'constraint',
    'create',
    'current_catalog',
    'current_date',
    'current_role',
  ],
  ...['current_time', 'current_timestamp', 'current_user', 'default', 'deferrable', 'desc', 'distinct', 'do'],
  ...['else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'from', 'grant', 'group', 'having', 'in'],
  ...['index', 'initially', 'intersect', 'into', 'join', 'lateral', 'leading', 'limit', 'localtime'],
  ...['localtimestamp', 'not', 'null', 'offset', 'on', 'only', 'or', 'order', 'placing', 'primary'],
  ...['references', 'returning', 'select', 'session_user', 'some', 'symmetric', 'table', 'then', 'to'],
  ...['trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'when', 'where', 'window', 'with'],
]);

export function isSqlReserved(name: string): boolean {
  return SQL_RESERVED_WORDS.has(name.toLowerCase());
}

/** Why `name` cannot be a field/column name, or null when it can. */
export function reservedFieldNameReason(name: string): string | null {
  if (PYTHON_KEYWORDS.has(name)) return `'${name}' is a Python keyword`;
  if (PYTHON_RESERVED_FIELD_NAMES.has(name))
    return `'${name}' would shadow a name the generated Python code needs`;
  if (isSqlReserved(name)) return `'${name}' is a reserved word in SQL`;
  return null;
}

/** Why `name` cannot be an entity/enum class name, or null when it can. */
export function reservedClassNameReason(name: string): string | null {
  if (PYTHON_KEYWORDS.has(name)) return `'${name}' is a Python keyword`;
  if (PYTHON_RESERVED_CLASS_NAMES.has(name))
    return `'${name}' would shadow a name the generated Python code needs`;
  return null;
}

/** `base`, `base_2`, `base_3`... first one not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>, separator = '_'): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${separator}${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
