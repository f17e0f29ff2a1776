import { pluralize, snakeCase, uniqueName } from '@/lib/design/names';

/** Names inside generated route handlers; filter and path parameters must not shadow them. */
export const HANDLER_RESERVED: ReadonlySet<string> = new Set([
  ...['session', 'current_user', 'body', 'data', 'statement', 'count_statement', 'total', 'rows', 'row'],
  ...['limit', 'offset', 'sort', 'column', 'descending', 'key', 'order', 'target', 'related', 'router'],
  ...['select', 'func', 'selectinload', 'aliased', 'hash_password', 'require_roles', 'commit_or_409'],
  ...['query', 'alias', 'status', 'response', 'request', 'any', 'self', 'cls'],
]);

/** Module names taken by fixed files of each package. */
export const RESERVED_MODULES: ReadonlySet<string> = new Set([
  ...['__init__', 'auth', 'common', 'custom', 'deps', 'enums', 'base', 'conftest', 'factories', 'health'],
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
