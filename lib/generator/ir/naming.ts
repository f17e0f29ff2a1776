import { isSqlReserved, pluralize, snakeCase, uniqueName } from '@/lib/design/names';

/** Module names taken by fixed files of each package. */
export const RESERVED_MODULES: ReadonlySet<string> = new Set([
  ...[
    '__init__',
    'auth',
    'common',
    'custom',
    'deps',
    'enums',
    'base',
    'conftest',
    'factories',
    'health',
    'errors',
  ],
]);

/** `HTTPRequest` -> `http_request` (entity names are validated PascalCase). */
export function variableName(className: string): string {
  return snakeCase(className);
}

export function pluralVariable(className: string): string {
  return snakeCase(pluralize(className));
}

/** Enum member name from a free-text value: `in progress` -> `IN_PROGRESS`, `2fa` -> `V_2FA`. */
export function enumMemberNames(values: readonly string[]): string[] {
  const taken = new Set<string>();
  return values.map((value) => {
    let base = snakeCase(value).toUpperCase();
    if (base === '') base = 'VALUE';
    if (/^[0-9]/.test(base)) base = `V_${base}`;
    // `name`/`value` and dunder-ish names clash with Enum's own attributes.
    if (base === 'NAME' || base === 'VALUE' || base.startsWith('_')) base = `${base}_`;
    // `O`, `I` and `l` read as digits: ruff refuses them as names (E741); tic-tac-toe's `O` is a real value.
    if (base === 'O' || base === 'I' || base === 'L') base = `${base}_`;
    const name = uniqueName(base, taken);
    taken.add(name);
    return name;
  });
}

/**
 * Names PostgreSQL resolves to its own types before the schema's (`pg_catalog` comes first on the search path):
 * an enum type called `text` would never be found.
 */
const PG_BUILTIN_TYPES: ReadonlySet<string> = new Set([
  ...['bigint', 'bigserial', 'bit', 'bool', 'boolean', 'box', 'bytea', 'char', 'character', 'cidr', 'circle'],
  ...['date', 'decimal', 'float4', 'float8', 'inet', 'int', 'int2', 'int4', 'int8', 'integer', 'interval'],
  ...['json', 'jsonb', 'line', 'lseg', 'macaddr', 'money', 'name', 'numeric', 'oid', 'path', 'point'],
  ...['polygon', 'real', 'record', 'regclass', 'serial', 'smallint', 'smallserial', 'text', 'time'],
  ...[
    'timestamp',
    'timestamptz',
    'timetz',
    'tsquery',
    'tsvector',
    'uuid',
    'varbit',
    'varchar',
    'void',
    'xml',
  ],
]);

/** PostgreSQL identifiers are cut at 63 bytes; `_<name>_old` (the type swapped out on a value removal) must fit. */
const TYPE_NAME_MAX = 56;

/**
 * The PostgreSQL type name of each enum, in order: the class name in snake_case (`OrderStatus` ->
 * `order_status`), with `_enum` added when that is a table name (tables own a row type of the same name),
 * a reserved word or a built-in type name, and a number when two enums would still share a name.
 */
export function enumTypeNames(classNames: readonly string[], tableNames: readonly string[]): string[] {
  const taken = new Set<string>(['alembic_version', ...tableNames]);
  return classNames.map((className) => {
    let base = (snakeCase(className) || 'enum').slice(0, TYPE_NAME_MAX - 7).replace(/_+$/, '');
    if (taken.has(base) || isSqlReserved(base) || PG_BUILTIN_TYPES.has(base)) base = `${base}_enum`;
    const name = uniqueName(base, taken);
    taken.add(name);
    return name;
  });
}

/** A Python function name for a custom endpoint: `POST /posts/{slug}/publish` -> `post_posts_slug_publish`. */
export function endpointFunctionName(method: string, path: string): string {
  const words = snakeCase(path.replace(/[{}]/g, ' '));
  return words === '' ? `${method.toLowerCase()}_root` : `${method.toLowerCase()}_${words}`;
}

export { uniqueName };
