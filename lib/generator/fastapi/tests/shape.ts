import type { IrEntity } from '../../ir/types';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';

/**
 * The generated tests speak the API's shape: JSON names, envelopes, the list's keys and the paging parameters
 * come from here, so every test sends and reads what the app serves (and the defaults give today's text).
 */

/** A JSON key of the entity as Python text: `"authorId"` for `author_id` in camelCase. */
export const jsonKey = (entity: IrEntity, name: string): string => pyStr(wireName(entity, name));

/** A request body expression, inside its envelope when bodies are wrapped. */
export function sendBody(entity: IrEntity, expr: string): string {
  const key = entity.resource.shape.bodyKey;
  return key === null ? expr : `{${pyStr(key)}: ${expr}}`;
}

/** The one object of an answer (`response.json()` -> `response.json()["article"]`). */
export function answered(entity: IrEntity, expr: string): string {
  const key = entity.resource.shape.objectKey;
  return key === null ? expr : `${expr}[${pyStr(key)}]`;
}

/** The items of a list answer. */
export function listItems(entity: IrEntity, page: string): string {
  const list = entity.resource.shape.list;
  return list.kind === 'array' ? page : `${page}[${pyStr(list.itemsKey)}]`;
}

/** The count of a list answer, or null when the shape has none. */
export function listCount(entity: IrEntity, page: string): string | null {
  const list = entity.resource.shape.list;
  return list.kind === 'object' && list.countKey !== null ? `${page}[${pyStr(list.countKey)}]` : null;
}

/** Whether the list pages at all. */
export const paged = (entity: IrEntity): boolean => entity.resource.shape.paging.style !== 'none';

/**
 * Query parameters asking for `size` rows from row `from` (a multiple of `size` for page paging), as a
 * Python dict's entries (`"limit": 2, "offset": 1`). Empty without paging.
 */
export function pageQuery(entity: IrEntity, size: string, from: string | null): string[] {
  const paging = entity.resource.shape.paging;
  if (paging.style === 'offset') {
    return [
      `${pyStr(paging.limitParam)}: ${size}`,
      ...(from === null ? [] : [`${pyStr(paging.offsetParam)}: ${from}`]),
    ];
  }
  if (paging.style === 'page') {
    const page = from === null ? [] : [`${pyStr(paging.pageParam)}: ${from} // ${size} + 1`];
    return [`${pyStr(paging.sizeParam)}: ${size}`, ...page];
  }
  return [];
}

/** The page-size parameter's name as Python text (`"limit"`, `"size"`), or null without paging. */
export function sizeParam(entity: IrEntity): string | null {
  const paging = entity.resource.shape.paging;
  if (paging.style === 'offset') return pyStr(paging.limitParam);
  if (paging.style === 'page') return pyStr(paging.sizeParam);
  return null;
}

/** `{...}` of dict entries. */
export const dict = (entries: string[]): string => `{${entries.join(', ')}}`;
