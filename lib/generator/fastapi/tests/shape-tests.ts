import type { IrEntity, IrField, IrOperation, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { publicFields, readFields } from '../schemas';
import { fieldErrorAssert } from './error-format';
import { factoryName, jsonId, payloadName } from './factories';
import { lookupAttr } from './lookup';
import { sampleFor } from './samples';
import { answered, listCount, listItems, sendBody } from './shape';
import { viewKeys } from './views';

/**
 * `tests/test_<resource>_shape.py`, for resources whose API shape is not FastAPI's default: the exact JSON keys
 * of answers (names, envelope, list keys, timestamps in ISO 8601 with microseconds and zone), envelopes
 * required on bodies, attribute names accepted too, PUT needing the whole object and PATCH a part of it.
 */
type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[] };

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');
/** The factory's name, with the public-rows flag set when the entity has one: anonymous callers see the row. */
const factory = (ctx: Ctx) => {
  const r = ctx.entity.resource;
  const flag = r.publicRows && r.ownership ? `, ${r.publicRows.name}=True` : '';
  return `${ctx.imports.from('tests.factories', factoryName(ctx.entity))}${flag}`;
};
const payload = (ctx: Ctx) => ctx.imports.from('tests.factories', payloadName(ctx.entity));

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** Whether the entity is served in FastAPI's default shape (nothing to assert beyond the CRUD tests). */
export function hasDefaultShape(entity: IrEntity): boolean {
  const s = entity.resource.shape;
  const list = s.list;
  const paging = s.paging;
  return (
    entity.wire.size === 0 &&
    s.objectKey === null &&
    s.bodyKey === null &&
    list.kind === 'object' &&
    list.itemsKey === 'items' &&
    list.countKey === 'total' &&
    list.echoPaging &&
    paging.style === 'offset' &&
    paging.limitParam === 'limit' &&
    paging.offsetParam === 'offset' &&
    s.update === 'patch'
  );
}

/** The JSON keys of one answered row in the operation's view. */
function itemKeys(ctx: Ctx, op: IrOperation): string[] {
  const { entity } = ctx;
  const view = entity.resource.views[op.kind as 'list' | 'get' | 'create' | 'update'];
  // A named view answers its own keys only (no foreign keys, timestamps or embeds).
  const named = typeof view === 'object' ? viewKeys(entity, view.schema) : null;
  if (named) return [...named].sort();
  const fields = view === 'public' && entity.schemas.public ? publicFields(entity) : readFields(entity);
  const names = [
    'id',
    ...fields.map((f) => f.name),
    ...entity.fks.map((fk) => fk.column),
    ...(entity.timestamps ? ['created_at', 'updated_at'] : []),
    ...entity.resource.embeds.map((e) => e.attr),
    ...entity.resource.valueLists.map((v) => v.attr),
    ...entity.computed.map((c) => c.name),
  ];
  return names.map((n) => wireName(entity, n)).sort();
}

const opOf = (entity: IrEntity, kind: IrOperation['kind'], method?: IrOperation['method']) =>
  entity.operations.find((op) => op.kind === kind && (method === undefined || op.method === method));

/** Only public operations: the shape is the same for every caller, and the CRUD tests cover access. */
const open = (op: IrOperation | undefined): op is IrOperation => op?.access?.kind === 'public';

function itemUrl(ctx: Ctx, op: IrOperation, row: string): string {
  const { lookup } = ctx.entity.resource;
  const column = lookupAttr(ctx.entity);
  const quote = ctx.imports.from('tests.utils', 'quote_path');
  return `f"${op.path.replace(`{${lookup.param}}`, `{${quote}(${row}.${column})}`)}"`;
}

/** ISO 8601 in UTC with microseconds, on SQLite and PostgreSQL alike. */
const ISO = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z`;

function getShape(ctx: Ctx): void {
  const { entity } = ctx;
  const get = opOf(entity, 'get');
  if (!open(get)) return;
  const key = entity.resource.shape.objectKey;
  test(ctx, `${get.handler}_answers_the_shape`, [
    `row = ${run(ctx)}(client, ${factory(ctx)})`,
    `response = client.get(${itemUrl(ctx, get, 'row')})`,
    'assert response.status_code == 200, response.text',
    ...(key === null ? [] : [`assert list(response.json()) == [${pyStr(key)}]`]),
    `item = ${answered(entity, 'response.json()')}`,
    `assert sorted(item) == [${itemKeys(ctx, get).map(pyStr).join(', ')}]`,
    ...(entity.timestamps && itemKeys(ctx, get).includes(wireName(entity, 'created_at'))
      ? ['created_at', 'updated_at'].map(
          (n) =>
            `assert ${ctx.imports.module('re')}.fullmatch(r"${ISO}", item[${pyStr(wireName(entity, n))}])`,
        )
      : []),
  ]);
}

function listShape(ctx: Ctx): void {
  const { entity } = ctx;
  const list = opOf(entity, 'list');
  if (!open(list)) return;
  const shape = entity.resource.shape;
  const lines = [
    `${run(ctx)}(client, ${factory(ctx)})`,
    `response = client.get(${pyStr(list.path)})`,
    'assert response.status_code == 200, response.text',
    'page = response.json()',
  ];
  if (shape.list.kind === 'array') lines.push('assert isinstance(page, list)');
  else {
    const keys = [shape.list.itemsKey];
    if (shape.list.countKey !== null) keys.push(shape.list.countKey);
    if (shape.list.echoPaging && shape.paging.style === 'offset')
      keys.push(shape.paging.limitParam, shape.paging.offsetParam);
    if (shape.list.echoPaging && shape.paging.style === 'page')
      keys.push(shape.paging.pageParam, shape.paging.sizeParam);
    lines.push(`assert sorted(page) == [${keys.sort().map(pyStr).join(', ')}]`);
  }
  const count = listCount(entity, 'page');
  lines.push(
    `assert sorted(${listItems(entity, 'page')}[0]) == [${itemKeys(ctx, list).map(pyStr).join(', ')}]`,
    ...(count ? [`assert ${count} >= 1`] : []),
  );
  test(ctx, `${list.handler}_answers_the_shape`, lines);
}

function createShape(ctx: Ctx): void {
  const { entity } = ctx;
  const create = opOf(entity, 'create');
  if (!open(create)) return;
  const path = pyStr(create.path);
  const bodyKey = entity.resource.shape.bodyKey;
  if (bodyKey !== null) {
    test(ctx, `${create.handler}_needs_the_envelope`, [
      `body = ${run(ctx)}(client, ${payload(ctx)})`,
      `response = client.post(${path}, json=body)`,
      'assert response.status_code == 422',
      `response = client.post(${path}, json={${pyStr(bodyKey)}: body})`,
      'assert response.status_code == 201, response.text',
    ]);
  }
  if (entity.wire.size > 0) {
    // Populated by name too: the attribute names (`author_id`) are accepted, the answer keeps the JSON names.
    const back = [...entity.wire].map(([python, json]) => `${pyStr(json)}: ${pyStr(python)}`);
    test(ctx, `${create.handler}_accepts_attribute_names`, [
      `body = ${run(ctx)}(client, ${payload(ctx)})`,
      `names = {${back.join(', ')}}`,
      'by_name = {names.get(key, key): value for key, value in body.items()}',
      `response = client.post(${path}, json=${sendBody(entity, 'by_name')})`,
      'assert response.status_code == 201, response.text',
      `assert sorted(${answered(entity, 'response.json()')}) == [${itemKeys(ctx, create).map(pyStr).join(', ')}]`,
    ]);
  }
}

/** A nullable field PUT can reset: writable, returned, without a default. */
function resettable(entity: IrEntity, answers: readonly string[]): IrField | undefined {
  return entity.fields.find(
    (f) => f.inUpdate && answers.includes(f.api) && f.nullable && f.default === undefined && !f.isPassword,
  );
}

function updateShape(ctx: Ctx): void {
  const { entity } = ctx;
  const put = opOf(entity, 'update', 'put');
  const patch = opOf(entity, 'update', 'patch');
  if (open(put)) {
    const required = entity.fields.find(
      (f) => f.inUpdate && !f.nullable && f.default === undefined && !f.isPassword,
    );
    const reset = resettable(entity, itemKeys(ctx, put));
    const lines = [
      `row = ${run(ctx)}(client, ${factory(ctx)}${reset ? `, ${reset.name}=${sampleFor(reset, ctx.imports, 'model')}` : ''})`,
    ];
    if (reset && /\bn\b/.test(lines[0] as string)) lines.unshift('n = 1');
    if (required) {
      lines.push(
        `response = client.put(${itemUrl(ctx, put, 'row')}, json=${sendBody(entity, '{}')})`,
        'assert response.status_code == 422',
        fieldErrorAssert(ctx.project.errorFormat, wireName(entity, required.name)),
      );
    }
    lines.push(
      `whole = ${run(ctx)}(client, ${payload(ctx)})`,
      ...(reset ? [`whole.pop(${pyStr(reset.api)}, None)`] : []),
      `response = client.put(${itemUrl(ctx, put, 'row')}, json=${sendBody(entity, 'whole')})`,
      'assert response.status_code == 200, response.text',
      `assert ${answered(entity, 'response.json()')}[${pyStr(wireName(entity, 'id'))}] == ${jsonId(entity, 'row.id')}`,
      // Left out of a whole replacement, a nullable field is emptied.
      ...(reset ? [`assert ${answered(entity, 'response.json()')}[${pyStr(reset.api)}] is None`] : []),
    );
    test(ctx, `${put.handler}_replaces_the_whole_object`, lines);
  }
  if (open(patch)) {
    const get = opOf(entity, 'get');
    const answers = itemKeys(ctx, patch);
    const read = get ? itemKeys(ctx, get) : [];
    const kept = entity.fields.find(
      (f) => answers.includes(f.api) && read.includes(f.api) && f.inUpdate && !f.isPassword && !f.nullable,
    );
    test(ctx, `${patch.handler}_changes_only_what_is_sent`, [
      `row = ${run(ctx)}(client, ${factory(ctx)})`,
      ...(kept ? [`before = ${answered(entity, `client.get(${itemUrl(ctx, patch, 'row')}).json()`)}`] : []),
      `response = client.patch(${itemUrl(ctx, patch, 'row')}, json=${sendBody(entity, '{}')})`,
      'assert response.status_code == 200, response.text',
      ...(kept
        ? [`assert ${answered(entity, 'response.json()')}[${pyStr(kept.api)}] == before[${pyStr(kept.api)}]`]
        : []),
    ]);
  }
}

export function emitShapeTests(entity: IrEntity, project: IrProject): string | null {
  if (hasDefaultShape(entity)) return null;
  const ctx: Ctx = { entity, project, imports: new Imports(), tests: [] };
  getShape(ctx);
  listShape(ctx);
  createShape(ctx);
  // The PATCH test reads the row first.
  if (opOf(entity, 'get')?.access?.kind === 'public') updateShape(ctx);
  if (ctx.tests.length === 0) return null;
  return module(
    ctx.imports.render(),
    ctx.tests,
    `"""The API shape of ${entity.resource.path}: JSON names, envelopes, list keys, verbs."""`.replace(
      /[^\x20-\x7e]/g,
      '',
    ),
  );
}
