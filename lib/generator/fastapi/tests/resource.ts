import { maxPage } from '../../ir/shape';
import type {
  IrAccess,
  IrEntity,
  IrField,
  IrOperation,
  IrOperationKind,
  IrProject,
  IrRef,
  IrView,
} from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyNumber, pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { locAssert } from './error-format';
import { factoryName, jsonId, payloadName } from './factories';
import { lookupAttr } from './lookup';
import { orderedPair, seedOf } from './ordered';
import { invalidJson, sampleFor } from './samples';
import {
  answered,
  dict,
  jsonKey,
  listCount,
  listItems,
  paged,
  pageQuery,
  sendBody,
  sizeParam,
} from './shape';

type Ctx = {
  entity: IrEntity;
  project: IrProject;
  imports: Imports;
  tests: string[];
  /** `_listed_ids`, emitted before the tests once one uses it. */
  listHelper: string;
};

/** The entity's operation of one kind, when enabled. */
function opOf(ctx: Ctx, kind: IrOperationKind): IrOperation | undefined {
  return ctx.entity.operations.find((op) => op.kind === kind);
}

const TC = (ctx: Ctx) => ctx.imports.from('fastapi.testclient', 'TestClient');

function test(ctx: Ctx, name: string, body: string[]): void {
  ctx.tests.push(`def test_${name}(client: ${TC(ctx)}) -> None:\n${indent(body.join('\n'))}`);
}

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');

/** Field types whose JSON value comes back exactly as sent (no decimal places, zones or float forms). */
const STABLE_JSON = new Set([
  'string',
  'text',
  'email',
  'url',
  'integer',
  'bigint',
  'boolean',
  'enum',
  'uuid',
  'date',
  'json',
]);

/** Lines signing in a user allowed by `access` (binding `user`, `headers`), or an empty header dict. */
function signIn(ctx: Ctx, access: IrAccess): string[] {
  if (access.kind === 'public') return ['headers: dict[str, str] = {}'];
  const signInFn = ctx.imports.from('tests.utils', 'sign_in');
  if (access.kind === 'roles')
    return [`user, headers = ${signInFn}(client${roleOverride(ctx, access.roles[0] ?? '')})`];
  return [`user, headers = ${signInFn}(client)`];
}

export function roleOverride(ctx: Pick<Ctx, 'project' | 'imports'>, role: string): string {
  const field = ctx.project.auth?.role;
  if (!field) return '';
  if (field.enum) {
    const member = field.enum.members.find((m) => m.value === role);
    if (member)
      return `, ${field.name}=${ctx.imports.from('app.enums', field.enum.className)}.${member.name}`;
  }
  return `, ${field.name}=${pyStr(role)}`;
}

/** A role value outside `roles`, or null when every value is allowed. */
export function forbiddenRole(ctx: Pick<Ctx, 'project' | 'imports'>, roles: string[]): string | null {
  const field = ctx.project.auth?.role;
  if (!field) return null;
  if (field.enum) {
    const member = field.enum.members.find((m) => !roles.includes(m.value));
    return member
      ? `, ${field.name}=${ctx.imports.from('app.enums', field.enum.className)}.${member.name}`
      : null;
  }
  return roles.includes('zz-no-such-role') ? null : `, ${field.name}="zz-no-such-role"`;
}

/**
 * Keyword overrides of a factory call: the row belongs to the signed-in user when the rule is owner-only
 * (through its owner path), and is a public row when others read it and the entity marks public rows.
 */
function ownerKw(ctx: Ctx, access: IrAccess): string {
  const r = ctx.entity.resource;
  if (access.kind === 'owner' && r.ownership && !ctx.entity.isUser) return ', owned_by=user';
  if (access.kind !== 'owner' && r.publicRows && r.ownership) return `, ${r.publicRows.name}=True`;
  return '';
}

/** `row = ...`: a new row for the operation, or the signed-in user themself for the user's own row. */
function ownRow(ctx: Ctx, access: IrAccess, factory: string): string {
  if (ctx.entity.isUser && access.kind === 'owner') return 'row = user';
  return `row = ${run(ctx)}(client, ${factory}${ownerKw(ctx, access)})`;
}

/** A valid create body; parents it references belong to the signed-in user (if any). */
function payloadCall(ctx: Ctx, access: IrAccess, payload: string): string {
  const owned = access.kind !== 'public' && ctx.project.auth !== null && !ctx.entity.isUser;
  return `${run(ctx)}(client, ${payload}${owned ? ', owned_by=user' : ''})`;
}

/** The 401 and 403 cases of an operation. */
function accessTests(ctx: Ctx, name: string, access: IrAccess, request: (headers: string) => string[]): void {
  if (access.kind === 'public') return;
  test(ctx, `${name}_unauthenticated`, [...request('{}'), 'assert response.status_code == 401']);
  if (access.kind === 'roles') {
    const other = forbiddenRole(ctx, access.roles);
    if (other !== null) {
      test(ctx, `${name}_forbidden`, [
        `_, headers = ${ctx.imports.from('tests.utils', 'sign_in')}(client${other})`,
        ...request('headers'),
        'assert response.status_code == 403',
      ]);
    }
  }
}

/** The path of an item operation with its lookup segment filled in by `fill`. */
function itemPath(ctx: Ctx, fill: string): string {
  const op = ctx.entity.operations.find((o) => o.params.some((p) => p.source.kind === 'lookup'));
  const { path, lookup } = ctx.entity.resource;
  return (op?.path ?? `${path}/{${lookup.param}}`).replace(`{${lookup.param}}`, fill);
}

function itemUrl(ctx: Ctx, rowVar: string): string {
  const column = lookupAttr(ctx.entity);
  return `f"${itemPath(ctx, `{${ctx.imports.from('tests.utils', 'quote_path')}(${rowVar}.${column})}`)}"`;
}

/**
 * A lookup value as URL text that parses as the parameter's type: a row that does not exist (a far id, an
 * unlikely string), or for an enum its first value.
 */
export function lookupText(entity: IrEntity, field: IrField | null): string {
  if (!field) return entity.primaryKey === 'uuid' ? '00000000-0000-0000-0000-000000000000' : '999999999';
  switch (field.type) {
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return 'no-such-value-zz';
    case 'enum':
      return field.enum?.members[0]?.value ?? 'no-such-value-zz';
    case 'date':
      return '1900-01-01';
    case 'datetime':
      return '1900-01-01T00:00:00Z';
    case 'boolean':
      return 'false';
    default:
      return '999999999';
  }
}

function missingUrl(ctx: Ctx): string {
  const field = ctx.entity.resource.lookup.field;
  // Any enum value may exist: an unknown one is the only sure miss.
  const value = field?.type === 'enum' ? 'no-such-value-zz' : lookupText(ctx.entity, field);
  return pyStr(itemPath(ctx, encodeURIComponent(value)));
}

function listTests(ctx: Ctx): void {
  const op = opOf(ctx, 'list');
  const list = ctx.entity.resource.list;
  if (!op || !list) return;
  const { entity } = ctx;
  const path = pyStr(op.path);
  const name = op.handler;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const setup = [
    ...signIn(ctx, list.access),
    'for _ in range(3):',
    `    ${run(ctx)}(client, ${factory}${ownerKw(ctx, list.access)})`,
  ];
  const id = jsonKey(entity, 'id');
  const count = (page: string) => listCount(entity, page);
  const echo = entity.resource.shape.list.kind === 'object' && entity.resource.shape.list.echoPaging;
  const size = sizeParam(entity);
  if (size === null) {
    // No paging: the whole list in one answer.
    test(ctx, name, [
      ...setup,
      `response = client.get(${path}, headers=headers)`,
      'assert response.status_code == 200',
      'page = response.json()',
      `assert len(${listItems(entity, 'page')}) >= 3`,
      ...(count('page') ? [`assert ${count('page')} == len(${listItems(entity, 'page')})`] : []),
    ]);
  } else {
    test(ctx, name, [
      ...setup,
      `response = client.get(${path}, params=${dict(pageQuery(entity, '2', null))}, headers=headers)`,
      'assert response.status_code == 200',
      'page = response.json()',
      `assert len(${listItems(entity, 'page')}) == 2`,
      ...(count('page') ? [`assert ${count('page')} >= 3`] : []),
      ...(echo ? [`assert page[${size}] == 2`] : []),
    ]);
    const paging = entity.resource.shape.paging;
    const fromName =
      paging.style === 'offset' ? paging.offsetParam : paging.style === 'page' ? paging.pageParam : '';
    const from = pyStr(fromName);
    test(ctx, `${name}_offset`, [
      ...setup,
      `first = client.get(${path}, params=${dict(pageQuery(entity, '1', '0'))}, headers=headers).json()`,
      `second = client.get(${path}, params=${dict(pageQuery(entity, '1', '1'))}, headers=headers).json()`,
      ...(echo ? [`assert second[${from}] == ${paging.style === 'page' ? 2 : 1}`] : []),
      `assert ${listItems(entity, 'first')}[0][${id}] != ${listItems(entity, 'second')}[0][${id}]`,
    ]);
    test(ctx, `${name}_limit_too_large`, [
      ...signIn(ctx, list.access),
      `response = client.get(${path}, params={${size}: ${pyNumber(list.maxPageSize + 1)}}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
    // Past the 64-bit range the offset would overflow the database: validation refuses it first.
    const top = paging.style === 'page' ? pyNumber(maxPage(list.maxPageSize)) : '2**63 - 1';
    const past = paging.style === 'page' ? pyNumber(maxPage(list.maxPageSize) + 1) : '2**63';
    test(ctx, `${name}_offset_out_of_range`, [
      ...signIn(ctx, list.access),
      `response = client.get(${path}, params={${from}: ${past}}, headers=headers)`,
      'assert response.status_code == 422, response.text',
      locAssert(ctx.project.errorFormat, ['query', fromName]),
      `response = client.get(${path}, params={${from}: ${top}}, headers=headers)`,
      'assert response.status_code == 200, response.text',
    ]);
  }
  for (const filter of list.filters) filterTest(ctx, filter);
  if (list.sorts.length > 0) {
    for (const sort of list.sorts) sortTest(ctx, op, sort, setup);
    for (const sort of list.sorts) collationTest(ctx, op, sort);
    test(ctx, `${name}_unknown_sort`, [
      ...signIn(ctx, list.access),
      `response = client.get(${path}, params={"sort": "no_such_field"}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
  }
  isolationTest(ctx, op);
  accessTests(ctx, name, list.access, (h) => [`response = client.get(${path}, headers=${h})`]);
}

/** `_listed_ids(client, params, headers)`: every id the list answers, page after page, in order. */
function listedIds(ctx: Ctx, op: IrOperation): string {
  const list = ctx.entity.resource.list as NonNullable<IrEntity['resource']['list']>;
  const entity = ctx.entity;
  const any = ctx.imports.from('typing', 'Any');
  const items = listItems(entity, 'page');
  const count = listCount(entity, 'page');
  const max = pyNumber(list.maxPageSize);
  const head = [
    `def _listed_ids(client: ${TC(ctx)}, params: dict[str, ${any}], headers: dict[str, str]) -> list[${any}]:`,
    '    """Every id the list answers for `params`, page after page, in order."""',
    `    ids: list[${any}] = []`,
  ];
  const request = (query: string) => [
    `response = client.get(${pyStr(op.path)}, params=${query}, headers=headers)`,
    'assert response.status_code == 200, response.text',
    'page = response.json()',
    `ids += [item[${jsonKey(entity, 'id')}] for item in ${items}]`,
  ];
  ctx.listHelper = (
    paged(entity)
      ? [
          ...head,
          '    while True:',
          ...[
            `query = {**params, ${pageQuery(entity, max, 'len(ids)').join(', ')}}`,
            ...request('query'),
            // Without a count, a short page is the last one.
            `if not ${items} or ${count ? `len(ids) >= ${count}` : `len(${items}) < ${max}`}:`,
            '    return ids',
          ].map((l) => `        ${l}`),
        ]
      : [...head, ...[...request('params'), 'return ids'].map((l) => `    ${l}`)]
  ).join('\n');
  return '_listed_ids';
}

/**
 * Rows with two ordered values (and an empty one when the column is nullable) come back in that order
 * ascending and reversed descending, the empty one last both ways. Other rows may be listed in between.
 */
function sortTest(ctx: Ctx, op: IrOperation, sort: IrRef, setup: string[]): void {
  const { entity } = ctx;
  const list = entity.resource.list as NonNullable<IrEntity['resource']['list']>;
  const name = `${op.handler}_sort_${sort.query}`;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const owner = ownerKw(ctx, list.access);
  const pair = sort.via ? null : sort.field ? orderedPair(sort.field, ctx.imports, seedOf(name)) : null;
  const byCreation = !sort.via && !sort.field && !sort.computed && entity.primaryKey === 'int';
  if (!pair && !byCreation) {
    // Through a relation or on a value without a sure order: the sort is accepted.
    test(ctx, name, [
      ...setup,
      `for order in (${pyStr(sort.query)}, ${pyStr(`-${sort.query}`)}):`,
      `    response = client.get(${pyStr(op.path)}, params={"sort": order}, headers=headers)`,
      '    assert response.status_code == 200',
      `    assert ${listCount(entity, 'response.json()') ? `${listCount(entity, 'response.json()')} >= 3` : `len(${listItems(entity, 'response.json()')}) >= ${Math.min(3, list.defaultPageSize)}`}`,
    ]);
    return;
  }
  const lines = [...signIn(ctx, list.access)];
  const column = sort.field?.name;
  (['low', 'high'] as const).forEach((row, i) => {
    const v = pair?.value(i as 0 | 1);
    lines.push(
      ...(v?.lines ?? []),
      `${row} = ${run(ctx)}(client, ${factory}${owner}${v ? `, ${column}=${v.expr}` : ''})`,
    );
  });
  const rows = ['low', 'high'];
  // A column default would fill in an explicit None: only default-less columns get an empty row.
  if (pair && sort.field?.nullable && sort.field.default === undefined) {
    lines.push(`empty = ${run(ctx)}(client, ${factory}${owner}, ${column}=None)`);
    rows.push('empty');
  }
  const ids = rows.map((r) => jsonId(entity, `${r}.id`));
  const listed = listedIds(ctx, op);
  const tail = rows.length === 3 ? `, ${ids[2]}` : '';
  lines.push(
    `ours = {${ids.join(', ')}}`,
    `ascending = [i for i in ${listed}(client, {"sort": ${pyStr(sort.query)}}, headers) if i in ours]`,
    `assert ascending == [${ids[0]}, ${ids[1]}${tail}]`,
    `descending = [i for i in ${listed}(client, {"sort": ${pyStr(`-${sort.query}`)}}, headers) if i in ours]`,
    `assert descending == [${ids[1]}, ${ids[0]}${tail}]`,
  );
  test(ctx, name, lines);
}

/** Mixed case and accents, in bytewise (code point) order: what SQLite and PostgreSQL's "C" collation give. */
const COLLATION_VALUES = ['Zeta', 'alpha', 'zeta', '\u00c9mile'];

/** A text sort gives the same order on SQLite and PostgreSQL: bytewise, whatever the database's locale. */
function collationTest(ctx: Ctx, op: IrOperation, sort: IrRef): void {
  const field = sort.field;
  if (sort.via || !field || !['string', 'text'].includes(field.type) || field.readOnly || !field.inCreate)
    return;
  const c = field.constraints;
  if (c.pattern !== undefined || (c.minLength ?? 0) > 4 || (c.maxLength ?? 5) < 5) return;
  const { entity } = ctx;
  const list = entity.resource.list as NonNullable<IrEntity['resource']['list']>;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const owner = ownerKw(ctx, list.access);
  const listed = listedIds(ctx, op);
  const lines = [...signIn(ctx, list.access), 'rows = []'];
  lines.push(
    `for value in (${COLLATION_VALUES.map((v) => pyStr(v)).join(', ')}):`,
    `    rows.append(${run(ctx)}(client, ${factory}${owner}, ${field.name}=value))`,
    `ours = [${jsonId(entity, 'row.id')} for row in rows]`,
    `ascending = [i for i in ${listed}(client, {"sort": ${pyStr(sort.query)}}, headers) if i in ours]`,
    'assert ascending == ours',
    `descending = [i for i in ${listed}(client, {"sort": ${pyStr(`-${sort.query}`)}}, headers) if i in ours]`,
    'assert descending == ours[::-1]',
  );
  test(ctx, `${op.handler}_sort_${sort.query}_bytewise`, lines);
}

/** Owner-only lists: another user's rows are not listed, the caller's are. */
function isolationTest(ctx: Ctx, op: IrOperation): void {
  if (op.access?.kind !== 'owner' || !ctx.entity.resource.ownership || ctx.entity.isUser) return;
  const factory = ctx.imports.from('tests.factories', factoryName(ctx.entity));
  const signInFn = ctx.imports.from('tests.utils', 'sign_in');
  const listed = listedIds(ctx, op);
  test(ctx, `${op.handler}_only_own_rows`, [
    `user, headers = ${signInFn}(client)`,
    `other, _ = ${signInFn}(client)`,
    // Owned directly or through the parent they are created under.
    `mine = ${run(ctx)}(client, ${factory}, owned_by=user)`,
    `theirs = ${run(ctx)}(client, ${factory}, owned_by=other)`,
    `ids = ${listed}(client, {}, headers)`,
    `assert ${jsonId(ctx.entity, 'mine.id')} in ids`,
    `assert ${jsonId(ctx.entity, 'theirs.id')} not in ids`,
  ]);
}

/** Python expression of a row attribute as a query string value. */
function queryValue(field: IrField | null, expr: string): string {
  if (!field) return `str(${expr})`;
  switch (field.type) {
    case 'boolean':
      return `str(${expr}).lower()`;
    case 'date':
    case 'datetime':
      return `${expr}.isoformat()`;
    default:
      return `str(${expr})`;
  }
}

/**
 * `, name=<sample>` for a field whose factory value would not round-trip through an equality filter: nullable
 * (left empty) or set by the database's clock (SQLite stores `now()` without microseconds); `n = <counter>` is
 * pushed to `lines` when the sample uses it. '' otherwise. Distinct counters keep unique columns distinct.
 */
function explicitValue(
  ctx: Ctx,
  field: IrField | null | undefined,
  counter: number,
  lines: string[],
): string {
  if (!field || !(field.nullable || field.default?.kind === 'now')) return '';
  const sample = sampleFor(field, ctx.imports, 'model');
  if (/\bn\b/.test(sample)) lines.push(`n = ${counter}`);
  return `, ${field.name}=${sample}`;
}

/** `<name> = run(client, factory, **kwargs)` preceded by the lines its value needs. */
function created(
  ctx: Ctx,
  name: string,
  factory: string,
  kwargs: string,
  value?: { lines: string[]; expr: string },
  column?: string,
): string[] {
  const given = value && column ? `, ${column}=${value.expr}` : '';
  return [...(value?.lines ?? []), `${name} = ${run(ctx)}(client, ${factory}${kwargs}${given})`];
}

/**
 * A matching row and, where a second value exists, one that does not match: the filtered list holds the
 * first and not the second (all pages read).
 */
function filterTest(ctx: Ctx, filter: IrRef): void {
  const { entity } = ctx;
  const op = opOf(ctx, 'list');
  const list = entity.resource.list;
  if (!op || !list) return;
  if (filter.field?.type === 'json') return;
  const name = `${op.handler}_filter_${filter.query}`;
  const path = pyStr(op.path);
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  // Filtering by the field that marks public rows: the rows are the caller's, who sees them either way.
  const flag = entity.resource.publicRows;
  const byFlag =
    !filter.via &&
    flag !== null &&
    filter.field?.id === flag.id &&
    ctx.project.auth !== null &&
    !entity.isUser;
  const lines = byFlag
    ? [`user, headers = ${ctx.imports.from('tests.utils', 'sign_in')}(client)`]
    : [...signIn(ctx, list.access)];
  const ownerArgs = byFlag ? ', owned_by=user' : ownerKw(ctx, list.access);
  const pair = filter.field ? orderedPair(filter.field, ctx.imports, seedOf(name)) : null;
  const column = filter.field ? filter.field.name : 'id';
  let value: string;
  let other = false;
  const via = filter.via;
  if (!via) {
    if (pair || !filter.field) {
      lines.push(
        ...created(ctx, 'row', factory, ownerArgs, pair?.value(0), column),
        ...created(ctx, 'other', factory, ownerArgs, pair?.value(1), column),
      );
      other = true;
    } else {
      const given = explicitValue(ctx, filter.field, 7, lines);
      lines.push(`row = ${run(ctx)}(client, ${factory}${ownerArgs}${given})`);
    }
    value = queryValue(filter.field, `row.${column}`);
    if (filter.field?.nullable) lines.push(`assert row.${column} is not None`);
  } else if (!via.many && via.fkColumn) {
    // Filter on a field of the row our FK points to: create that row (and another one) first.
    const parent = ctx.project.entityById.get(via.targetId) as IrEntity;
    const parentFactory = ctx.imports.from('tests.factories', factoryName(parent));
    const isSelfOwner = entity.resource.owner?.column === via.fkColumn && list.access.kind === 'owner';
    // A row owned through this parent is the user's only when the parent is.
    const parentFlag = parent.resource.ownership ? parent.resource.publicRows : null;
    // Children of a parent that is not public are hidden with it: the parents are public rows.
    const parentPublic = parentFlag && parentFlag.id !== filter.field?.id ? `, ${parentFlag.name}=True` : '';
    const parentOwner =
      (list.access.kind === 'owner' && entity.resource.ownership && !parent.isUser ? ', owned_by=user' : '') +
      parentPublic;
    if (isSelfOwner) {
      lines.push(
        'parent = user',
        `row = ${run(ctx)}(client, ${factory}, ${via.fkColumn}=parent.id)`,
        `other = ${run(ctx)}(client, ${factory})`,
      );
      other = true;
    } else if (pair || !filter.field) {
      lines.push(
        ...created(ctx, 'parent', parentFactory, parentOwner, pair?.value(0), column),
        ...created(ctx, 'other_parent', parentFactory, parentOwner, pair?.value(1), column),
        `row = ${run(ctx)}(client, ${factory}${ownerArgs}, ${via.fkColumn}=parent.id)`,
        `other = ${run(ctx)}(client, ${factory}${ownerArgs}, ${via.fkColumn}=other_parent.id)`,
      );
      other = true;
    } else {
      const given = explicitValue(ctx, filter.field, 42, lines);
      lines.push(
        `parent = ${run(ctx)}(client, ${parentFactory}${parentOwner}${given})`,
        `row = ${run(ctx)}(client, ${factory}${ownerArgs}, ${via.fkColumn}=parent.id)`,
      );
    }
    value = queryValue(filter.field, `parent.${column}`);
    if (filter.field?.nullable) lines.push(`assert parent.${column} is not None`);
  } else {
    // Through a to-many relation: the filter must be accepted; no row is linked.
    lines.push(`${run(ctx)}(client, ${factory}${ownerArgs})`);
    const target = ctx.project.entityById.get(via.targetId) as IrEntity;
    const sample = filter.field ? sampleFor(filter.field, ctx.imports, 'json') : jsonId(target, '1');
    if (/\bn\b/.test(sample)) lines.push('n = 1');
    value = filter.field?.type === 'boolean' ? '"true"' : `str(${sample})`;
    lines.push(
      `response = client.get(${path}, params={${pyStr(filter.query)}: ${value}}, headers=headers)`,
      'assert response.status_code == 200',
    );
    test(ctx, name, lines);
    return;
  }
  lines.push(
    `ids = ${listedIds(ctx, op)}(client, {${pyStr(filter.query)}: ${value}}, headers)`,
    `assert ${jsonId(entity, 'row.id')} in ids`,
    ...(other ? [`assert ${jsonId(entity, 'other.id')} not in ids`] : []),
  );
  test(ctx, name, lines);
}

function getTests(ctx: Ctx): void {
  const op = opOf(ctx, 'get');
  if (!op?.access) return;
  const { entity } = ctx;
  const access = op.access;
  const name = op.handler;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  test(ctx, name, [
    ...signIn(ctx, access),
    ownRow(ctx, access, factory),
    `response = client.get(${itemUrl(ctx, 'row')}, headers=headers)`,
    'assert response.status_code == 200',
    `assert ${answered(entity, 'response.json()')}[${jsonKey(entity, 'id')}] == ${jsonId(entity, 'row.id')}`,
  ]);
  test(ctx, `${name}_not_found`, [
    ...signIn(ctx, access),
    `response = client.get(${missingUrl(ctx)}, headers=headers)`,
    'assert response.status_code == 404',
  ]);
  ownerTest(ctx, name, access, (url) => [`response = client.get(${url}, headers=headers)`]);
  accessTests(ctx, name, access, (h) => [
    `row = ${run(ctx)}(client, ${factory}${ownerKw(ctx, { kind: 'public' })})`,
    `response = client.get(${itemUrl(ctx, 'row')}, headers=${h})`,
  ]);
}

/**
 * Owner-only: another user's row answers 404, as if it did not exist, and stays there for its owner (read
 * back when the owner may read it).
 */
function ownerTest(ctx: Ctx, name: string, access: IrAccess, request: (url: string) => string[]): void {
  if (access.kind !== 'owner' || !ctx.entity.resource.ownership) return;
  const factory = ctx.imports.from('tests.factories', factoryName(ctx.entity));
  const signInFn = ctx.imports.from('tests.utils', 'sign_in');
  const get = opOf(ctx, 'get')?.access ?? undefined;
  const ownerReads = get != null && ['public', 'authenticated', 'owner'].includes(get.kind);
  test(ctx, `${name}_not_owner`, [
    `owner, owner_headers = ${signInFn}(client)`,
    // The row belongs to `owner` (through its owner path; on the user entity it is the owner).
    ctx.entity.isUser ? 'row = owner' : `row = ${run(ctx)}(client, ${factory}, owned_by=owner)`,
    `_, headers = ${signInFn}(client)`,
    ...request(itemUrl(ctx, 'row')),
    'assert response.status_code == 404',
    ...(ownerReads
      ? [`assert client.get(${itemUrl(ctx, 'row')}, headers=owner_headers).status_code == 200`]
      : []),
  ]);
}

/** Whether a response in `view` carries `field`. */
function shownIn(entity: IrEntity, view: IrView, field: IrField): boolean {
  if (typeof view === 'object')
    return entity.schemas.views.find((v) => v.className === view.schema)?.fields.includes(field) ?? false;
  return view === 'full' || field.visibility === 'public';
}

function createTests(ctx: Ctx): void {
  const op = opOf(ctx, 'create');
  if (!op?.access) return;
  const { entity } = ctx;
  const access = op.access;
  const path = pyStr(op.path);
  const name = op.handler;
  const payload = ctx.imports.from('tests.factories', payloadName(entity));
  // What was sent is what is answered and, read back, what was stored (types whose JSON form is stable).
  const { views } = entity.resource;
  const keys = [
    ...entity.fields
      // Read back through a public or named view, the fields it leaves out are (rightly) absent.
      .filter((f) => shownIn(entity, views.get, f) && shownIn(entity, views.create, f))
      .filter((f) => f.inCreate && f.inRead && STABLE_JSON.has(f.type))
      .map((f) => f.api),
    // Named views carry no foreign keys.
    ...(typeof views.get === 'object' || typeof views.create === 'object'
      ? []
      : entity.fks.filter((fk) => fk.inCreate).map((fk) => wireName(entity, fk.column))),
  ];
  const sent =
    keys.length > 0
      ? [`sent = {key: body[key] for key in [${keys.map(pyStr).join(', ')}] if key in body}`]
      : [];
  const get = opOf(ctx, 'get')?.access ?? undefined;
  const canRead =
    get != null &&
    (get.kind === 'public' ||
      (access.kind !== 'public' &&
        (get.kind === 'authenticated' || (get.kind === 'owner' && entity.resource.ownership !== null))));
  const lookup = wireName(entity, entity.resource.lookup.field?.name ?? 'id');
  const readBack =
    // Through a relation, the lookup value is not in the answer: nothing to read back by.
    keys.length > 0 && canRead && !entity.resource.lookup.via
      ? [
          `stored = client.get(f"${itemPath(ctx, `{${ctx.imports.from('tests.utils', 'quote_path')}(created[${pyStr(lookup)}])}`)}", headers=headers)`,
          'assert stored.status_code == 200',
          `assert {key: ${answered(entity, 'stored.json()')}[key] for key in sent} == sent`,
        ]
      : [];
  test(ctx, name, [
    ...signIn(ctx, access),
    `body = ${payloadCall(ctx, access, payload)}`,
    `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `created = ${answered(entity, 'response.json()')}`,
    `assert ${jsonKey(entity, 'id')} in created`,
    ...entity.fields
      .filter((f) => f.isPassword || !f.inRead)
      .map((f) => `assert ${pyStr(f.api)} not in created`),
    ...sent,
    ...(sent.length > 0 ? ['assert {key: created[key] for key in sent} == sent'] : []),
    ...readBack,
  ]);
  const required = entity.fields.filter((f) => f.inCreate && !f.nullable && f.default === undefined);
  const requiredFks = entity.fks.filter((fk) => fk.inCreate && !fk.nullable);
  const anyField = entity.fields.find((f) => f.inCreate && invalidJson(f) !== null);
  if (required.length > 0 || requiredFks.length > 0) {
    test(ctx, `${name}_invalid`, [
      ...signIn(ctx, access),
      `response = client.post(${path}, json=${sendBody(entity, '{}')}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
  } else if (anyField) {
    test(ctx, `${name}_invalid`, [
      ...signIn(ctx, access),
      `response = client.post(${path}, json=${sendBody(entity, `{${pyStr(anyField.api)}: ${invalidJson(anyField)}}`)}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
  }
  const unique = entity.fields.find((f) => f.inCreate && f.unique && !f.nullable);
  if (unique) {
    test(ctx, `${name}_conflict`, [
      ...signIn(ctx, access),
      `body = ${payloadCall(ctx, access, payload)}`,
      `assert client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers).status_code == 201`,
      `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
      'assert response.status_code == 409',
    ]);
  }
  accessTests(ctx, name, access, (h) => [
    `body = ${run(ctx)}(client, ${payload})`,
    `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=${h})`,
  ]);
}

function updateTests(ctx: Ctx): void {
  for (const op of ctx.entity.operations.filter((o) => o.kind === 'update')) updateTestsOf(ctx, op);
}

/**
 * The request of an update test: PATCH sends what it changes, PUT the whole object (a valid create body
 * without passwords, `whole` lines) with the change applied.
 */
function updateRequest(
  ctx: Ctx,
  op: IrOperation,
  access: IrAccess,
  url: string,
  change: string | null,
  h = 'headers',
  owned = h === 'headers',
): string[] {
  const { entity } = ctx;
  if (op.method !== 'put') {
    return [`response = client.patch(${url}, json=${sendBody(entity, change ?? '{}')}, headers=${h})`];
  }
  const payload = ctx.imports.from('tests.factories', payloadName(entity));
  const passwords = entity.fields.filter((f) => f.isPassword).map((f) => pyStr(f.api));
  return [
    // Parents the caller may reference (theirs), unless the request is refused before the body matters.
    `whole = ${owned ? payloadCall(ctx, access, payload) : `${run(ctx)}(client, ${payload})`}`,
    ...passwords.map((p) => `whole.pop(${p}, None)`),
    ...(change ? [`whole.update(${change})`] : []),
    `response = client.put(${url}, json=${sendBody(entity, 'whole')}, headers=${h})`,
  ];
}

function updateTestsOf(ctx: Ctx, op: IrOperation): void {
  if (!op.access) return;
  const { entity } = ctx;
  const access = op.access;
  const name = op.handler;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const change = entity.fields.find((f) => f.inUpdate && !f.unique && f.type !== 'password' && f.inRead);
  const body = change ? `{${pyStr(change.api)}: ${sampleFor(change, ctx.imports, 'json')}}` : null;
  test(ctx, name, [
    ...signIn(ctx, access),
    ownRow(ctx, access, factory),
    ...(body && /\bn\b/.test(body) ? ['n = 2'] : []),
    ...updateRequest(ctx, op, access, itemUrl(ctx, 'row'), body),
    'assert response.status_code == 200, response.text',
    `assert ${answered(entity, 'response.json()')}[${jsonKey(entity, 'id')}] == ${jsonId(entity, 'row.id')}`,
  ]);
  test(ctx, `${name}_not_found`, [
    ...signIn(ctx, access),
    ...updateRequest(ctx, op, access, missingUrl(ctx), null),
    'assert response.status_code == 404',
  ]);
  const nonNull = entity.fields.find((f) => f.inUpdate && !f.nullable && f.type !== 'json');
  const wrong = entity.fields.find((f) => f.inUpdate && invalidJson(f) !== null);
  const invalid = nonNull
    ? `{${pyStr(nonNull.api)}: None}`
    : wrong
      ? `{${pyStr(wrong.api)}: ${invalidJson(wrong)}}`
      : null;
  if (invalid) {
    test(ctx, `${name}_invalid`, [
      ...signIn(ctx, access),
      ownRow(ctx, access, factory),
      ...updateRequest(ctx, op, access, itemUrl(ctx, 'row'), invalid),
      'assert response.status_code == 422',
    ]);
  }
  // Not the owner: a 404 before the body's references are looked at (its parents are anyone's).
  ownerTest(ctx, name, access, (url) => updateRequest(ctx, op, access, url, null, 'headers', false));
  accessTests(ctx, name, access, (h) => [
    `row = ${run(ctx)}(client, ${factory})`,
    ...updateRequest(ctx, op, access, itemUrl(ctx, 'row'), null, h),
  ]);
}

function deleteTests(ctx: Ctx): void {
  const op = opOf(ctx, 'delete');
  if (!op?.access) return;
  const { entity } = ctx;
  const access = op.access;
  const name = op.handler;
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const get = opOf(ctx, 'get')?.access ?? undefined;
  const after =
    get && get.kind === 'public'
      ? [`assert client.get(${itemUrl(ctx, 'row')}).status_code == 404`]
      : [`assert client.delete(${itemUrl(ctx, 'row')}, headers=headers).status_code == 404`];
  test(ctx, name, [
    ...signIn(ctx, access),
    ownRow(ctx, access, factory),
    `response = client.delete(${itemUrl(ctx, 'row')}, headers=headers)`,
    'assert response.status_code == 204',
    ...after,
  ]);
  test(ctx, `${name}_not_found`, [
    ...signIn(ctx, access),
    `response = client.delete(${missingUrl(ctx)}, headers=headers)`,
    'assert response.status_code == 404',
  ]);
  ownerTest(ctx, name, access, (url) => [`response = client.delete(${url}, headers=headers)`]);
  accessTests(ctx, name, access, (h) => [
    `row = ${run(ctx)}(client, ${factory})`,
    `response = client.delete(${itemUrl(ctx, 'row')}, headers=${h})`,
  ]);
}

/** `tests/test_<resource>.py`: success, 401/403/404/422/409 cases, pagination, filters and sorting. */
export function emitResourceTests(entity: IrEntity, project: IrProject): string {
  const ctx: Ctx = {
    entity,
    project,
    imports: new Imports(['_listed_ids']),
    tests: [],
    listHelper: '',
  };
  listTests(ctx);
  getTests(ctx);
  createTests(ctx);
  updateTests(ctx);
  deleteTests(ctx);
  return module(
    ctx.imports.render(),
    [ctx.listHelper, ...ctx.tests],
    `"""Tests of ${entity.resource.path}."""`.replace(/[^\x20-\x7e]/g, ''),
  );
}
