import { escapeToken } from './parse';
import { isObj, type Obj, type Refs, refName } from './refs';
import type { Reporter } from './report';

/** Every operation of `paths`, with what the importer reads from it: parameters, body and answer schemas. */

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** At most this many operations are read (the design's custom endpoints and resources are bounded too). */
export const MAX_OPERATIONS = 4000;

export type Param = {
  name: string;
  in: string;
  required: boolean;
  schema: Obj;
  pointer: string;
  description: string;
};

/** The schema an answer or body is, seen through an envelope or a list page. */
export type Payload = {
  /** The component schema name of the item (after envelopes and list pages). */
  item?: string;
  list: boolean;
  /** `{ data: Item }` answers: the envelope's key. */
  envelopeKey?: string;
  /** `{ items: [Item], total }` answers. */
  itemsKey?: string;
  countKey?: string;
  /** Keys beside the items in a list page (echoed paging). */
  pageKeys?: string[];
  /** The property names of an inline item schema (no ref), for matching it to a component schema. */
  inlineProperties?: string[];
  /** Component names the payload went through (envelopes and pages), consumed by the shape. */
  wrappers: string[];
  mediaType?: string;
};

export type ApiOperation = {
  method: string;
  path: string;
  pointer: string;
  op: Obj;
  params: Param[];
  body?: Payload;
  /** The success answer (the lowest 2xx). */
  success?: Payload & { status: number };
  /** Schema names of error answers and their media types. */
  errorSchemas: string[];
  errorMediaTypes: string[];
  secured: boolean;
};

/** Keys of a list page's count: `total`, `count`, `articlesCount`, `total_items`... */
const isCountKey = (k: string) => /^(total|count)|(Count|_count|Total|_total)$/.test(k);
const PAGE_KEYS = new Set([
  'limit',
  'offset',
  'page',
  'size',
  'per_page',
  'perPage',
  'page_size',
  'pageSize',
  'next',
  'previous',
  'prev',
  'cursor',
  'next_cursor',
  'nextCursor',
  'has_more',
  'hasMore',
]);

function jsonContent(
  content: unknown,
): { schema: unknown; mediaType: string; pointerKey: string } | undefined {
  if (!isObj(content)) return undefined;
  const keys = Object.keys(content);
  const key =
    keys.find((k) => k === 'application/json') ??
    keys.find((k) => /[/+]json\b/.test(k)) ??
    keys.find((k) => k === 'application/x-www-form-urlencoded' || k === 'multipart/form-data') ??
    keys[0];
  if (key === undefined) return undefined;
  const media = content[key];
  return isObj(media) ? { schema: media.schema, mediaType: key, pointerKey: key } : undefined;
}

/** Property names of an inline object schema (not a ref). */
function inline(schema: unknown): string[] | undefined {
  if (!isObj(schema) || typeof schema.$ref === 'string' || !isObj(schema.properties)) return undefined;
  const keys = Object.keys(schema.properties);
  return keys.length > 0 ? keys : undefined;
}

/**
 * Inline items (a list page that spells its items out) named after the component schema holding all their
 * properties (the one with the fewest others), so the list belongs to that schema's resource.
 */
export function matchInlineItems(
  ops: ApiOperation[],
  components: Map<string, { properties: Array<{ name: string }> }>,
): void {
  for (const op of ops) {
    const payload = op.success;
    if (!payload?.inlineProperties || payload.item) continue;
    let best: { name: string; extra: number } | undefined;
    for (const [name, schema] of components) {
      const theirs = new Set(schema.properties.map((p) => p.name));
      if (!payload.inlineProperties.every((k) => theirs.has(k))) continue;
      const extra = theirs.size - payload.inlineProperties.length;
      if (!best || extra < best.extra) best = { name, extra };
    }
    if (best) payload.item = best.name;
  }
}

/** The item schema of a payload: `Item`, `[Item]`, `{key: Item}`, `{items: [Item], total}` (and wrapped pages). */
export function payloadOf(schema: unknown, pointer: string, refs: Refs, depth = 0): Payload {
  const wrappers: string[] = [];
  const direct = refName(schema);
  const resolved = refs.resolve(schema, pointer);
  if (!resolved || depth > 3) return { list: false, wrappers };
  const s = resolved.schema;
  if (s.type === 'array' || s.items !== undefined) {
    const item = refName(s.items);
    const inlineProperties = inline(s.items);
    if (item) return { item, list: true, wrappers };
    return inlineProperties ? { list: true, inlineProperties, wrappers } : { list: true, wrappers };
  }
  const props = isObj(s.properties) ? s.properties : undefined;
  if (props) {
    const keys = Object.keys(props);
    // A list page: one array of refs plus counts and paging.
    const arrays = keys.filter((k) => {
      const p = refs.resolve(props[k], `${resolved.pointer}/properties/${escapeToken(k)}`)?.schema;
      return (
        p !== undefined &&
        (p.type === 'array' || p.items !== undefined) &&
        (refName(p.items) !== undefined || inline(p.items) !== undefined)
      );
    });
    const others = keys.filter((k) => !arrays.includes(k));
    if (arrays.length === 1 && others.every((k) => isCountKey(k) || PAGE_KEYS.has(k))) {
      const key = arrays[0] as string;
      const p = refs.resolve(props[key], `${resolved.pointer}/properties/${escapeToken(key)}`)?.schema as Obj;
      if (direct) wrappers.push(direct);
      const countKey = others.find((k) => isCountKey(k));
      const item = refName(p.items);
      const inlineProperties = inline(p.items);
      return {
        ...(item ? { item } : inlineProperties ? { inlineProperties } : {}),
        list: true,
        itemsKey: key,
        ...(countKey ? { countKey } : {}),
        pageKeys: others.filter((k) => k !== countKey),
        wrappers,
      };
    }
    // An envelope: exactly one property, a ref (or a list page inside it).
    if (keys.length === 1) {
      const key = keys[0] as string;
      const inner = props[key];
      const innerRef = refName(inner);
      const innerResolved = refs.resolve(inner, `${resolved.pointer}/properties/${escapeToken(key)}`);
      if (innerRef && innerResolved && isObj(innerResolved.schema.properties)) {
        if (direct) wrappers.push(direct);
        const nested = payloadOf(
          inner,
          `${resolved.pointer}/properties/${escapeToken(key)}`,
          refs,
          depth + 1,
        );
        if (nested.list) return { ...nested, envelopeKey: key, wrappers: [...wrappers, ...nested.wrappers] };
        return { item: innerRef, list: false, envelopeKey: key, wrappers };
      }
      if (
        innerResolved &&
        (innerResolved.schema.type === 'array' || innerResolved.schema.items !== undefined)
      ) {
        const item = refName(innerResolved.schema.items);
        if (item) {
          if (direct) wrappers.push(direct);
          return { item, list: true, itemsKey: key, pageKeys: [], wrappers };
        }
      }
    }
  }
  return direct ? { item: direct, list: false, wrappers } : { list: false, wrappers };
}

/** Parameters of the path item and the operation (the operation's win), resolved. */
function paramsOf(
  pathItem: Obj,
  op: Obj,
  pathPointer: string,
  opPointer: string,
  refs: Refs,
  report: Reporter,
): Param[] {
  const byKey = new Map<string, Param>();
  const read = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.slice(0, 200).forEach((raw, i) => {
      const resolved = refs.resolve(raw, `${pointer}/${i}`);
      if (!resolved) return;
      const p = resolved.schema;
      if (typeof p.name !== 'string' || typeof p.in !== 'string') {
        report.skipped('parameter', `${pointer}/${i}`, 'A parameter without a name or location.');
        return;
      }
      const schema = refs.resolve(p.schema, `${resolved.pointer}/schema`)?.schema ?? {};
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true || p.in === 'path',
        schema: isObj(p.schema) && refName(p.schema) ? { ...schema, $ref: (p.schema as Obj).$ref } : schema,
        pointer: `${pointer}/${i}`,
        description: typeof p.description === 'string' ? p.description : '',
      });
    });
  };
  read(pathItem.parameters, `${pathPointer}/parameters`);
  read(op.parameters, `${opPointer}/parameters`);
  return [...byKey.values()];
}

export function readOperations(root: Obj, refs: Refs, report: Reporter): ApiOperation[] {
  const out: ApiOperation[] = [];
  const paths = isObj(root.paths) ? root.paths : {};
  const globalSecurity =
    Array.isArray(root.security) && root.security.some((s) => isObj(s) && Object.keys(s).length > 0);
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathPointer = `/paths/${escapeToken(path)}`;
    const item = refs.resolve(rawItem, pathPointer)?.schema;
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const pointer = `${pathPointer}/${method}`;
      if (out.length >= MAX_OPERATIONS) {
        report.skipped(`${method.toUpperCase()} ${path}`, pointer, `More than ${MAX_OPERATIONS} operations.`);
        continue;
      }
      const params = paramsOf(item, op, pathPointer, pointer, refs, report);
      let body: Payload | undefined;
      const requestBody = refs.resolve(op.requestBody, `${pointer}/requestBody`);
      if (requestBody) {
        const content = jsonContent(requestBody.schema.content);
        if (content) {
          const p = payloadOf(
            content.schema,
            `${requestBody.pointer}/content/${escapeToken(content.pointerKey)}/schema`,
            refs,
          );
          body = { ...p, mediaType: content.mediaType };
        }
      }
      let success: ApiOperation['success'];
      const errorSchemas: string[] = [];
      const errorMediaTypes: string[] = [];
      const responses = isObj(op.responses) ? op.responses : {};
      const statuses = Object.keys(responses).sort();
      for (const status of statuses) {
        const responsePointer = `${pointer}/responses/${escapeToken(status)}`;
        const response = refs.resolve(responses[status], responsePointer);
        if (!response) continue;
        const content = jsonContent(response.schema.content);
        const code = Number(status);
        if (/^2\d\d$/.test(status)) {
          if (success) continue;
          const p = content
            ? payloadOf(
                content.schema,
                `${response.pointer}/content/${escapeToken(content.pointerKey)}/schema`,
                refs,
              )
            : { list: false, wrappers: [] };
          success = { ...p, status: code, ...(content ? { mediaType: content.mediaType } : {}) };
        } else if (content) {
          errorMediaTypes.push(content.mediaType);
          const name = refName(content.schema);
          if (name) errorSchemas.push(name);
        }
      }
      const security = op.security;
      const secured = Array.isArray(security)
        ? security.length > 0 && !security.some((s) => isObj(s) && Object.keys(s).length === 0)
        : globalSecurity;
      out.push({
        method: method.toUpperCase(),
        path,
        pointer,
        op,
        params,
        ...(body ? { body } : {}),
        ...(success ? { success } : {}),
        errorSchemas,
        errorMediaTypes,
        secured,
      });
    }
  }
  return out;
}
