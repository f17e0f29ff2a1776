import { PYTHON_KEYWORDS, PYTHON_SOFT_KEYWORDS, snakeCase, uniqueName } from '@/lib/design/names';
import type { CustomEndpoint, Design } from '@/lib/design/schema';

/** Folders whose `.py` files belong to the user; everything else in the project is the generator's. */
export const USER_CODE_DIRS = ['app/handlers/', 'app/hooks/', 'tests/custom/'] as const;

/** Longest user file path; a handler module name is cut well below it. */
export const USER_PATH_MAX = 200;
const MODULE_NAME_MAX = 60;

/** Module names a handler may not take: the package's own files and names that shadow Python's. */
const TAKEN_MODULES: ReadonlySet<string> = new Set(['__init__', 'conftest', 'typing', 'types', 'test']);

/**
 * Why `path` may not be a user file, or null when it may: under one of the user folders, a `.py` file,
 * relative, no empty, `.` or `..` segment, no backslash, only `[A-Za-z0-9_.-]` in segments.
 */
export function userPathProblem(path: string): string | null {
  if (path.length === 0 || path.length > USER_PATH_MAX) return `a path is 1 to ${USER_PATH_MAX} characters`;
  if (!USER_CODE_DIRS.some((dir) => path.startsWith(dir)))
    return `user files live under ${USER_CODE_DIRS.join(', ')}`;
  if (!path.endsWith('.py')) return 'user files are Python files (.py)';
  // Package markers are the generator's: a user `__init__.py` could shadow what the package exports.
  if (path.endsWith('/__init__.py')) return 'package files (__init__.py) belong to the generator';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..')
      return 'a path has no empty, "." or ".." segment';
    if (!/^[A-Za-z0-9_.-]+$/.test(segment))
      return 'a path segment holds only letters, digits, "_", "-" and "."';
  }
  return null;
}

export const isUserPath = (path: string): boolean => userPathProblem(path) === null;

function entityName(design: Design, endpoint: CustomEndpoint): string {
  if (endpoint.entityId === undefined) return '';
  return design.entities.find((e) => e.id === endpoint.entityId)?.name ?? '';
}

/** The module name before de-duplication: the summary in snake_case, else method + entity + path. */
function baseModuleName(design: Design, endpoint: CustomEndpoint): string {
  let name = snakeCase(endpoint.summary);
  if (name === '') name = snakeCase(`${endpoint.method} ${entityName(design, endpoint)} ${endpoint.path}`);
  if (name.length > MODULE_NAME_MAX) name = name.slice(0, MODULE_NAME_MAX).replace(/_+$/, '');
  if (name === '') name = 'handler';
  if (/^[0-9]/.test(name)) name = `h_${name}`;
  if (PYTHON_KEYWORDS.has(name) || PYTHON_SOFT_KEYWORDS.has(name) || TAKEN_MODULES.has(name))
    name = `${name}_handler`;
  return name;
}

/**
 * Handler module of every custom endpoint, by endpoint id: `app/handlers/<name>.py`, names unique in design
 * order (`publish`, `publish_2`). The generator scaffolds and imports these; the editor opens them.
 */
export function handlerModulePaths(design: Design): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const endpoint of design.customEndpoints) {
    const name = uniqueName(baseModuleName(design, endpoint), taken);
    taken.add(name);
    out.set(endpoint.id, `app/handlers/${name}.py`);
  }
  return out;
}

/** Handler module of one custom endpoint of `design` (see `handlerModulePaths`). */
export function handlerModulePath(design: Design, endpoint: Pick<CustomEndpoint, 'id'>): string {
  const path = handlerModulePaths(design).get(endpoint.id);
  if (path === undefined) throw new Error(`custom endpoint ${endpoint.id} is not in the design`);
  return path;
}
