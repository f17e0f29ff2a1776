import { pluralize, snakeCase } from './names';
import type { ApiShape, Design, Entity, Field, Paging, UpdateVerb } from './schema';

/**
 * The API's shape as one resource sees it: the project's `design.api` with the resource's overrides applied and
 * every key template expanded. Pure; the generator (IR) and the validator read the same answers.
 */

export type Naming = ApiShape['naming'];

/** `created_at` -> `createdAt`, `HTTPRequest` -> `httpRequest`: the words of the name, joined camelCase. */
export function camelCase(input: string): string {
  const parts = snakeCase(input).split('_').filter(Boolean);
  return parts.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** A Python (snake_case) name in the project's naming style. */
export function styled(name: string, naming: Naming): string {
  return naming === 'camelCase' ? camelCase(name) || name : name;
}

/** A field's JSON name: its `apiName`, or its name in the naming style. */
export function fieldApiName(field: Pick<Field, 'name' | 'apiName'>, naming: Naming): string {
  return field.apiName ?? styled(field.name, naming);
}

/** JSON names of the server-set timestamps. */
export function timestampApiNames(api: ApiShape): { created: string; updated: string } {
  return {
    created: api.timestamps.created ?? styled('created_at', api.naming),
    updated: api.timestamps.updated ?? styled('updated_at', api.naming),
  };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A JSON key the generated code can name: ASCII letters, digits and `_`, not starting with a digit. */
export const API_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a key template cannot be used (unknown placeholder, stray brace, not a key once expanded), or null. */
export function keyTemplateProblem(template: string): string | null {
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match[1] !== 'name' && match[1] !== 'names')
      return `Unknown placeholder {${match[1]}}: only {name} and {names} are allowed`;
  }
  const literal = template.replace(PLACEHOLDER, 'x');
  if (/[{}]/.test(literal)) return 'Unbalanced brace: write {name} or {names}';
  if (!API_KEY.test(literal))
    return 'Must expand to a JSON key of letters, digits and _ (not starting with a digit)';
  return null;
}

/** `{names}Count` for `BlogPost` in camelCase -> `blogPostsCount`. */
export function expandKeyTemplate(template: string, entityName: string, naming: Naming): string {
  const singular = styled(snakeCase(entityName), naming);
  const plural = styled(pluralize(snakeCase(entityName)), naming);
  return template.replace(PLACEHOLDER, (_, p: string) => (p === 'names' ? plural : singular));
}

export type ListShape =
  | { kind: 'array' }
  | { kind: 'object'; itemsKey: string; countKey: string | null; echoPaging: boolean };

export type ResourceApiShape = {
  /** Key of a single object in answers; null: bare. */
  objectKey: string | null;
  /** Key of request bodies; null: bare. */
  bodyKey: string | null;
  /** The object key whether or not anything is wrapped (what a body would be wrapped in). */
  key: string;
  list: ListShape;
  paging: Paging;
  update: UpdateVerb;
};

/** The effective shape of one entity's resource. */
export function resourceApiShape(api: ApiShape, entity: Pick<Entity, 'name' | 'resource'>): ResourceApiShape {
  const own = entity.resource.shape ?? {};
  const expand = (t: string) => expandKeyTemplate(t, entity.name, api.naming);
  const key = expand(own.objectKey ?? api.objects.key);
  let list: ListShape = { kind: 'array' };
  if (api.lists.kind === 'object') {
    const count = own.countKey === undefined ? api.lists.countKey : own.countKey;
    list = {
      kind: 'object',
      itemsKey: expand(own.itemsKey ?? api.lists.itemsKey),
      countKey: count === null ? null : expand(count),
      echoPaging: api.lists.echoPaging && api.paging.style !== 'none',
    };
  }
  return {
    objectKey: api.objects.wrap ? key : null,
    bodyKey: api.bodies.wrap ? key : null,
    key,
    list,
    paging: api.paging,
    update: own.update ?? api.update,
  };
}

/** The query parameter names the paging takes (`limit`, `offset` / `page`, `size` / none). */
export function pagingParams(paging: Paging): string[] {
  if (paging.style === 'offset') return [paging.limitParam, paging.offsetParam];
  if (paging.style === 'page') return [paging.pageParam, paging.sizeParam];
  return [];
}

/** Query parameter names taken before filters are named: the paging's and `sort`. */
export function reservedQueryParams(design: Pick<Design, 'api'>): string[] {
  return [...pagingParams(design.api.paging), 'sort'];
}
