import { defaultResource } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { resourcePathFor, snakeCase } from '@/lib/design/names';
import {
  type AccessRule,
  type ApiShape,
  type FieldRef,
  type Filter,
  PRIMARY_KEY_REF,
  type Relation,
  type Resource,
} from '@/lib/design/schema';
import type { EntityDraft, Model } from './fields';
import type { PathGroup } from './groups';
import type { ApiOperation, Param } from './operations';
import { isObj } from './refs';
import type { Reporter } from './report';

/** Resources from path groups: which CRUD operations exist, the lookup, paging, filters and sort of the list. */

const LIMIT_PARAMS = ['limit', 'page_size', 'pageSize', 'per_page', 'perPage', 'size'];
const OFFSET_PARAMS = ['offset', 'skip', 'start'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const SIZE_PARAMS = ['size', 'page_size', 'pageSize', 'per_page', 'perPage', 'limit'];
const CURSOR_PARAMS = [
  'cursor',
  'after',
  'before',
  'page_token',
  'pageToken',
  'next_token',
  'starting_after',
  'ending_before',
];
const SORT_PARAMS = ['sort', 'order', 'order_by', 'orderBy', 'sort_by', 'sortBy', 'ordering'];

export type PagingVote = ApiShape['paging'];

export type ResourceResult = {
  resource: Resource;
  /** Operations the resource took (the rest become custom endpoints). */
  used: Set<ApiOperation>;
  paging?: PagingVote;
  updateVerb?: 'patch' | 'put' | 'both';
};

const numberOf = (p: Param, key: string) =>
  typeof p.schema[key] === 'number' ? (p.schema[key] as number) : undefined;

export function buildResource(
  draft: EntityDraft,
  g: PathGroup | undefined,
  model: Model,
  parentRelation: Relation | undefined,
  access: (op: ApiOperation) => AccessRule,
  report: Reporter,
): ResourceResult {
  const resource = defaultResource();
  const used = new Set<ApiOperation>();
  const ops = resource.operations;
  const name = draft.entity.name;
  if (!g) {
    for (const key of ['list', 'get', 'create', 'update', 'delete'] as const) ops[key].enabled = false;
    return { resource, used };
  }
  ops.list.enabled = g.list !== undefined;
  ops.create.enabled = g.create !== undefined;
  ops.get.enabled = g.get !== undefined;
  ops.update.enabled = g.update.length > 0;
  ops.delete.enabled = g.delete !== undefined;
  const segs = g.collection.split('/').filter(Boolean);
  const own = parentRelation ? `/${segs[segs.length - 1]}` : g.collection;
  if (own !== resourcePathFor(name)) resource.path = own;
  if (parentRelation) resource.parentRelationId = parentRelation.id;

  for (const [key, op] of [
    ['list', g.list],
    ['create', g.create],
    ['get', g.get],
    ['delete', g.delete],
  ] as const) {
    if (!op) continue;
    used.add(op);
    ops[key].access = access(op);
    report.imported(`${op.method} ${op.path}`, op.pointer);
  }
  for (const op of g.update) {
    used.add(op);
    ops.update.access = access(op);
    report.imported(`${op.method} ${op.path}`, op.pointer);
    // A PUT whose body requires nothing is a partial update in the document; the design's PUT replaces the row.
    const bodyName = op.body?.item;
    const body = bodyName ? model.requiredOf(bodyName) : undefined;
    if (op.method === 'PUT' && body !== undefined && body.size === 0)
      report.approximated(
        `body of ${op.method} ${op.path}`,
        `${op.pointer}/requestBody`,
        "Its body requires nothing (a partial update): the design's PUT replaces the whole row, so it requires the fields a create does.",
      );
  }
  if (g.delete?.success && g.delete.success.status !== 204)
    report.approximated(
      `answer of ${g.delete.method} ${g.delete.path}`,
      `${g.delete.pointer}/responses/${g.delete.success.status}`,
      `Deletes answer 204 No Content (the document says ${g.delete.success.status}).`,
    );
  if (g.create?.success && g.create.success.status !== 201)
    report.approximated(
      `answer of ${g.create.method} ${g.create.path}`,
      `${g.create.pointer}/responses/${g.create.success.status}`,
      `Creates answer 201 Created (the document says ${g.create.success.status}).`,
    );
  const verbs = new Set(g.update.map((o) => o.method));
  const updateVerb =
    verbs.has('PATCH') && verbs.has('PUT')
      ? 'both'
      : verbs.has('PUT')
        ? 'put'
        : verbs.size > 0
          ? 'patch'
          : undefined;

  // The lookup: `{id}`-like parameters are the primary key, others name a unique field.
  if (g.itemParam !== undefined) {
    const p = g.itemParam;
    const snake = snakeCase(p);
    const entitySnake = snakeCase(name);
    const isId =
      snake === 'id' || snake === `${entitySnake}_id` || (snake.endsWith('_id') && !draft.fieldByJson.has(p));
    const fieldId = draft.fieldByJson.get(p) ?? draft.entity.fields.find((f) => f.name === snake)?.id;
    const itemOp = g.get ?? g.update[0] ?? g.delete;
    if (!isId && fieldId) {
      resource.lookupFieldId = fieldId;
      const field = draft.entity.fields.find((f) => f.id === fieldId);
      if (field && (!field.unique || field.nullable || field.readOnly)) {
        field.unique = true;
        field.indexed = true;
        if (field.nullable) field.nullable = false;
        if (field.readOnly) serverSet(draft, field, report, itemOp?.pointer);
        report.approximated(
          `parameter {${p}}`,
          itemOp?.pointer,
          `Items are looked up by ${field.name}: it is made unique and required.`,
        );
      } else report.imported(`parameter {${p}}`, itemOp?.pointer);
    } else if (!isId) {
      report.approximated(
        `parameter {${p}}`,
        itemOp?.pointer,
        `No property ${p} of ${name}: items are looked up by id.`,
      );
    }
  }

  // The list: paging, sort, filters.
  let paging: PagingVote | undefined;
  if (g.list) {
    const params = g.list.params.filter((p) => p.in === 'query');
    const names = params.map((p) => p.name);
    const findOne = (list: string[]) => list.find((n) => names.includes(n));
    const taken = new Set<string>();
    const limit = findOne(LIMIT_PARAMS);
    const offset = findOne(OFFSET_PARAMS);
    const page = findOne(PAGE_PARAMS);
    const cursor = findOne(CURSOR_PARAMS);
    if (page) {
      const size = SIZE_PARAMS.find((n) => names.includes(n) && n !== page);
      paging = { style: 'page', pageParam: page, sizeParam: size ?? 'size' };
      taken.add(page);
      if (size) taken.add(size);
      else
        report.approximated(
          `parameter ${page}`,
          g.list.pointer,
          'Pages without a size parameter: a `size` parameter is added.',
        );
    } else if (limit) {
      paging = { style: 'offset', limitParam: limit, offsetParam: offset ?? 'offset' };
      taken.add(limit);
      if (offset) taken.add(offset);
      else
        report.approximated(
          `parameter ${limit}`,
          g.list.pointer,
          'A limit without an offset: an `offset` parameter is added.',
        );
    } else if (cursor) {
      paging = { style: 'offset', limitParam: 'limit', offsetParam: 'offset' };
      taken.add(cursor);
      report.approximated(
        `parameter ${cursor}`,
        g.list.pointer,
        'Cursor paging is not supported: lists page by limit and offset.',
      );
    } else paging = { style: 'none' };
    const size = params.find(
      (p) =>
        p.name ===
        (paging?.style === 'offset' ? paging.limitParam : paging?.style === 'page' ? paging.sizeParam : ''),
    );
    if (size) {
      const max = numberOf(size, 'maximum');
      const dflt = typeof size.schema.default === 'number' ? size.schema.default : undefined;
      if (max !== undefined && Number.isInteger(max) && max >= 1 && max <= LIMITS.integer)
        ops.list.maxPageSize = max;
      if (dflt !== undefined && Number.isInteger(dflt) && dflt >= 1 && dflt <= ops.list.maxPageSize)
        ops.list.defaultPageSize = dflt;
      else if (ops.list.defaultPageSize > ops.list.maxPageSize)
        ops.list.defaultPageSize = ops.list.maxPageSize;
    }
    for (const n of taken) report.imported(`parameter ${n}`, params.find((p) => p.name === n)?.pointer);
    const sort = findOne(SORT_PARAMS);
    if (sort) {
      taken.add(sort);
      const p = params.find((x) => x.name === sort) as Param;
      const values = enumValues(p.schema);
      const sortable: FieldRef[] = [];
      for (const v of values) {
        const key = v.replace(/^[-+]/, '');
        const fieldId = draft.fieldByJson.get(key);
        if (fieldId && !sortable.some((s) => s.fieldId === fieldId)) sortable.push({ fieldId });
      }
      resource.operations.list.sortable = sortable.slice(0, LIMITS.listItems);
      if (sort !== 'sort' || values.length === 0)
        report.approximated(
          `parameter ${sort}`,
          p.pointer,
          values.length === 0
            ? 'The sort parameter lists no values: no field is sortable.'
            : 'The sort parameter is named `sort`.',
        );
      else report.imported(`parameter ${sort}`, p.pointer);
    }
    const filters: Filter[] = [];
    for (const p of params) {
      if (taken.has(p.name)) continue;
      const ref = filterRef(draft, p, model);
      if (!ref) {
        report.skipped(
          `parameter ${p.name}`,
          p.pointer,
          `Filters name a property of ${name} (or of a related entity): ${p.name} is none.`,
        );
        continue;
      }
      if (filters.length >= LIMITS.listItems) break;
      filters.push({ ...ref, ...(p.name !== defaultParam(ref, draft, model) ? { param: p.name } : {}) });
      report.imported(`parameter ${p.name}`, p.pointer);
    }
    resource.operations.list.filters = filters;
  }
  return { resource, used, ...(paging ? { paging } : {}), ...(updateVerb ? { updateVerb } : {}) };
}

function enumValues(schema: Record<string, unknown>): string[] {
  if (Array.isArray(schema.enum)) return schema.enum.filter((v): v is string => typeof v === 'string');
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const b of list) if (isObj(b) && Array.isArray(b.enum)) return enumValues(b);
  }
  if (isObj(schema.items)) return enumValues(schema.items);
  return [];
}

/** The field a filter parameter compares: a property of the entity, its relation's key, or a related field. */
function filterRef(draft: EntityDraft, param: Param, model: Model): FieldRef | undefined {
  const jsonType = paramType(param.schema);
  const fits = (type: string) => jsonType === undefined || jsonTypeOf(type) === jsonType;
  const ownId =
    draft.fieldByJson.get(param.name) ??
    draft.entity.fields.find((f) => f.name === snakeCase(param.name))?.id;
  const own = draft.entity.fields.find((f) => f.id === ownId);
  if (own) return fits(own.type) ? { fieldId: own.id } : undefined;
  const snake = snakeCase(param.name);
  for (const r of model.relations) {
    if (r.fromEntityId !== draft.entity.id || r.kind === 'many-to-many') continue;
    const target = model.drafts.find((d) => d.entity.id === r.toEntityId);
    if (snake === `${r.fieldName}_id` || snake === r.fieldName) {
      if (fits(target?.entity.primaryKey === 'uuid' ? 'uuid' : 'integer'))
        return { relationId: r.id, fieldId: PRIMARY_KEY_REF };
      // `?author=ada`: the author by a unique text field (a username, a name, a slug).
      const lookup = ['username', 'name', 'slug', 'login', 'email']
        .map((n) => target?.entity.fields.find((f) => f.name === n && fits(f.type)))
        .find((f) => f !== undefined);
      if (lookup) return { relationId: r.id, fieldId: lookup.id };
      continue;
    }
    if (snake.startsWith(`${r.fieldName}_`)) {
      const rest = snake.slice(r.fieldName.length + 1);
      const field = target?.entity.fields.find((f) => f.name === rest);
      if (field && fits(field.type)) return { relationId: r.id, fieldId: field.id };
    }
  }
  return undefined;
}

/** The parameter name a filter gets by default (the generator's rule), so `param` is set only when it differs. */
function defaultParam(ref: FieldRef, draft: EntityDraft, model: Model): string {
  if (!ref.relationId) {
    const f = draft.entity.fields.find((x) => x.id === ref.fieldId);
    return f?.apiName ?? f?.name ?? '';
  }
  const r = model.relations.find((x) => x.id === ref.relationId) as Relation;
  if (ref.fieldId === PRIMARY_KEY_REF) return `${r.fieldName}_id`;
  const target = model.drafts.find((d) => d.entity.id === r.toEntityId);
  return `${r.fieldName}_${target?.entity.fields.find((f) => f.id === ref.fieldId)?.name ?? ''}`;
}

/**
 * A read-only lookup field must get a value on create: a slug is derived from the title (or name), anything
 * else becomes writable.
 */
function serverSet(
  draft: EntityDraft,
  field: EntityDraft['entity']['fields'][number],
  report: Reporter,
  pointer: string | undefined,
): void {
  const source = draft.entity.fields.find(
    (f) => ['title', 'name', 'headline', 'label'].includes(f.name) && ['string', 'text'].includes(f.type),
  );
  if (field.type === 'string' && source) {
    field.derive = { kind: 'slug', fromFieldId: source.id, onUpdate: false };
    report.approximated(
      `property ${draft.plan.key}.${field.apiName ?? field.name}`,
      pointer,
      `A read-only lookup: derived as a slug of ${source.name}.`,
    );
  } else {
    field.readOnly = false;
    report.approximated(
      `property ${draft.plan.key}.${field.apiName ?? field.name}`,
      pointer,
      'A read-only lookup: made writable, so rows can be created with it.',
    );
  }
}

/** The JSON type of a parameter's schema (`string`, `integer`, `number`, `boolean`), if it says one. */
function paramType(schema: Record<string, unknown>): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (typeof t === 'string') return t === 'number' ? 'number' : t;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const b of list)
        if (isObj(b) && typeof b.type === 'string' && b.type !== 'null') return paramType(b);
  }
  return undefined;
}

function jsonTypeOf(type: string): string {
  if (type === 'integer' || type === 'bigint') return 'integer';
  if (type === 'float' || type === 'decimal') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'json') return 'any';
  return 'string';
}
