import { compilePattern } from '@/lib/design/pattern';
import type { ErrorFormat } from '@/lib/design/schema';
import type { IrAccess, IrEntity, IrOperation, IrProject, IrValueList } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyNumber, pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { LINKS_MAX } from '../schemas';
import { inputMaxLength } from '../types';
import { writableLists } from '../value-lists';
import { errorAssert } from './error-format';
import { factoryName, payloadName } from './factories';
import { sampleFor } from './samples';
import { answered, dict, listItems, pageQuery, sendBody } from './shape';

/** Concurrent creates naming one new value. */
const RACERS = 8;

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[]; helpers: Set<string> };

const opOf = (entity: IrEntity, kind: IrOperation['kind'], method?: IrOperation['method']) =>
  entity.operations.find((op) => op.kind === kind && (method === undefined || op.method === method));

/** Callers the tests can be: anyone, or a freshly signed-up user (role-limited operations are left out). */
const testable = (access: IrAccess | null): access is IrAccess =>
  access !== null && access.kind !== 'roles' && access.kind !== 'parent-owner';

/** A value of the list's field that breaks its constraints (too long, or off its pattern), or null. */
function invalidValue(list: IrValueList): string | null {
  const max = inputMaxLength(list.field);
  if (max !== undefined && max < 1000) return `"x" * ${pyNumber(max + 1)}`;
  const pattern = list.field.constraints.pattern;
  if (pattern === undefined) return null;
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return null;
  const miss = ['Not Valid!', ' ', '!', 'a b', '0', 'x'].find((s) => !compiled.test(s));
  return miss === undefined ? null : pyStr(miss);
}

/** `response` is a 422 naming the list's JSON key, in the project's error format. */
function namesKey(format: ErrorFormat, key: string): string {
  if (format === 'field-map') return `assert ${pyStr(key)} in response.json()["errors"], response.text`;
  const items = format === 'problem' ? 'errors' : 'detail';
  return `assert any(${pyStr(key)} in item["loc"] for item in response.json()[${pyStr(items)}]), response.text`;
}

/**
 * `tests/test_<resource>_values.py`: each writable value list answers its values sorted with duplicates
 * collapsed, reuses the related row of a known value (one row per value in the database), is replaced by an
 * update (left alone by a PATCH without it), refuses values breaking the field's constraints and over-long lists
 * (422, nothing stored), and a list filter on the value finds exactly the rows holding it.
 */
export function emitValueListTests(entity: IrEntity, project: IrProject): string | null {
  if (entity.resource.valueLists.length === 0 || entity.resource.parent) return null;
  const create = opOf(entity, 'create');
  const imports = new Imports();
  const ctx: Ctx = { entity, project, imports, tests: [], helpers: new Set() };
  const helpers: string[] = [`_counter = ${imports.module('itertools')}.count(1)`];
  for (const list of entity.resource.valueLists) if (!list.writable) readOnlyTest(ctx, list);
  const lists = create && testable(create.access) ? writableLists(entity) : [];
  for (const list of lists) {
    if (!create) break;
    const sample = sampleFor(list.field, imports, 'json');
    // A fixed sample (no counter) cannot give distinct values.
    if (!/\bn\b/.test(sample)) continue;
    helpers.push(valueHelpers(ctx, list, sample));
    listTests(ctx, create, create.access as IrAccess, list);
  }
  if (ctx.tests.length === 0) return null;
  return module(
    imports.render(),
    [...helpers, ...ctx.helpers, ...ctx.tests],
    `"""Value lists of ${entity.className}: related rows found by value, or created."""`,
  );
}

/**
 * A list only shown: rows linked in the database (through the association table, or rows of the through entity)
 * show the related rows' values, sorted. Public reads only, and through entities between two different entities.
 */
function readOnlyTest(ctx: Ctx, list: IrValueList): void {
  const { entity, project, imports } = ctx;
  const get = opOf(entity, 'get');
  if (get?.access?.kind !== 'public') return;
  const rel = entity.relationships.find((r) => r.relationId === list.relationId && r.attr === list.attr);
  const target = project.entityById.get(list.targetId) as IrEntity;
  if (!rel || rel.secondary === null) return;
  const run = imports.from('tests.utils', 'run');
  const factory = (e: IrEntity) => imports.from('tests.factories', factoryName(e));
  const model = (e: IrEntity) => imports.from(`app.models.${e.module}`, e.className);
  const flag = (e: IrEntity) =>
    e.resource.publicRows && e.resource.ownership ? `, ${e.resource.publicRows.name}=True` : '';
  const link: string[] = [];
  if (rel.viewOnly) {
    const through = project.entities.find((e) => e.tableName === rel.secondary);
    const own = through?.fks.find((fk) => fk.targetId === entity.id);
    const other = through?.fks.find((fk) => fk.targetId === target.id && fk !== own);
    if (!through || !own || !other || entity.id === target.id) return;
    link.push(
      'for linked in (first, second):',
      `    ${run}(client, ${factory(through)}, ${own.column}=row.id, ${other.column}=linked.id)`,
    );
  } else {
    const helper = `_link_${list.attr}`;
    const select = imports.from('sqlalchemy', 'select');
    const e = model(entity);
    const t = model(target);
    ctx.helpers.add(
      [
        `async def ${helper}(row_id: ${imports.from('typing', 'Any')}, ids: list[${imports.from('typing', 'Any')}]) -> None:`,
        `    async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`,
        `        statement = ${select}(${e}).where(${e}.id == row_id)`,
        `        loaded = statement.options(${imports.from('sqlalchemy.orm', 'selectinload')}(${e}.${list.attr}))`,
        '        row = (await session.execute(loaded)).scalar_one()',
        `        targets = await session.execute(${select}(${t}).where(${t}.id.in_(ids)))`,
        `        row.${list.attr} = list(targets.scalars())`,
        '        await session.commit()',
      ].join('\n'),
    );
    link.push(`${run}(client, ${helper}, row_id=row.id, ids=[first.id, second.id])`);
  }
  const { lookup } = entity.resource;
  const url = `f"${get.path.replace(`{${lookup.param}}`, `{${imports.from('tests.utils', 'quote_path')}(row.${lookup.field?.name ?? 'id'})}`)}"`;
  const name = list.field.name;
  ctx.tests.push(
    [
      `def test_${get.handler}_shows_${list.attr}(client: ${imports.from('fastapi.testclient', 'TestClient')}) -> None:`,
      `    row = ${run}(client, ${factory(entity)}${flag(entity)})`,
      `    first = ${run}(client, ${factory(target)}${flag(target)})`,
      `    second = ${run}(client, ${factory(target)}${flag(target)})`,
      ...link.map((l) => `    ${l}`),
      `    response = client.get(${url})`,
      '    assert response.status_code == 200, response.text',
      `    shown = ${answered(entity, 'response.json()')}[${pyStr(wireName(entity, list.attr))}]`,
      `    assert shown == sorted([first.${name}, second.${name}])`,
    ].join('\n'),
  );
}

/** `_statements(request)`: how many SQL statements the request ran (it must answer 200). */
function statementsHelper(imports: Imports): string {
  const any = imports.from('typing', 'Any');
  const event = imports.from('sqlalchemy', 'event');
  const engine = imports.from('app.core.db', 'engine');
  const response = `${imports.module('httpx')}.Response`;
  const callable = imports.from('collections.abc', 'Callable');
  return [
    `def _statements(request: ${callable}[[], ${response}]) -> int:`,
    '    count = 0',
    '',
    `    def counted(*_: ${any}) -> None:`,
    '        nonlocal count',
    '        count += 1',
    '',
    `    ${event}.listen(${engine}.sync_engine, "before_cursor_execute", counted)`,
    '    try:',
    '        response = request()',
    '    finally:',
    `        ${event}.remove(${engine}.sync_engine, "before_cursor_execute", counted)`,
    '    assert response.status_code == 200, response.text',
    '    return count',
  ].join('\n');
}

/** `_<attr>_value(n)` (a valid value) and `_<attr>_stored(value)` (how many related rows hold it). */
function valueHelpers(ctx: Ctx, list: IrValueList, sample: string): string {
  const { imports } = ctx;
  const target = ctx.project.entityById.get(list.targetId) as IrEntity;
  const model = imports.from(`app.models.${target.module}`, target.className);
  const select = imports.from('sqlalchemy', 'select');
  const count = `${select}(${imports.from('sqlalchemy', 'func')}.count()).select_from(${model})`;
  return [
    `def _${list.attr}_value(n: int) -> str:`,
    `    return ${sample}`,
    '',
    '',
    `async def _${list.attr}_stored(value: str | None = None) -> int:`,
    '    """How many related rows hold `value` (all of them without one)."""',
    `    statement = ${count}`,
    '    if value is not None:',
    `        statement = statement.where(${model}.${list.field.name} == value)`,
    `    async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`,
    '        return (await session.execute(statement)).scalar_one()',
  ].join('\n');
}

function listTests(ctx: Ctx, create: IrOperation, access: IrAccess, list: IrValueList): void {
  const { entity, project, imports } = ctx;
  const key = wireName(entity, list.attr);
  const k = pyStr(key);
  const run = imports.from('tests.utils', 'run');
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const signedIn = access.kind !== 'public';
  const owned = signedIn && project.auth !== null && !entity.isUser;
  const payload = `${run}(client, ${imports.from('tests.factories', payloadName(entity))}${owned ? ', owned_by=user' : ''})`;
  const value = `_${list.attr}_value`;
  const stored = `_${list.attr}_stored`;
  const setup = [
    signedIn
      ? `user, headers = ${imports.from('tests.utils', 'sign_in')}(client)`
      : 'headers: dict[str, str] = {}',
  ];
  // `a`, `b`, `c` (and up to 200 values from `base`) are this test's own within the module, far above the
  // factories' counter (samples hold for counters up to 123456).
  const values = (body: string[]) => {
    const text = body.join('\n');
    const used = ['a', 'b', 'c'].filter((v) => new RegExp(`\\b${v}\\b`).test(text));
    return [
      ...(used.length > 0 || /\bbase\b/.test(text) ? ['base = 100_000 + next(_counter) * 200'] : []),
      ...used.map((v) => `${v} = ${value}(base + ${'abc'.indexOf(v) + 1})`),
    ];
  };
  const post = (values: string, into: string | null = 'created') => [
    `body = ${payload}`,
    `body[${k}] = ${values}`,
    `response = client.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    ...(into ? [`${into} = ${answered(entity, 'response.json()')}`] : []),
  ];
  const name = `${create.handler}_${list.attr}`;
  const test = (suffix: string, body: string[]) =>
    ctx.tests.push(
      `def test_${name}_${suffix}(client: ${tc}) -> None:\n${indent([...setup, ...values(body), ...body].join('\n'))}`,
    );
  const lookup = entity.resource.lookup;
  const lookupKey = wireName(entity, lookup.field?.name ?? 'id');
  const url = (op: IrOperation, row: string) =>
    `f"${op.path.replace(`{${lookup.param}}`, `{${imports.from('tests.utils', 'quote_path')}(${row}[${pyStr(lookupKey)}])}`)}"`;
  const get = opOf(entity, 'get');
  const readable = get && (get.access?.kind === 'public' || (signedIn && testable(get.access ?? null)));
  const readBack = (row: string, expected: string) =>
    readable && get
      ? [
          `stored = client.get(${url(get, row)}, headers=headers)`,
          'assert stored.status_code == 200, stored.text',
          `assert ${answered(entity, 'stored.json()')}[${k}] == ${expected}`,
        ]
      : [];

  test('sorted_without_duplicates', [
    ...post('[b, a, a]'),
    `assert created[${k}] == sorted({a, b})`,
    ...readBack('created', 'sorted({a, b})'),
  ]);
  test('reuses_known_values', [
    ...post('[a]', null),
    ...post('[a, b]', 'second'),
    `assert second[${k}] == sorted({a, b})`,
    `assert ${run}(client, ${stored}, value=a) == 1`,
    `assert ${run}(client, ${stored}, value=b) == 1`,
  ]);
  // Requests racing to create the same new value: one row, no 500 (ON CONFLICT DO NOTHING, then read again).
  const asyncio = imports.module('asyncio');
  const httpx = imports.module('httpx');
  test('created_once_by_concurrent_requests', [
    `bodies = [${payload} for _ in range(${pyNumber(RACERS)})]`,
    'for i, body in enumerate(bodies):',
    `    body[${k}] = [a, ${value}(base + 10 + i)]`,
    '',
    'async def create_all() -> list[int]:',
    `    transport = ${httpx}.ASGITransport(app=${imports.from('app.main', 'app')})`,
    `    async with ${httpx}.AsyncClient(transport=transport, base_url="http://test") as racing:`,
    `        responses = await ${asyncio}.gather(`,
    `            *(racing.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers) for body in bodies)`,
    '        )',
    '    return [response.status_code for response in responses]',
    '',
    `assert ${run}(client, create_all) == [201] * ${pyNumber(RACERS)}`,
    `assert ${run}(client, ${stored}, value=a) == 1`,
  ]);
  test('empty_by_default', [
    `body = ${payload}`,
    `response = client.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `assert ${answered(entity, 'response.json()')}[${k}] == []`,
  ]);
  const bad = invalidValue(list);
  if (bad !== null) {
    test('refuses_invalid_values', [
      `bad = ${bad}`,
      `before = ${run}(client, ${stored})`,
      `body = ${payload}`,
      `body[${k}] = [a, bad]`,
      `response = client.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers)`,
      'assert response.status_code == 422, response.text',
      ...errorAssert(project, imports, 422),
      namesKey(project.errorFormat, key),
      // Nothing stored: not the valid value either.
      `assert ${run}(client, ${stored}) == before`,
    ]);
  }
  test('refuses_too_many_values', [
    `body = ${payload}`,
    `body[${k}] = [${value}(base + i) for i in range(${pyNumber(LINKS_MAX + 1)})]`,
    `response = client.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 422, response.text',
    ...errorAssert(project, imports, 422),
    namesKey(project.errorFormat, key),
  ]);

  for (const update of entity.operations.filter((op) => op.kind === 'update')) {
    if (!testable(update.access) || (update.access.kind !== 'public' && !signedIn)) continue;
    const verb = update.method;
    const whole = verb === 'put';
    const send = (expr: string) =>
      `response = client.${verb}(${url(update, 'created')}, json=${sendBody(entity, expr)}, headers=headers)`;
    const replaced = whole
      ? [`whole = ${payload}`, `whole[${k}] = [c, b]`, send('whole')]
      : [send(`{${k}: [c, b]}`)];
    test(`replaced_by_${update.handler}`, [
      ...post('[a, b]'),
      ...replaced,
      'assert response.status_code == 200, response.text',
      `updated = ${answered(entity, 'response.json()')}`,
      `assert updated[${k}] == sorted({b, c})`,
      // Read back by the answered lookup: a PUT may have changed it.
      ...readBack('updated', 'sorted({b, c})'),
      // The row of a value no longer linked stays (other rows may hold it).
      `assert ${run}(client, ${stored}, value=a) == 1`,
    ]);
    // PATCH leaves out what it does not change; PUT replaces the whole object, so a missing list empties it.
    const left = whole ? [`whole = ${payload}`, send('whole')] : [send('{}')];
    test(`${whole ? 'emptied' : 'kept'}_by_${update.handler}_without_it`, [
      ...post('[a, b]'),
      ...left,
      'assert response.status_code == 200, response.text',
      `assert ${answered(entity, 'response.json()')}[${k}] == ${whole ? '[]' : 'sorted({a, b})'}`,
    ]);
  }

  const listOp = opOf(entity, 'list');
  const listing = entity.resource.list;
  const sizes = pageQuery(entity, '1', null).length > 0;
  const readsList =
    listOp && listing && testable(listing.access) && (listing.access.kind === 'public' || signedIn);
  if (readsList && listOp && list === writableLists(entity)[0]) {
    // The lists are loaded once per page (selectinload), not once per row.
    const page = (size: string) => (sizes ? `, params=${dict(pageQuery(entity, size, null))}` : '');
    test('loaded_without_a_query_per_row', [
      ...Array.from({ length: 3 }, () => post('[a, b]', null)).flat(),
      `small = _statements(lambda: client.get(${pyStr(listOp.path)}${page('1')}, headers=headers))`,
      ...Array.from({ length: 3 }, () => post('[b, c]', null)).flat(),
      `large = _statements(lambda: client.get(${pyStr(listOp.path)}${page('6')}, headers=headers))`,
      'assert large == small',
    ]);
    ctx.helpers.add(statementsHelper(imports));
  }
  const filter = listing?.filters.find((f) => f.via?.attr === list.attr && f.field?.id === list.field.id);
  if (
    listOp &&
    listing &&
    filter &&
    testable(listing.access) &&
    (listing.access.kind === 'public' || signedIn)
  ) {
    const id = pyStr(wireName(entity, 'id'));
    test(`filtered_by_${filter.param}`, [
      ...post('[a, b]', 'tagged'),
      ...post('[c]', null),
      `response = client.get(${pyStr(listOp.path)}, params={${pyStr(filter.query)}: a}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      `assert [item[${id}] for item in ${listItems(entity, 'response.json()')}] == [tagged[${id}]]`,
    ]);
  }
}
