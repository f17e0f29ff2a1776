import type { Paging } from '@/lib/design/schema';
import type { IrEntity, IrOperation, IrParam, IrSchemaRef, IrView } from './types';

/**
 * How the API's shape (`IrResource.shape`) turns into operations: the paging parameters, the list answer, the
 * envelopes of answers and bodies, and the update verbs. `operations.ts` calls these; the emitters read the
 * result (schema names, params) and `fastapi/envelopes.ts` writes the classes named here.
 */

/** The Python names of the list handler's paging parameters (fixed in its scope). */
export function pagingLocals(paging: Paging): string[] {
  if (paging.style === 'offset') return ['limit', 'offset'];
  if (paging.style === 'page') return ['page', 'size'];
  return [];
}

/** `(page - 1) * size` stays a safe integer (and far inside the 64-bit offset) for every accepted page. */
export function maxPage(maxPageSize: number): number {
  return Math.floor(Number.MAX_SAFE_INTEGER / maxPageSize);
}

/** The list's paging query parameters: limit/offset, page/size, or none. */
export function pagingParams(entity: IrEntity, list = entity.resource.list): IrParam[] {
  const paging = entity.resource.shape.paging;
  if (!list || paging.style === 'none') return [];
  const limit = { kind: 'limit' as const, max: list.maxPageSize, default: list.defaultPageSize };
  const query = (name: string, wire: string, source: IrParam['source']): IrParam => ({
    name,
    wire,
    in: 'query',
    required: false,
    source,
  });
  if (paging.style === 'offset') {
    return [
      query('limit', paging.limitParam, limit),
      query('offset', paging.offsetParam, { kind: 'offset' }),
    ];
  }
  return [
    query('page', paging.pageParam, { kind: 'page', max: maxPage(list.maxPageSize) }),
    query('size', paging.sizeParam, limit),
  ];
}

/** The list answer: the page object (`<Entity>List`) or a bare JSON array of the items. */
export function listResponse(entity: IrEntity, item: IrSchemaRef): IrSchemaRef & { list: boolean } {
  // `list` first: a literal that starts with a spread is slow on Node 20 (lib/generator/patched.ts).
  if (entity.resource.shape.list.kind === 'array') return { list: true, ...item };
  return { name: entity.schemas.list, module: 'app.schemas.responses', list: false };
}

/** The class wrapping one row in `{ <objectKey>: ... }`: named after the item schema it wraps. */
export const envelopeName = (item: string): string => `${item}Envelope`;

/** A single-object answer: the item schema, or its envelope when objects are wrapped. */
export function objectResponse(entity: IrEntity, item: IrSchemaRef): IrSchemaRef & { list: boolean } {
  if (entity.resource.shape.objectKey === null) return { list: false, ...item };
  return { name: envelopeName(item.name), module: 'app.schemas.responses', list: false };
}

/** The class wrapping a request body in `{ <objectKey>: ... }`. */
export const bodyEnvelopeName = (schema: string): string => `${schema}Body`;

/** Python name of a wrapped body's parameter; the handler binds the inner object to `body`. */
export const WRAPPED_BODY = 'wrapped';

/** The body of a create or update: the entity's schema, or its envelope when bodies are wrapped. */
export function entityBody(entity: IrEntity, schema: string): NonNullable<IrOperation['body']> {
  const module = `app.schemas.${entity.module}`;
  const wrapped = entity.resource.shape.bodyKey !== null;
  return {
    name: wrapped ? bodyEnvelopeName(schema) : schema,
    module,
    param: wrapped ? WRAPPED_BODY : 'body',
    form: false,
    entityId: entity.id,
  };
}

/** The schema of a whole-object replace (PUT): every writable field, required ones required. */
export const replaceSchemaName = (entity: IrEntity): string => `${entity.className}Replace`;

/** The update routes: PATCH (partial, `update_<x>`), PUT (whole, `update_<x>`), or both (`replace_<x>` is PUT). */
export function updateVariants(
  entity: IrEntity,
): Array<{ method: 'patch' | 'put'; handler: string; schema: string }> {
  const patch = {
    method: 'patch' as const,
    handler: `update_${entity.varName}`,
    schema: entity.schemas.update,
  };
  const put = { method: 'put' as const, schema: replaceSchemaName(entity) };
  switch (entity.resource.shape.update) {
    case 'patch':
      return [patch];
    case 'put':
      return [{ handler: `update_${entity.varName}`, ...put }];
    default:
      return [patch, { handler: `replace_${entity.varName}`, ...put }];
  }
}

/** Whether the entity has a PUT route (its `Replace` schema is emitted). */
export function hasReplace(entity: IrEntity): boolean {
  return entity.resource.update !== null && entity.resource.shape.update !== 'patch';
}

/** Item schemas answered in an envelope by this entity's get/create/update (one envelope class each). */
export function enveloped(entity: IrEntity, itemOf: (view: IrView) => IrSchemaRef): IrSchemaRef[] {
  if (entity.resource.shape.objectKey === null) return [];
  const r = entity.resource;
  const views: IrView[] = [];
  if (r.get) views.push(r.views.get);
  if (r.create) views.push(r.views.create);
  if (r.update) views.push(r.views.update);
  const seen = new Map<string, IrSchemaRef>();
  for (const view of views) {
    const item = itemOf(view);
    seen.set(item.name, item);
  }
  return [...seen.values()];
}
