import type { IrComputed, IrEntity, IrOperation, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyNumber, pyStr } from '../../python/literal';
import { literalDefault } from '../columns';
import { wireName } from '../envelopes';
import { embeddedSchema } from '../schemas';
import { factoryName, jsonId } from './factories';
import { orderedPair, seedOf } from './ordered';
import { answered, listItems, paged, pageQuery } from './shape';

/**
 * `tests/test_<resource>_computed.py`: computed fields answer what the related rows say. A count (with its
 * `where`) and `exists` change as related rows are added, sum/min/max follow the related values, a viewer-linked
 * flag is true for the linked user only (false for another user and for anonymous callers), also in the embeds
 * of other entities, and a list sorted by a count orders the rows by it.
 */

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[]; helpers: Set<string> };

const readable = (op: IrOperation | undefined): op is IrOperation =>
  op !== undefined &&
  (op.access?.kind === 'public' || op.access?.kind === 'authenticated' || op.access?.kind === 'owner');

function run(ctx: Ctx): string {
  return ctx.imports.from('tests.utils', 'run');
}

/** `create_<entity>(...)` through `run`, owned by `user` where rows have owners. */
function create(ctx: Ctx, entity: IrEntity, overrides: string[], user = 'user'): string {
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const owner = ctx.project.auth && !entity.isUser ? [`owned_by=${user}`] : [];
  const flag =
    entity.resource.publicRows && entity.resource.ownership
      ? [`${entity.resource.publicRows.name}=True`]
      : [];
  return `${run(ctx)}(client, ${[factory, ...owner, ...flag, ...overrides].join(', ')})`;
}

function modelOf(ctx: Ctx, id: string): string {
  const target = ctx.project.entityById.get(id) as IrEntity;
  return ctx.imports.from(`app.models.${target.module}`, target.className);
}

/** `_link(table, values)`: one row of an association table. */
function linkHelper(ctx: Ctx): string {
  const any = ctx.imports.from('typing', 'Any');
  const table = ctx.imports.from('sqlalchemy', 'Table');
  const insert = ctx.imports.from('sqlalchemy', 'insert');
  const sessionLocal = ctx.imports.from('app.core.db', 'SessionLocal');
  ctx.helpers.add(
    [
      `async def _link(table: ${table}, values: dict[str, ${any}]) -> None:`,
      '    """Links two rows through an association table."""',
      `    async with ${sessionLocal}() as session:`,
      `        await session.execute(${insert}(table).values(**values))`,
      '        await session.commit()',
    ].join('\n'),
  );
  return '_link';
}

/** `_point(model, row_id, column, value)`: sets one foreign key of an existing row. */
function pointHelper(ctx: Ctx): string {
  const any = ctx.imports.from('typing', 'Any');
  const update = ctx.imports.from('sqlalchemy', 'update');
  const sessionLocal = ctx.imports.from('app.core.db', 'SessionLocal');
  ctx.helpers.add(
    [
      `async def _point(model: ${any}, row_id: ${any}, column: str, value: ${any}) -> None:`,
      '    """Points an existing row at another one."""',
      `    async with ${sessionLocal}() as session:`,
      `        await session.execute(${update}(model).where(model.id == row_id).values({column: value}))`,
      '        await session.commit()',
    ].join('\n'),
  );
  return '_point';
}

/** Lines adding one related row of `c` to the row `owner` (with `overrides` on the related entity). */
function addRelated(ctx: Ctx, c: IrComputed, owner: string, overrides: string[]): string[] {
  const source = c.source;
  const target = ctx.project.entityById.get(source.targetId) as IrEntity;
  if (source.kind === 'backref') return [create(ctx, target, [`${source.column}=${owner}.id`, ...overrides])];
  const other = `${run(ctx)}(client, ${ctx.imports.from('tests.factories', factoryName(target))}${ctx.project.auth && !target.isUser ? ', owned_by=user' : ''}${overrides.length > 0 ? `, ${overrides.join(', ')}` : ''})`;
  if (source.kind === 'association') {
    const table = ctx.imports.from('app.models.associations', source.table);
    return [
      `related = ${other}`,
      `${run(ctx)}(client, ${linkHelper(ctx)}, table=${table}, values={${pyStr(source.own)}: ${owner}.id, ${pyStr(source.other)}: related.id})`,
    ];
  }
  const through = ctx.project.entityById.get(source.throughId) as IrEntity;
  return [
    `related = ${other}`,
    create(ctx, through, [`${source.own}=${owner}.id`, `${source.other}=related.id`]),
  ];
}

/** Lines linking the user `viewer` to the row `owner` through a viewer-linked field's relation. */
function linkViewer(ctx: Ctx, c: IrComputed, owner: string, viewer: string): string[] {
  const source = c.source;
  if (source.kind === 'backref') {
    const model = modelOf(ctx, source.targetId);
    return [
      `${run(ctx)}(client, ${pointHelper(ctx)}, model=${model}, row_id=${viewer}.id, column=${pyStr(source.column)}, value=${owner}.id)`,
    ];
  }
  if (source.kind === 'association') {
    const table = ctx.imports.from('app.models.associations', source.table);
    return [
      `${run(ctx)}(client, ${linkHelper(ctx)}, table=${table}, values={${pyStr(source.own)}: ${owner}.id, ${pyStr(source.other)}: ${viewer}.id})`,
    ];
  }
  const through = ctx.project.entityById.get(source.throughId) as IrEntity;
  return [create(ctx, through, [`${source.own}=${owner}.id`, `${source.other}=${viewer}.id`])];
}

/** `_read(client, row, headers)`: the answered row of the get operation. */
function readHelper(ctx: Ctx, get: IrOperation): string {
  const { entity, imports } = ctx;
  const any = imports.from('typing', 'Any');
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const { lookup } = entity.resource;
  const column = lookup.field ? lookup.field.name : 'id';
  const quote = imports.from('tests.utils', 'quote_path');
  const url = `f"${get.path.replace(`{${lookup.param}}`, `{${quote}(row.${column})}`)}"`;
  ctx.helpers.add(
    [
      `def _read(client: ${tc}, row: ${any}, headers: dict[str, str]) -> ${any}:`,
      `    """The ${entity.className} as its get answers it to the caller of \`headers\`."""`,
      `    response = client.get(${url}, headers=headers)`,
      '    assert response.status_code == 200, response.text',
      `    return ${answered(entity, 'response.json()')}`,
    ].join('\n'),
  );
  return '_read';
}

function push(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

function signIn(ctx: Ctx, name = 'user', headers = 'headers'): string {
  return ctx.project.auth
    ? `${name}, ${headers} = ${ctx.imports.from('tests.utils', 'sign_in')}(client)`
    : `${headers}: dict[str, str] = {}`;
}

/** The where value, and for booleans its opposite (a related row that must not count). */
function whereValues(ctx: Ctx, c: IrComputed): { match: string[]; miss: string[] | null } {
  if (!c.where) return { match: [], miss: null };
  const { field, equals } = c.where;
  const match = [`${field.name}=${literalDefault(field, equals, ctx.imports)}`];
  const miss = typeof equals === 'boolean' ? [`${field.name}=${equals ? 'False' : 'True'}`] : null;
  return { match, miss };
}

function valueTests(ctx: Ctx, get: IrOperation, list: IrOperation | undefined, c: IrComputed): void {
  const { entity } = ctx;
  const read = readHelper(ctx, get);
  const key = pyStr(wireName(entity, c.name));
  const setup = [signIn(ctx), `row = ${create(ctx, entity, [])}`];
  const name = `${entity.varName}_${c.name}`;
  const { match, miss } = whereValues(ctx, c);
  if (c.kind === 'count' || c.kind === 'exists') {
    const empty = c.kind === 'count' ? '== 0' : 'is False';
    const full = c.kind === 'count' ? '== 2' : 'is True';
    push(ctx, `${name}_follows_the_related_rows`, [
      ...setup,
      `assert ${read}(client, row, headers)[${key}] ${empty}`,
      ...(miss ? addRelated(ctx, c, 'row', miss) : []),
      ...(miss ? [`assert ${read}(client, row, headers)[${key}] ${empty}`] : []),
      ...addRelated(ctx, c, 'row', match),
      ...(c.kind === 'count' ? addRelated(ctx, c, 'row', match) : []),
      `assert ${read}(client, row, headers)[${key}] ${full}`,
    ]);
    return;
  }
  if (c.kind === 'viewer-linked') {
    const anonymous = get.access?.kind === 'public';
    push(ctx, `${name}_is_true_for_the_linked_viewer_only`, [
      ...setup,
      signIn(ctx, 'other', 'other_headers'),
      `assert ${read}(client, row, headers)[${key}] is False`,
      ...linkViewer(ctx, c, 'row', 'user'),
      `assert ${read}(client, row, headers)[${key}] is True`,
      ...(get.access?.kind === 'owner'
        ? []
        : [`assert ${read}(client, row, other_headers)[${key}] is False`]),
      ...(anonymous ? [`assert ${read}(client, row, {})[${key}] is False`] : []),
      ...(listShows(ctx, list, c)
        ? [
            // Lists fill the value in for the whole page in their one statement.
            `assert ${listHelper(ctx, list)}(client, {}, headers)[${jsonId(ctx.entity, 'row.id')}][${key}] is True`,
            `assert ${listHelper(ctx, list)}(client, {}, other_headers)[${jsonId(ctx.entity, 'row.id')}][${key}] is False`,
          ]
        : []),
    ]);
    return;
  }
  const field = c.field;
  if (!field) return;
  const pair = orderedPair(field, ctx.imports, seedOf(name));
  if (!pair) return;
  const low = pair.value(0);
  const high = pair.value(1);
  const decimal = field.type === 'decimal' ? ctx.imports.from('decimal', 'Decimal') : null;
  const value = (expr: string) => (decimal ? `${decimal}(${expr})` : expr);
  const expected = c.kind === 'sum' ? `${low.expr} + ${high.expr}` : c.kind === 'min' ? low.expr : high.expr;
  const empty = c.kind === 'sum' ? '== 0' : 'is None';
  const compare =
    field.type === 'float' ? `== ${ctx.imports.from('pytest', 'approx')}(${expected})` : `== ${expected}`;
  push(ctx, `${name}_follows_the_related_values`, [
    ...setup,
    `${c.kind === 'sum' && decimal ? `assert ${value(`${read}(client, row, headers)[${key}]`)}` : `assert ${read}(client, row, headers)[${key}]`} ${empty}`,
    ...low.lines,
    ...addRelated(ctx, c, 'row', [...match, `${field.name}=${low.expr}`]),
    ...high.lines,
    ...addRelated(ctx, c, 'row', [...match, `${field.name}=${high.expr}`]),
    `assert ${value(`${read}(client, row, headers)[${key}]`)} ${compare}`,
  ]);
}

/** The auth `me` endpoint answers the user's per-viewer values for the caller (themselves). */
function meTests(ctx: Ctx): void {
  const api = ctx.project.auth?.api;
  if (!api || !ctx.entity.isUser) return;
  const me = (expr: string) => (api.objectKey === null ? expr : `${expr}[${pyStr(api.objectKey)}]`);
  const read = `${me(`client.get(${pyStr(api.mePath)}, headers=headers).json()`)}`;
  for (const c of ctx.entity.computed.filter((x) => x.perViewer)) {
    const key = pyStr(wireName(ctx.entity, c.name));
    push(ctx, `me_answers_${c.name}_for_the_caller`, [
      signIn(ctx),
      `assert ${read}[${key}] is False`,
      ...linkViewer(ctx, c, 'user', 'user'),
      `assert ${read}[${key}] is True`,
    ]);
  }
}

/** `_listed(client, params, headers)`: every row the list answers (page after page, in order), by id. */
function listHelper(ctx: Ctx, list: IrOperation): string {
  const { entity, imports } = ctx;
  const any = imports.from('typing', 'Any');
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const max = pyNumber(entity.resource.list?.maxPageSize ?? 100);
  const items = listItems(entity, 'response.json()');
  const id = pyStr(wireName(entity, 'id'));
  const body = paged(entity)
    ? [
        `rows: list[${any}] = []`,
        'while True:',
        `    query = {**params, ${pageQuery(entity, max, 'len(rows)').join(', ')}}`,
        `    response = client.get(${pyStr(list.path)}, params=query, headers=headers)`,
        '    assert response.status_code == 200, response.text',
        `    page = ${items}`,
        '    rows += page',
        `    if len(page) < ${max}:`,
        `        return {row[${id}]: row for row in rows}`,
      ]
    : [
        `response = client.get(${pyStr(list.path)}, params=params, headers=headers)`,
        'assert response.status_code == 200, response.text',
        `return {row[${id}]: row for row in ${items}}`,
      ];
  ctx.helpers.add(
    [
      `def _listed(client: ${tc}, params: dict[str, ${any}], headers: dict[str, str]) -> dict[${any}, ${any}]:`,
      '    """Every row the list answers for `params`, in order, by id."""',
      indent(body.join('\n')),
    ].join('\n'),
  );
  return '_listed';
}

/** Whether the list answers `c` in its items (a named view may leave it out). */
function listShows(ctx: Ctx, list: IrOperation | undefined, c: IrComputed): list is IrOperation {
  if (!readable(list) || list.access?.kind === 'owner') return false;
  const view = ctx.entity.resource.views.list;
  if (typeof view !== 'object') return true;
  return ctx.entity.schemas.views.find((v) => v.className === view.schema)?.computed.includes(c) ?? false;
}

function sortTests(ctx: Ctx, list: IrOperation): void {
  const { entity } = ctx;
  for (const sort of entity.resource.list?.sorts ?? []) {
    const c = sort.computed;
    if (c?.kind !== 'count') continue;
    const { match } = whereValues(ctx, c);
    const listed = listHelper(ctx, list);
    const ids = [jsonId(entity, 'low.id'), jsonId(entity, 'high.id')];
    push(ctx, `${list.handler}_sort_by_${c.name}`, [
      signIn(ctx),
      `low = ${create(ctx, entity, [])}`,
      `high = ${create(ctx, entity, [])}`,
      ...addRelated(ctx, c, 'low', match),
      ...addRelated(ctx, c, 'high', match),
      ...addRelated(ctx, c, 'high', match),
      `ours = {${ids.join(', ')}}`,
      `ascending = [i for i in ${listed}(client, {"sort": ${pyStr(sort.query)}}, headers) if i in ours]`,
      `assert ascending == [${ids.join(', ')}]`,
      `descending = [i for i in ${listed}(client, {"sort": ${pyStr(`-${sort.query}`)}}, headers) if i in ours]`,
      `assert descending == [${ids[1]}, ${ids[0]}]`,
    ]);
  }
}

/** A to-one embed whose target shows a viewer-linked value: the embedding row answers it per viewer too. */
function embedTests(ctx: Ctx, get: IrOperation, list: IrOperation | undefined): void {
  const { entity, project } = ctx;
  for (const embed of entity.resource.embeds) {
    const fk = entity.fks.find((f) => f.attr === embed.attr);
    if (embed.many || !fk || fk.nullable) continue;
    const target = project.entityById.get(embed.targetId) as IrEntity;
    const schema = embeddedSchema(target);
    const view = target.schemas.views.find((v) => v.className === schema);
    const shown = view ? view.computed : target.computed;
    for (const c of shown.filter((x) => x.perViewer)) {
      const read = readHelper(ctx, get);
      const owned = entity.resource.owner?.column === fk.column;
      // An owned row points at its owner: the target row is then the signed-in author.
      const setup = owned
        ? [
            signIn(ctx, 'author', 'author_headers'),
            `row = ${create(ctx, entity, [], 'author')}`,
            'linked = author',
          ]
        : [`linked = ${create(ctx, target, [])}`, `row = ${create(ctx, entity, [`${fk.column}=linked.id`])}`];
      const key = pyStr(wireName(target, c.name));
      const at = `[${pyStr(wireName(entity, embed.attr))}][${key}]`;
      push(ctx, `${entity.varName}_embeds_${embed.attr}_${c.name}_per_viewer`, [
        signIn(ctx),
        signIn(ctx, 'other', 'other_headers'),
        ...setup,
        `assert ${read}(client, row, headers)${at} is False`,
        ...linkViewer(ctx, c, 'linked', 'user'),
        `assert ${read}(client, row, headers)${at} is True`,
        ...(get.access?.kind === 'owner' ? [] : [`assert ${read}(client, row, other_headers)${at} is False`]),
        ...(readable(list) && list.access?.kind !== 'owner' && typeof entity.resource.views.list !== 'object'
          ? [`assert ${listHelper(ctx, list)}(client, {}, headers)[${jsonId(entity, 'row.id')}]${at} is True`]
          : []),
      ]);
    }
  }
}

export function emitComputedTests(entity: IrEntity, project: IrProject): string | null {
  if (entity.resource.parent) return null;
  const get = entity.operations.find((op) => op.kind === 'get');
  const list = entity.operations.find((op) => op.kind === 'list');
  if (!readable(get)) return null;
  const imports = new Imports(['_read', '_link', '_point', '_listed']);
  const ctx: Ctx = { entity, project, imports, tests: [], helpers: new Set() };
  // Rows are the signed-in user's (factories take `owned_by`), so owner-only reads see them.
  for (const c of entity.computed) valueTests(ctx, get, list, c);
  if (readable(list)) sortTests(ctx, list);
  embedTests(ctx, get, list);
  meTests(ctx);
  if (ctx.tests.length === 0) return null;
  return module(
    imports.render(),
    [...ctx.helpers, ...ctx.tests],
    `"""Computed fields of ${entity.className}."""`,
  );
}
