import type {
  IrAccess,
  IrAction,
  IrActionSet,
  IrComputed,
  IrEntity,
  IrLinkStore,
  IrOperation,
  IrProject,
} from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { ownerOnlyReads } from '../access';
import { actionOf } from '../actions';
import { literalDefault } from '../columns';
import { factoryName, jsonId } from './factories';
import { forbiddenRole, lookupText, roleOverride } from './resource';
import { answered, jsonKey } from './shape';

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[]; helpers: string[] };

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');
const signInFn = (ctx: Ctx) => ctx.imports.from('tests.utils', 'sign_in');

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** `user, headers = sign_in(client[, role=...])`: a caller the rule lets in. */
function signIn(ctx: Ctx, access: IrAccess, user = 'user', headers = 'headers'): string {
  const role = access.kind === 'roles' ? roleOverride(ctx, access.roles[0] ?? '') : '';
  return `${user}, ${headers} = ${signInFn(ctx)}(client${role})`;
}

const lookupColumn = (entity: IrEntity) => entity.resource.lookup.field?.name ?? 'id';

/**
 * `row = ...`: the row the action acts on, readable by the caller: their own for owner rules (the caller
 * themself on the user entity), else someone else's public row. `hidden`: one the caller may not touch.
 */
function rowLine(
  ctx: Ctx,
  access: IrAccess,
  hidden = false,
  extra: ReadonlyMap<string, string> = new Map(),
): string {
  const r = ctx.entity.resource;
  const factory = ctx.imports.from('tests.factories', factoryName(ctx.entity));
  const owner = access.kind === 'owner' && r.ownership !== null;
  if (owner && ctx.entity.isUser && !hidden) return 'row = user';
  // What makes the row (not) the caller's to touch wins over the values a test wants to see changed.
  const kw = new Map(extra);
  if (owner && !ctx.entity.isUser && !hidden) kw.set('owned_by', 'user');
  if (!owner && r.publicRows && r.ownership) kw.set(r.publicRows.name, hidden ? 'False' : 'True');
  if (ownerOnlyReads(ctx.entity) && !ctx.entity.isUser && !hidden && !owner) kw.set('owned_by', 'user');
  const nesting = r.parent;
  if (nesting) kw.set(nesting.fk.column, 'parent.id');
  const args = [factory, ...[...kw].map(([k, v]) => `${k}=${v}`)];
  return `row = ${run(ctx)}(client, ${args.join(', ')})`;
}

/** `parent = ...` for a nested resource: a parent row the caller may read (the row is created under it). */
function parentLines(ctx: Ctx): string[] {
  const nesting = ctx.entity.resource.parent;
  if (!nesting) return [];
  const parent = ctx.project.entityById.get(nesting.parentId) as IrEntity;
  const factory = ctx.imports.from('tests.factories', factoryName(parent));
  const kw: string[] = [];
  if (parent.resource.publicRows && parent.resource.ownership)
    kw.push(`${parent.resource.publicRows.name}=True`);
  if (ownerOnlyReads(parent) && !parent.isUser) kw.push('owned_by=user');
  return [`parent = ${run(ctx)}(client, ${[factory, ...kw].join(', ')})`];
}

/** The row of another entity a `target: 'row'` link names, readable by the caller. */
function otherLine(ctx: Ctx, other: IrEntity): string {
  const factory = ctx.imports.from('tests.factories', factoryName(other));
  const kw: string[] = [];
  if (other.resource.publicRows && other.resource.ownership)
    kw.push(`${other.resource.publicRows.name}=True`);
  if (ownerOnlyReads(other) && !other.isUser) kw.push('owned_by=user');
  return `other = ${run(ctx)}(client, ${[factory, ...kw].join(', ')})`;
}

/** The operation's URL for `row` (and `other`), or with a lookup that names nothing. */
function url(ctx: Ctx, op: IrOperation, missing: 'row' | 'other' | null = null): string {
  const quote = ctx.imports.from('tests.utils', 'quote_path');
  const lookup = ctx.entity.resource.lookup;
  const fill = (param: string, entity: IrEntity, rowVar: string, miss: boolean) => {
    const field = entity.resource.lookup.field;
    const text = field?.type === 'enum' ? 'no-such-value-zz' : lookupText(entity, field);
    return [`{${param}}`, miss ? encodeURIComponent(text) : `{${quote}(${rowVar}.${lookupColumn(entity)})}`];
  };
  let path = op.path;
  const nesting = ctx.entity.resource.parent;
  if (nesting) path = path.replace(`{${nesting.param}}`, `{${quote}(parent.${nesting.field?.name ?? 'id'})}`);
  const [own, ownValue] = fill(lookup.param, ctx.entity, 'row', missing === 'row');
  path = path.replace(own as string, ownValue as string);
  const action = actionOf(ctx.entity, op);
  if (action.kind === 'link' && action.target === 'row') {
    const other = ctx.project.entityById.get(action.otherId) as IrEntity;
    const param = op.params.at(-1)?.name as string;
    const [slot, value] = fill(param, other, 'other', missing === 'other');
    path = path.replace(slot as string, value as string);
  }
  // Paths hold no quotes or backslashes (validated segments).
  return path.includes('{') ? `f"${path}"` : `"${path}"`;
}

const call = (op: IrOperation, target: string, headers: string) =>
  `client.${op.method}(${target}, headers=${headers})`;

/** The answer is the row: its id, inside the envelope when objects are wrapped. */
function answersRow(ctx: Ctx): string {
  const id = jsonKey(ctx.entity, 'id');
  return `assert ${answered(ctx.entity, 'response.json()')}[${id}] == ${jsonId(ctx.entity, 'row.id')}`;
}

/** `_<handler>_links(row_id, other_id)`: how many links the store holds between the two rows. */
function linksHelper(ctx: Ctx, op: IrOperation, action: Extract<IrAction, { kind: 'link' }>): string {
  const name = `_${op.handler}_links`;
  const { imports } = ctx;
  const any = imports.from('typing', 'Any');
  const store = action.store;
  const table =
    store.kind === 'table'
      ? imports.from('app.models.associations', store.table)
      : (() => {
          const through = ctx.project.entityById.get(store.entityId) as IrEntity;
          return imports.from(`app.models.${through.module}`, through.className);
        })();
  const col = (c: string) => (store.kind === 'table' ? `${table}.c.${c}` : `${table}.${c}`);
  ctx.helpers.push(
    [
      `async def ${name}(row_id: ${any}, other_id: ${any}) -> int:`,
      `    async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`,
      `        statement = ${imports.from('sqlalchemy', 'select')}(${imports.from('sqlalchemy', 'func')}.count()).select_from(${table}).where(`,
      `            ${col(store.rowColumn)} == row_id, ${col(store.otherColumn)} == other_id`,
      '        )',
      '        return int((await session.execute(statement)).scalar_one())',
    ].join('\n'),
  );
  return name;
}

/** Whether a computed field counts or flags exactly the links the action writes. */
function overLinks(c: IrComputed, store: IrLinkStore): boolean {
  const s = c.source;
  if (s.kind === 'backref') return false;
  const same =
    store.kind === 'table'
      ? s.kind === 'association' && s.table === store.table
      : s.kind === 'through' && s.throughId === store.entityId;
  return same && s.own === store.rowColumn && s.other === store.otherColumn;
}

/**
 * Asserts on the answer's computed fields over the action's links (unfiltered counts and the viewer flag, as
 * the answer's view shows them): the caller's link is the only one, so the count is 1 or 0 and the flag follows.
 */
function linkedValues(ctx: Ctx, action: Extract<IrAction, { kind: 'link' }>, linked: boolean): string[] {
  if (action.target !== 'viewer') return [];
  const view = action.view;
  const shown =
    typeof view === 'object'
      ? (ctx.entity.schemas.views.find((v) => v.className === view.schema)?.computed ?? [])
      : ctx.entity.computed;
  const body = answered(ctx.entity, 'response.json()');
  return shown
    .filter((c) => c.where === null && overLinks(c, action.store))
    .flatMap((c) => {
      if (c.kind === 'viewer-linked')
        return [`assert ${body}[${pyStr(c.api)}] is ${linked ? 'True' : 'False'}`];
      if (c.kind === 'count') return [`assert ${body}[${pyStr(c.api)}] == ${linked ? 1 : 0}`];
      if (c.kind === 'exists') return [`assert ${body}[${pyStr(c.api)}] is ${linked ? 'True' : 'False'}`];
      return [];
    });
}

function linkTests(ctx: Ctx, add: IrOperation, remove: IrOperation): void {
  const action = actionOf(ctx.entity, add) as Extract<IrAction, { kind: 'link' }>;
  const access = action.access;
  const links = linksHelper(ctx, add, action);
  const other = ctx.project.entityById.get(action.otherId) as IrEntity;
  const setup = [
    signIn(ctx, access),
    ...parentLines(ctx),
    rowLine(ctx, access),
    ...(action.target === 'row' ? [otherLine(ctx, other)] : []),
  ];
  const otherId = action.target === 'viewer' ? 'user.id' : 'other.id';
  const count = (user = otherId) => `${run(ctx)}(client, ${links}, row_id=row.id, other_id=${user})`;
  test(ctx, `${add.handler}_twice_keeps_one_link`, [
    ...setup,
    `response = ${call(add, url(ctx, add), 'headers')}`,
    'assert response.status_code == 200, response.text',
    answersRow(ctx),
    ...linkedValues(ctx, action, true),
    `response = ${call(add, url(ctx, add), 'headers')}`,
    'assert response.status_code == 200, response.text',
    ...linkedValues(ctx, action, true),
    `assert ${count()} == 1`,
  ]);
  test(ctx, `${remove.handler}_twice_is_fine`, [
    ...setup,
    `assert ${call(add, url(ctx, add), 'headers')}.status_code == 200`,
    `assert ${count()} == 1`,
    `response = ${call(remove, url(ctx, remove), 'headers')}`,
    'assert response.status_code == 200, response.text',
    answersRow(ctx),
    ...linkedValues(ctx, action, false),
    `assert ${count()} == 0`,
    `response = ${call(remove, url(ctx, remove), 'headers')}`,
    'assert response.status_code == 200, response.text',
    `assert ${count()} == 0`,
  ]);
  if (action.target === 'viewer') {
    test(ctx, `${add.handler}_links_each_caller_alone`, [
      ...setup,
      signIn(ctx, access, 'second', 'second_headers'),
      `assert ${call(add, url(ctx, add), 'headers')}.status_code == 200`,
      `assert ${count('user.id')} == 1`,
      `assert ${count('second.id')} == 0`,
      `assert ${call(remove, url(ctx, remove), 'second_headers')}.status_code == 200`,
      `assert ${count('user.id')} == 1`,
      `assert ${call(add, url(ctx, add), 'second_headers')}.status_code == 200`,
      `assert ${count('second.id')} == 1`,
    ]);
  } else {
    test(ctx, `${add.handler}_missing_other_is_404`, [
      ...setup.filter((line) => !line.startsWith('other = ')),
      `response = ${call(add, url(ctx, add, 'other'), 'headers')}`,
      'assert response.status_code == 404',
      `assert ${call(remove, url(ctx, remove, 'other'), 'headers')}.status_code == 404`,
    ]);
  }
  raceTest(ctx, add, action, setup, count());
  commonTests(ctx, add, setup, [`assert ${count()} == 0`]);
  if (action.target === 'viewer') return;
  commonTests(ctx, remove, setup, []);
}

/**
 * Two adds at once end as one link, no IntegrityError: the second passes the existence check before the first
 * commits and then meets its row (the association table's primary key, `ON CONFLICT DO NOTHING`). PostgreSQL
 * only, where the second insert visibly waits on the first one's row lock; SQLite serialises writers.
 */
function raceTest(
  ctx: Ctx,
  add: IrOperation,
  action: Extract<IrAction, { kind: 'link' }>,
  setup: string[],
  count: string,
): void {
  const { imports } = ctx;
  const store = action.store;
  if (store.kind !== 'table') return;
  const name = `_${add.handler}_twice_at_once`;
  const any = imports.from('typing', 'Any');
  const table = imports.from('app.models.associations', store.table);
  const session = () => imports.from('app.core.db', 'SessionLocal');
  const addLink = imports.from('app.api.actions', 'add_link');
  const asyncio = imports.module('asyncio');
  ctx.helpers.push(
    [
      `async def ${name}(row_id: ${any}, other_id: ${any}) -> None:`,
      '    """The second add passes the existence check before the first commits."""',
      `    values = {${pyStr(store.rowColumn)}: row_id, ${pyStr(store.otherColumn)}: other_id}`,
      `    waiting = ${imports.from('sqlalchemy', 'text')}(`,
      '        "SELECT count(*) FROM pg_stat_activity"',
      `        " WHERE datname = current_database() AND wait_event_type = 'Lock'"`,
      '    )',
      `    async with ${session()}() as first, ${session()}() as second, ${session()}() as watch:`,
      `        await ${addLink}(first, ${table}, values)`,
      `        racing = ${asyncio}.ensure_future(${addLink}(second, ${table}, values))`,
      "        # Until the second insert waits on the first one's row lock (bounded).",
      '        for _ in range(500):',
      '            if racing.done() or (await watch.execute(waiting)).scalar_one() > 0:',
      '                break',
      `            await ${asyncio}.sleep(0.01)`,
      '        await first.commit()',
      '        await racing',
      '        await second.commit()',
    ].join('\n'),
  );
  const engine = imports.from('app.core.db', 'engine');
  const pytest = imports.module('pytest');
  const mark = `@${pytest}.mark.skipif(${engine}.dialect.name != "postgresql", reason="SQLite serialises writers")`;
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const otherId = action.target === 'viewer' ? 'user.id' : 'other.id';
  const body = [
    ...setup,
    `${run(ctx)}(client, ${name}, row_id=row.id, other_id=${otherId})`,
    `assert ${count} == 1`,
  ];
  ctx.tests.push(
    `${mark}\ndef test_${add.handler}_twice_at_once_keeps_one_link(client: ${tc}) -> None:\n${indent(body.join('\n'))}`,
  );
}

/** 401 without a token, 403 for a role the rule leaves out, 404 for a missing row and for one not the caller's. */
function commonTests(
  ctx: Ctx,
  op: IrOperation,
  setup: string[],
  unchanged: string[],
  hiddenRow: string = rowLine(ctx, op.access as IrAccess, true),
): void {
  const access = op.access as IrAccess;
  if (access.kind !== 'public') {
    test(ctx, `${op.handler}_needs_a_token`, [
      ...setup,
      `assert ${call(op, url(ctx, op), '{}')}.status_code == 401`,
      ...unchanged,
    ]);
  }
  if (access.kind === 'roles') {
    const role = forbiddenRole(ctx, access.roles);
    if (role !== null)
      test(ctx, `${op.handler}_forbidden`, [
        ...setup,
        `_, other_headers = ${signInFn(ctx)}(client${role})`,
        `assert ${call(op, url(ctx, op), 'other_headers')}.status_code == 403`,
        ...unchanged,
      ]);
  }
  test(ctx, `${op.handler}_missing_row_is_404`, [
    ...setup.filter((line) => !line.startsWith('row = ')),
    `response = ${call(op, url(ctx, op, 'row'), 'headers')}`,
    'assert response.status_code == 404',
  ]);
  const r = ctx.entity.resource;
  const nesting = r.parent;
  const parent = nesting ? (ctx.project.entityById.get(nesting.parentId) as IrEntity) : null;
  if (parent?.resource.publicRows && parent.resource.ownership) {
    // Under someone else's hidden parent (a draft): the parent is a 404 before the row is looked at.
    const flag = parent.resource.publicRows.name;
    test(ctx, `${op.handler}_under_a_hidden_parent_is_404`, [
      ...setup.map((line) =>
        line.startsWith('parent = ') ? line.replace(`${flag}=True`, `${flag}=False`) : line,
      ),
      `response = ${call(op, url(ctx, op), 'headers')}`,
      'assert response.status_code == 404',
      ...unchanged,
    ]);
  }
  const hides =
    (access.kind === 'owner' && r.ownership !== null) ||
    (access.kind !== 'owner' && r.publicRows !== null && r.ownership !== null);
  if (hides) {
    test(ctx, `${op.handler}_row_not_the_callers_is_404`, [
      ...setup.map((line) => (line.startsWith('row = ') ? hiddenRow : line)),
      `response = ${call(op, url(ctx, op), 'headers')}`,
      'assert response.status_code == 404',
      ...unchanged,
    ]);
  }
}

/** `a == b`, or `a is b` for the singletons (ruff's E711/E712). */
const equals = (a: string, b: string) =>
  ['True', 'False', 'None'].includes(b) ? `${a} is ${b}` : `${a} == ${b}`;

/** A factory override that makes the set value a change (the opposite boolean, another enum member). */
function before(set: IrActionSet, imports: Imports): [string, string] | null {
  if (set.kind !== 'literal') return null;
  const field = set.field;
  if (field.type === 'boolean' && typeof set.value === 'boolean')
    return [field.name, set.value ? 'False' : 'True'];
  if (field.enum) {
    const member = field.enum.members.find((m) => m.value !== set.value);
    return member ? [field.name, `${imports.from('app.enums', field.enum.className)}.${member.name}`] : null;
  }
  if (field.nullable && set.value !== null) return [field.name, 'None'];
  return null;
}

function setTests(ctx: Ctx, op: IrOperation): void {
  const action = actionOf(ctx.entity, op) as Extract<IrAction, { kind: 'set' }>;
  const access = action.access;
  const { imports, entity } = ctx;
  const model = imports.from(`app.models.${entity.module}`, entity.className);
  const stored = `_stored_${entity.varName}`;
  if (!ctx.helpers.some((h) => h.includes(`def ${stored}(`))) {
    ctx.helpers.push(
      [
        `async def ${stored}(row_id: ${imports.from('typing', 'Any')}) -> ${model}:`,
        `    async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`,
        `        statement = ${imports.from('sqlalchemy', 'select')}(${model}).where(${model}.id == row_id)`,
        '        return (await session.execute(statement)).scalar_one()',
      ].join('\n'),
    );
  }
  const overrides = new Map(
    action.sets.flatMap((s) => {
      const b = before(s, imports);
      return b ? [b] : [];
    }),
  );
  const setup = [signIn(ctx, access), ...parentLines(ctx), rowLine(ctx, access, false, overrides)];
  const asserts = action.sets.map((s) => {
    const value = `stored.${s.column}`;
    if (s.kind === 'viewer') return `assert ${value} == user.id`;
    if (s.kind === 'literal') return `assert ${equals(value, literalDefault(s.field, s.value, imports))}`;
    return s.field.type === 'datetime'
      ? `assert ${value} is not None and ${value} >= started`
      : `assert ${value} is not None`;
  });
  const started = action.sets.some((s) => s.kind === 'now' && s.field.type === 'datetime')
    ? [`started = ${imports.from('app.core.db', 'utc_now')}()`]
    : [];
  test(ctx, `${op.handler}_sets_the_fields`, [
    ...setup,
    ...started,
    `response = ${call(op, url(ctx, op), 'headers')}`,
    'assert response.status_code == 200, response.text',
    answersRow(ctx),
    `stored = ${run(ctx)}(client, ${stored}, row_id=row.id)`,
    ...asserts,
  ]);
  // Refused requests change nothing: the first set value is still what it was.
  const first = action.sets[0] as IrActionSet;
  const hiddenRow = rowLine(ctx, access, true, overrides);
  const original = first.kind === 'literal' ? overrides.get(first.column) : undefined;
  // Only where the hidden row surely holds another value than the action writes.
  const unchanged =
    original !== undefined &&
    [setup[1] as string, hiddenRow].every((line) => line.includes(`${first.column}=${original}`))
      ? [`assert ${equals(`${run(ctx)}(client, ${stored}, row_id=row.id).${first.column}`, original)}`]
      : [];
  commonTests(ctx, op, setup, unchanged, hiddenRow);
}

/**
 * `tests/test_<resource>_actions.py`: links added twice are one (in the database), removed twice fine, callers
 * independent, set actions write their values; 401, 403, 404 for a missing row and for rows not the caller's.
 * Nested resources act under a parent the caller may read. Projects without auth have no such suite.
 */
export function emitActionTests(entity: IrEntity, project: IrProject): string | null {
  if (project.auth === null || entity.actionOperations.length === 0) return null;
  const ctx: Ctx = { entity, project, imports: new Imports(), tests: [], helpers: [] };
  const ops = entity.actionOperations;
  for (const op of ops) {
    if (op.kind === 'link_add') {
      const remove = ops.find((o) => o.kind === 'link_remove' && o.actionId === op.actionId);
      if (remove) linkTests(ctx, op, remove);
    } else if (op.kind === 'set_fields') setTests(ctx, op);
  }
  if (ctx.tests.length === 0) return null;
  return module(
    ctx.imports.render(),
    [...ctx.helpers, ...ctx.tests],
    `"""Actions of ${entity.className}: ${entity.resource.path}."""`,
  );
}
