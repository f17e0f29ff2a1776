import type { IrAccess, IrEntity, IrNesting, IrOperation, IrOperationKind, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { ownerOnlyReads } from '../access';
import { tokenHeaders } from '../token-scheme';
import { isViewerOp } from '../viewer';
import { notFoundAssert } from './error-format';
import { factoryName, jsonId, payloadName } from './factories';
import { lookupAttr } from './lookup';
import { lookupText } from './resource';
import { answered, jsonKey, listCount, listItems, sendBody } from './shape';
import { keySet, viewKeys } from './views';

/**
 * `tests/test_<resource>_nested.py` for a resource nested under its parent: every operation answers under the
 * parent the path names only (another parent's row is a 404), a missing parent is a 404, the foreign key comes
 * from the path (the body may not carry it), `owner of: parent` rules let the parent's owner through and answer
 * 403 to anyone else, and rules that know their viewer serve anonymous callers and refuse an invalid token.
 */
type Ctx = {
  entity: IrEntity;
  parent: IrEntity;
  nesting: IrNesting;
  project: IrProject;
  imports: Imports;
  tests: string[];
};

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');
const signIn = (ctx: Ctx) => ctx.imports.from('tests.utils', 'sign_in');
const quote = (ctx: Ctx) => ctx.imports.from('tests.utils', 'quote_path');
/** Headers carrying a token that is no token, the way the design's scheme sends one. */
const invalidTokenHeaders = (ctx: Ctx): string =>
  ctx.project.auth ? tokenHeaders(ctx.project.auth.api, 'not-a-valid-token', true) : '{}';

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** A parent row (owned by the signed-in user, public when the parent has public rows), bound to `name`. */
function parentRow(ctx: Ctx, name: string): string[] {
  const { parent, project } = ctx;
  if (parent.isUser) return name === 'parent' ? ['parent = user'] : [`${name}, _ = ${signIn(ctx)}(client)`];
  const kw: string[] = [];
  if (project.auth) kw.push('owned_by=user');
  const r = parent.resource;
  if (r.publicRows && r.ownership) kw.push(`${r.publicRows.name}=True`);
  const factory = ctx.imports.from('tests.factories', factoryName(parent));
  return [`${name} = ${run(ctx)}(client, ${factory}${kw.map((k) => `, ${k}`).join('')})`];
}

/** Signs in `user` (with auth) and creates the parents named (only those the test uses: no unused locals). */
function setup(ctx: Ctx, parents: readonly string[] = ['parent']): string[] {
  const user = ctx.project.auth
    ? [`user, headers = ${signIn(ctx)}(client)`]
    : ['headers: dict[str, str] = {}'];
  return [...user, ...parents.flatMap((name) => parentRow(ctx, name))];
}

/** A child row under `parentVar` (the signed-in user's, public when the child has public rows). */
function childRow(ctx: Ctx, rowVar: string | null, parentVar: string): string {
  const { entity, project } = ctx;
  const kw: string[] = [];
  if (project.auth && !entity.isUser) kw.push('owned_by=user');
  const r = entity.resource;
  if (r.publicRows && r.ownership) kw.push(`${r.publicRows.name}=True`);
  kw.push(`${ctx.nesting.fk.column}=${parentVar}.id`);
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const create = `${run(ctx)}(client, ${factory}, ${kw.join(', ')})`;
  return rowVar ? `${rowVar} = ${create}` : create;
}

const parentColumn = (ctx: Ctx) => lookupAttr(ctx.project.entityById.get(ctx.nesting.parentId) as IrEntity);
const childColumn = (ctx: Ctx) => lookupAttr(ctx.entity);

/** The operation's URL as an f-string: the parent's lookup from `parentVar`, the child's from `rowVar`. */
function url(ctx: Ctx, op: IrOperation, parentVar: string | null, rowVar?: string): string {
  const parentText = parentVar ? `{${quote(ctx)}(${parentVar}.${parentColumn(ctx)})}` : missingParent(ctx);
  let path = op.path.replace(`{${ctx.nesting.param}}`, parentText);
  if (rowVar)
    path = path.replace(
      `{${ctx.entity.resource.lookup.param}}`,
      `{${quote(ctx)}(${rowVar}.${childColumn(ctx)})}`,
    );
  return path.includes('{') ? `f"${path}"` : pyStr(path);
}

function missingParent(ctx: Ctx): string {
  return encodeURIComponent(lookupText(ctx.parent, ctx.nesting.field));
}

/** Whether a lookup value that names no row is sure to parse (an enum or a boolean lookup may exist). */
const canMissParent = (ctx: Ctx) => !['enum', 'boolean'].includes(ctx.nesting.field?.type ?? 'integer');

/**
 * What the operation sends, in the API's shape: the create a valid payload, the update changes nothing (an
 * empty PATCH, or a PUT of the whole object `whole`).
 */
function call(ctx: Ctx, op: IrOperation, target: string, headers: string): string {
  const { entity } = ctx;
  switch (op.kind) {
    case 'list':
    case 'get':
      return `client.get(${target}, headers=${headers})`;
    case 'create':
      return `client.post(${target}, json=${sendBody(entity, 'body')}, headers=${headers})`;
    case 'update':
      return op.method === 'put'
        ? `client.put(${target}, json=${sendBody(entity, 'whole')}, headers=${headers})`
        : `client.patch(${target}, json=${sendBody(entity, '{}')}, headers=${headers})`;
    default:
      return `client.delete(${target}, headers=${headers})`;
  }
}

const SUCCESS: Partial<Record<IrOperationKind, number>> = {
  list: 200,
  get: 200,
  create: 201,
  update: 200,
  delete: 204,
};

function payloadLine(ctx: Ctx, name = 'body'): string {
  const payload = ctx.imports.from('tests.factories', payloadName(ctx.entity));
  const owned = ctx.project.auth && !ctx.entity.isUser ? ', owned_by=user' : '';
  return `${name} = ${run(ctx)}(client, ${payload}${owned})`;
}

/** A PUT's whole object: a valid create body without its passwords. */
function wholeLines(ctx: Ctx): string[] {
  const passwords = ctx.entity.fields.filter((f) => f.isPassword).map((f) => pyStr(f.api));
  return [payloadLine(ctx, 'whole'), ...passwords.map((p) => `whole.pop(${p}, None)`)];
}

/** The lines before an operation's request: the setup, and the row (or body) it acts on. */
function before(
  ctx: Ctx,
  op: IrOperation,
  parents: readonly string[] = ['parent'],
  rowParent = 'parent',
): string[] {
  const lines = setup(ctx, parents);
  if (op.kind === 'create') lines.push(payloadLine(ctx));
  else if (op.kind !== 'list') lines.push(childRow(ctx, 'row', rowParent));
  if (op.kind === 'update' && op.method === 'put') lines.push(...wholeLines(ctx));
  return lines;
}

const hasRow = (op: IrOperation) => op.kind !== 'list' && op.kind !== 'create';

/** A response in a named view carries exactly the view's keys. */
function viewAssert(ctx: Ctx, kind: 'list' | 'get', value: string): string[] {
  const view = ctx.entity.resource.views[kind];
  const keys = typeof view === 'object' ? viewKeys(ctx.entity, view.schema) : null;
  return keys ? [`assert set(${value}) == ${keySet(keys)}`] : [];
}

function operationTests(ctx: Ctx, op: IrOperation): void {
  const access = op.access as IrAccess;
  if (access.kind === 'roles') return;
  const name = op.handler;
  const fk = ctx.nesting.fk.column;
  const status = SUCCESS[op.kind] as number;
  const row = hasRow(op) ? 'row' : undefined;
  if (op.kind === 'list') {
    const items = listItems(ctx.entity, 'page');
    const count = listCount(ctx.entity, 'page');
    test(ctx, `${name}_under_parent`, [
      ...setup(ctx, ['parent', 'other_parent']),
      childRow(ctx, 'first', 'parent'),
      childRow(ctx, 'second', 'parent'),
      childRow(ctx, null, 'other_parent'),
      `response = ${call(ctx, op, url(ctx, op, 'parent'), 'headers')}`,
      'assert response.status_code == 200, response.text',
      'page = response.json()',
      ...(count ? [`assert ${count} == 2`] : []),
      `assert {item[${jsonKey(ctx.entity, 'id')}] for item in ${items}} == {${jsonId(ctx.entity, 'first.id')}, ${jsonId(ctx.entity, 'second.id')}}`,
      ...viewAssert(ctx, 'list', `${items}[0]`),
    ]);
  } else if (op.kind === 'create') {
    test(ctx, `${name}_parent_from_path`, [
      ...before(ctx, op),
      `response = ${call(ctx, op, url(ctx, op, 'parent'), 'headers')}`,
      `assert response.status_code == ${status}, response.text`,
      // A named view carries no foreign keys: the id is what it shows.
      typeof ctx.entity.resource.views.create === 'object'
        ? `assert ${jsonKey(ctx.entity, 'id')} in ${answered(ctx.entity, 'response.json()')}`
        : `assert ${answered(ctx.entity, 'response.json()')}[${jsonKey(ctx.entity, fk)}] == ${jsonId(ctx.parent, 'parent.id')}`,
    ]);
    test(ctx, `${name}_parent_not_in_body`, [
      ...before(ctx, op, ['parent', 'other_parent']),
      `body[${jsonKey(ctx.entity, fk)}] = ${jsonId(ctx.parent, 'other_parent.id')}`,
      `response = ${call(ctx, op, url(ctx, op, 'parent'), 'headers')}`,
      'assert response.status_code == 422',
    ]);
  } else {
    test(ctx, `${name}_under_parent`, [
      ...before(ctx, op),
      `response = ${call(ctx, op, url(ctx, op, 'parent', row), 'headers')}`,
      `assert response.status_code == ${status}, response.text`,
      ...(status === 200
        ? [
            `assert ${answered(ctx.entity, 'response.json()')}[${jsonKey(ctx.entity, 'id')}] == ${jsonId(ctx.entity, 'row.id')}`,
          ]
        : []),
      ...(op.kind === 'get' ? viewAssert(ctx, 'get', answered(ctx.entity, 'response.json()')) : []),
    ]);
    test(ctx, `${name}_other_parent_is_404`, [
      ...before(ctx, op, ['parent', 'other_parent'], 'other_parent'),
      `response = ${call(ctx, op, url(ctx, op, 'parent', row), 'headers')}`,
      'assert response.status_code == 404',
    ]);
  }
  if (canMissParent(ctx)) {
    // No parent is needed, except the one a row lives under.
    const lines = before(ctx, op, row ? ['parent'] : []);
    test(ctx, `${name}_parent_missing`, [
      ...lines,
      `response = ${call(ctx, op, url(ctx, op, null, row), 'headers')}`,
      'assert response.status_code == 404',
      notFoundAssert(ctx.project.errorFormat, `${ctx.parent.className} not found`),
    ]);
  }
  if (access.kind === 'parent-owner') {
    test(ctx, `${name}_not_parent_owner`, [
      ...before(ctx, op),
      `_, stranger = ${signIn(ctx)}(client)`,
      `response = ${call(ctx, op, url(ctx, op, 'parent', row), 'stranger')}`,
      'assert response.status_code == 403',
    ]);
  }
  if (access.kind === 'owner' && ctx.entity.resource.ownership) {
    test(ctx, `${name}_not_row_owner`, [
      ...before(ctx, op),
      `_, stranger = ${signIn(ctx)}(client)`,
      `response = ${call(ctx, op, url(ctx, op, 'parent', row), 'stranger')}`,
      'assert response.status_code == 404',
    ]);
  }
  if (isViewerOp(op) && ctx.project.auth) {
    if (!ownerOnlyReads(ctx.parent)) {
      test(ctx, `${name}_viewer_anonymous`, [
        ...before(ctx, op),
        `response = ${call(ctx, op, url(ctx, op, 'parent', row), '{}')}`,
        `assert response.status_code == ${status}, response.text`,
      ]);
    }
    test(ctx, `${name}_viewer_invalid_token`, [
      ...before(ctx, op),
      `response = ${call(ctx, op, url(ctx, op, 'parent', row), invalidTokenHeaders(ctx))}`,
      'assert response.status_code == 401',
    ]);
  }
}

/** The nested tests of an entity, or null when it is not nested. */
export function emitNestedTests(entity: IrEntity, project: IrProject): string | null {
  const nesting = entity.resource.parent;
  if (!nesting || entity.operations.length === 0) return null;
  const parent = project.entityById.get(nesting.parentId) as IrEntity;
  const ctx: Ctx = { entity, parent, nesting, project, imports: new Imports(), tests: [] };
  for (const op of entity.operations) operationTests(ctx, op);
  if (ctx.tests.length === 0) return null;
  return module(
    ctx.imports.render(),
    ctx.tests,
    `"""${entity.className} nested under ${parent.className}: ${entity.resource.path}."""`.replace(
      /[^\x20-\x7e]/g,
      '',
    ),
  );
}
