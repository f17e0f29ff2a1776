import type { IrAccess, IrEntity, IrField, IrOperation, IrOperationKind, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { gatedParents, ownerOnlyReads } from '../access';
import { wireName } from '../envelopes';
import { needsCurrentPassword, publicFields, readFields } from '../schemas';
import { locAssert } from './error-format';
import { factoryName, jsonId, payloadName } from './factories';
import { lookupAttr } from './lookup';
import { passwordSample, sampleFor } from './samples';
import { answered, jsonKey, listCount, listItems, pageQuery, sendBody } from './shape';

/**
 * `tests/test_<resource>_access.py`: what the access and data-exposure rules promise, asserted against the
 * running app: bodies refuse unknown and read-only fields, foreign keys to missing rows or to parents of
 * someone else, owner-only fields stay out of public views, rows not public stay with their owner, links are
 * written and returned, a row never becomes its own ancestor, and changing one's password takes the current one.
 */
type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[] };

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');
const signInFn = (ctx: Ctx) => ctx.imports.from('tests.utils', 'sign_in');
const factory = (ctx: Ctx, entity: IrEntity) => ctx.imports.from('tests.factories', factoryName(entity));
const payload = (ctx: Ctx, entity: IrEntity) => ctx.imports.from('tests.factories', payloadName(entity));

/** The operation of one kind; for `update` the partial one (PATCH): the tests below send partial bodies. */
function opOf(entity: IrEntity, kind: IrOperationKind): IrOperation | undefined {
  return entity.operations.find((op) => op.kind === kind && (kind !== 'update' || op.method === 'patch'));
}

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** Signs in someone the rule lets through (binding `user`, `headers`); null for role rules (left to CRUD tests). */
function signIn(ctx: Ctx, access: IrAccess | null): string[] | null {
  if (access === null || access.kind === 'roles') return null;
  if (access.kind === 'public') {
    return ctx.project.auth ? [`user, headers = ${signInFn(ctx)}(client)`] : ['headers: dict[str, str] = {}'];
  }
  return [`user, headers = ${signInFn(ctx)}(client)`];
}

/** Factory keywords making a row the signed-in user's (through its owner path). */
function owned(ctx: Ctx, entity: IrEntity = ctx.entity): string {
  return ctx.project.auth && !entity.isUser ? ', owned_by=user' : '';
}

function itemUrl(ctx: Ctx, op: IrOperation, rowVar: string): string {
  const { lookup } = ctx.entity.resource;
  const column = lookupAttr(ctx.entity);
  const quote = ctx.imports.from('tests.utils', 'quote_path');
  return `f"${op.path.replace(`{${lookup.param}}`, `{${quote}(${rowVar}.${column})}`)}"`;
}

/** `row = ...`: a row the signed-in user may update (the user themself on the user entity). */
function ownRow(ctx: Ctx): string {
  return ctx.entity.isUser
    ? 'row = user'
    : `row = ${run(ctx)}(client, ${factory(ctx, ctx.entity)}${owned(ctx)})`;
}

const missingId = (target: IrEntity) =>
  target.primaryKey === 'uuid' ? '"00000000-0000-0000-0000-000000000000"' : '999999999';

/** Where pydantic puts a body field's error: under its JSON name, inside the body's envelope. */
const locIs = (ctx: Ctx, field: string) => {
  const key = ctx.entity.resource.shape.bodyKey;
  const path = ['body', ...(key === null ? [] : [key]), wireName(ctx.entity, field)];
  return locAssert(ctx.project.errorFormat, path);
};

/** Where the handler's own checks (references, links, cycles) put a field's error: its JSON name. */
const checkedLocIs = (ctx: Ctx, field: string) =>
  locAssert(ctx.project.errorFormat, ['body', wireName(ctx.entity, field)]);

function bodyTests(ctx: Ctx): void {
  const { entity } = ctx;
  const create = opOf(entity, 'create');
  const update = opOf(entity, 'update');
  const createSignIn = create ? signIn(ctx, create.access) : null;
  if (create && createSignIn) {
    const path = pyStr(create.path);
    const body = `${run(ctx)}(client, ${payload(ctx, entity)}${create.access?.kind === 'public' ? '' : owned(ctx)})`;
    test(ctx, `${create.handler}_unknown_field`, [
      ...createSignIn,
      `body = ${body}`,
      'body["zz_not_a_field"] = 1',
      `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
    const readOnly = entity.fields.find((f) => f.readOnly && f.inRead && f.type !== 'json');
    if (readOnly) {
      const sample = sampleFor(readOnly, ctx.imports, 'json');
      test(ctx, `${create.handler}_read_only_${readOnly.name}`, [
        ...createSignIn,
        `body = ${body}`,
        ...(/\bn\b/.test(sample) ? ['n = 1'] : []),
        `body[${pyStr(readOnly.api)}] = ${sample}`,
        `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 422',
        locIs(ctx, readOnly.name),
      ]);
    }
    for (const fk of entity.fks.filter((k) => k.inCreate)) {
      const target = ctx.project.entityById.get(fk.targetId) as IrEntity;
      test(ctx, `${create.handler}_missing_${fk.column}`, [
        ...createSignIn,
        `body = ${body}`,
        `body[${jsonKey(entity, fk.column)}] = ${missingId(target)}`,
        `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 422',
        checkedLocIs(ctx, fk.column),
      ]);
      if (foreignParentTestable(ctx, create, target)) {
        test(ctx, `${create.handler}_${fk.column}_of_someone_else`, [
          ...createSignIn,
          `other = ${run(ctx)}(client, ${factory(ctx, target)})`,
          `body = ${body}`,
          `body[${jsonKey(entity, fk.column)}] = ${jsonId(target, 'other.id')}`,
          `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
          'assert response.status_code == 422',
          checkedLocIs(ctx, fk.column),
        ]);
      }
    }
  }
  const updateSignIn = update ? signIn(ctx, update.access) : null;
  if (update && updateSignIn) {
    test(ctx, `${update.handler}_unknown_field`, [
      ...updateSignIn,
      ownRow(ctx),
      `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, '{"zz_not_a_field": 1}')}, headers=headers)`,
      'assert response.status_code == 422',
    ]);
    for (const fk of entity.fks.filter((k) => k.inUpdate && k.targetId !== entity.id)) {
      const target = ctx.project.entityById.get(fk.targetId) as IrEntity;
      if (!foreignParentTestable(ctx, update, target)) continue;
      test(ctx, `${update.handler}_${fk.column}_of_someone_else`, [
        ...updateSignIn,
        ownRow(ctx),
        `other = ${run(ctx)}(client, ${factory(ctx, target)})`,
        `body = {${jsonKey(entity, fk.column)}: ${jsonId(target, 'other.id')}}`,
        `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 422',
        checkedLocIs(ctx, fk.column),
      ]);
    }
  }
}

/** A parent only its owner may read, referenced by a signed-in caller: someone else's is refused. */
function foreignParentTestable(ctx: Ctx, op: IrOperation, target: IrEntity): boolean {
  if (op.access?.kind === 'public' || !ctx.project.auth) return false;
  return !target.isUser && (ownerOnlyReads(target) || target.resource.publicRows !== null);
}

/** Owner-only fields are absent from public reads and from embeds; the user themself sees them at the current-user path. */
function exposureTests(ctx: Ctx): void {
  const { entity, project } = ctx;
  const hidden = readFields(entity).filter((f) => !publicFields(entity).includes(f));
  const get = opOf(entity, 'get');
  if (hidden.length > 0 && get && entity.resource.views.get === 'public' && get.access?.kind !== 'roles') {
    const signedIn = get.access?.kind !== 'public';
    test(ctx, `${get.handler}_hides_owner_only_fields`, [
      `row = ${run(ctx)}(client, ${factory(ctx, entity)}${publicRowKw(entity)})`,
      ...(signedIn ? [`_, headers = ${signInFn(ctx)}(client)`] : ['headers: dict[str, str] = {}']),
      `response = client.get(${itemUrl(ctx, get, 'row')}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      ...hidden.map((f) => `assert ${pyStr(f.api)} not in ${answered(entity, 'response.json()')}`),
    ]);
  }
  for (const embed of entity.resource.embeds) {
    const target = project.entityById.get(embed.targetId) as IrEntity;
    const hiddenThere = readFields(target).filter((f) => !publicFields(target).includes(f));
    if (hiddenThere.length === 0 || embed.many || !get || get.access?.kind === 'roles') continue;
    const fk = entity.fks.find((f) => f.attr === embed.attr);
    if (!fk || fk.nullable) continue;
    const lines = signIn(ctx, get.access) ?? [];
    test(ctx, `${get.handler}_embeds_${embed.attr}_publicly`, [
      ...lines,
      `row = ${run(ctx)}(client, ${factory(ctx, entity)}${get.access?.kind === 'owner' ? owned(ctx) : ''}${publicRowKw(entity)})`,
      `response = client.get(${itemUrl(ctx, get, 'row')}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      ...hiddenThere.map(
        (f) =>
          `assert ${pyStr(f.api)} not in ${answered(entity, 'response.json()')}[${jsonKey(entity, embed.attr)}]`,
      ),
    ]);
  }
  const auth = project.auth;
  if (auth && entity.isUser && hidden.length > 0) {
    test(ctx, 'me_shows_owner_only_fields', [
      `user, headers = ${signInFn(ctx)}(client)`,
      `response = client.get(${pyStr(auth.api.mePath)}, headers=headers)`,
      'assert response.status_code == 200',
      ...hidden.map(
        (f) =>
          `assert ${pyStr(f.name)} in response.json()${auth.api.objectKey === null ? '' : `[${pyStr(auth.api.objectKey)}]`}`,
      ),
    ]);
  }
}

function publicRowKw(entity: IrEntity): string {
  const flag = entity.resource.publicRows;
  return flag && entity.resource.ownership ? `, ${flag.name}=True` : '';
}

/** Rows not marked public are the owner's alone: 404 for everyone else, listed for nobody else. */
function publicRowTests(ctx: Ctx): void {
  const { entity } = ctx;
  const flag = entity.resource.publicRows;
  if (!flag || !entity.resource.ownership || !ctx.project.auth) return;
  const get = opOf(entity, 'get');
  const list = opOf(entity, 'list');
  const draft = `row = ${run(ctx)}(client, ${factory(ctx, entity)}, owned_by=owner, ${flag.name}=False)`;
  if (get && (get.access?.kind === 'public' || get.access?.kind === 'authenticated')) {
    test(ctx, `${get.handler}_hides_rows_not_public`, [
      `owner, owner_headers = ${signInFn(ctx)}(client)`,
      `_, other_headers = ${signInFn(ctx)}(client)`,
      draft,
      `assert client.get(${itemUrl(ctx, get, 'row')}, headers=other_headers).status_code == 404`,
      ...(get.access.kind === 'public'
        ? [`assert client.get(${itemUrl(ctx, get, 'row')}).status_code == 404`]
        : []),
      `response = client.get(${itemUrl(ctx, get, 'row')}, headers=owner_headers)`,
      'assert response.status_code == 200',
    ]);
  }
  if (list && (list.access?.kind === 'public' || list.access?.kind === 'authenticated') && flag.inRead) {
    const max = entity.resource.list?.maxPageSize ?? 100;
    test(ctx, `${list.handler}_hides_rows_not_public`, [
      `owner, owner_headers = ${signInFn(ctx)}(client)`,
      `_, other_headers = ${signInFn(ctx)}(client)`,
      draft,
      `response = client.get(${pyStr(list.path)}, params={${pageQuery(entity, String(max), null).join(', ')}}, headers=other_headers)`,
      'assert response.status_code == 200',
      // A named list view may leave the flag out.
      ...(typeof entity.resource.views.list === 'object'
        ? []
        : [`assert all(item[${pyStr(flag.api)}] for item in ${listItems(entity, 'response.json()')})`]),
      `assert ${jsonId(entity, 'row.id')} not in {item[${jsonKey(entity, 'id')}] for item in ${listItems(entity, 'response.json()')}}`,
      `mine = client.get(${pyStr(list.path)}, params={${pageQuery(entity, String(max), null).join(', ')}}, headers=owner_headers).json()`,
      `assert ${listCount(entity, 'mine') ?? `len(${listItems(entity, 'mine')})`} >= 1`,
    ]);
  }
}

/**
 * Children of a row that is not public (the comments of a draft) are hidden with it from everyone but the
 * parent's owner: in lists and by id.
 */
function gatedParentTests(ctx: Ctx): void {
  const { entity, project } = ctx;
  if (!project.auth) return;
  const get = opOf(entity, 'get');
  const list = opOf(entity, 'list');
  const open = (op: IrOperation | undefined) =>
    op?.access?.kind === 'public' || op?.access?.kind === 'authenticated';
  for (const fk of gatedParents(entity, project)) {
    const parent = project.entityById.get(fk.targetId) as IrEntity;
    const flag = parent.resource.publicRows as IrField;
    const lines = [
      `owner, owner_headers = ${signInFn(ctx)}(client)`,
      `_, other_headers = ${signInFn(ctx)}(client)`,
      `hidden = ${run(ctx)}(client, ${factory(ctx, parent)}, owned_by=owner, ${flag.name}=False)`,
      `row = ${run(ctx)}(client, ${factory(ctx, entity)}${entity.isUser ? '' : ', owned_by=owner'}, ${fk.column}=hidden.id)`,
    ];
    const anonymous = (op: IrOperation) =>
      op.access?.kind === 'public' ? ['{}', 'other_headers'] : ['other_headers'];
    if (open(get) && get) {
      for (const headers of anonymous(get)) {
        lines.push(`assert client.get(${itemUrl(ctx, get, 'row')}, headers=${headers}).status_code == 404`);
      }
      lines.push(`assert client.get(${itemUrl(ctx, get, 'row')}, headers=owner_headers).status_code == 200`);
    }
    if (open(list) && list) {
      const listed = (headers: string) =>
        `{item[${jsonKey(entity, 'id')}] for item in ${listItems(entity, `client.get(${pyStr(list.path)}, params={${pageQuery(entity, String(entity.resource.list?.maxPageSize ?? 100), null).join(', ')}}, headers=${headers}).json()`)}}`;
      for (const headers of anonymous(list)) {
        lines.push(`assert ${jsonId(entity, 'row.id')} not in ${listed(headers)}`);
      }
      lines.push(`assert ${jsonId(entity, 'row.id')} in ${listed('owner_headers')}`);
    }
    if (lines.length > 4) test(ctx, `${entity.module}_of_hidden_${fk.attr}_hidden`, lines);
  }
}

/** Many-to-many lists of ids: written, returned, and unknown ids refused. */
function linkTests(ctx: Ctx): void {
  const { entity } = ctx;
  const create = opOf(entity, 'create');
  const update = opOf(entity, 'update');
  for (const link of entity.resource.links) {
    const target = ctx.project.entityById.get(link.targetId) as IrEntity;
    const targetFactory = factory(ctx, target);
    const ids = (v: string) => `{${jsonId(target, `${v}.id`)}}`;
    const returned = `{item[${jsonKey(target, 'id')}] for item in ${answered(entity, 'response.json()')}[${jsonKey(entity, link.attr)}]}`;
    const createSignIn = create ? signIn(ctx, create.access) : null;
    if (create && createSignIn) {
      const path = pyStr(create.path);
      const body = `${run(ctx)}(client, ${payload(ctx, entity)}${create.access?.kind === 'public' ? '' : owned(ctx)})`;
      test(ctx, `${create.handler}_writes_${link.attr}`, [
        ...createSignIn,
        `first = ${run(ctx)}(client, ${targetFactory})`,
        `second = ${run(ctx)}(client, ${targetFactory})`,
        `body = ${body}`,
        `body[${jsonKey(entity, link.attr)}] = [${jsonId(target, 'first.id')}, ${jsonId(target, 'second.id')}]`,
        `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 201, response.text',
        `assert ${returned} == ${ids('first')} | ${ids('second')}`,
      ]);
      test(ctx, `${create.handler}_unknown_${link.attr}`, [
        ...createSignIn,
        `body = ${body}`,
        `body[${jsonKey(entity, link.attr)}] = [${missingId(target)}]`,
        `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 422',
        checkedLocIs(ctx, link.attr),
      ]);
    }
    const updateSignIn = update ? signIn(ctx, update.access) : null;
    if (update && updateSignIn) {
      test(ctx, `${update.handler}_writes_${link.attr}`, [
        ...updateSignIn,
        ownRow(ctx),
        `first = ${run(ctx)}(client, ${targetFactory})`,
        `body = {${jsonKey(entity, link.attr)}: [${jsonId(target, 'first.id')}]}`,
        `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, 'body')}, headers=headers)`,
        'assert response.status_code == 200, response.text',
        `assert ${returned} == ${ids('first')}`,
        `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, `{${jsonKey(entity, link.attr)}: []}`)}, headers=headers)`,
        `assert ${returned} == set()`,
      ]);
    }
  }
}

/** A row pointed at itself, or at one of its children, is refused before anything is stored. */
function cycleTests(ctx: Ctx): void {
  const { entity } = ctx;
  const update = opOf(entity, 'update');
  const lines = update ? signIn(ctx, update.access) : null;
  if (!update || !lines) return;
  for (const fk of entity.resource.selfRefs) {
    const fac = factory(ctx, entity);
    test(ctx, `${update.handler}_${fk.column}_cycle`, [
      ...lines,
      ownRow(ctx),
      `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, `{${jsonKey(entity, fk.column)}: ${jsonId(entity, 'row.id')}}`)}, headers=headers)`,
      'assert response.status_code == 422',
      checkedLocIs(ctx, fk.column),
      `child = ${run(ctx)}(client, ${fac}${owned(ctx)}, ${fk.column}=row.id)`,
      `response = client.patch(${itemUrl(ctx, update, 'row')}, json=${sendBody(entity, `{${jsonKey(entity, fk.column)}: ${jsonId(entity, 'child.id')}}`)}, headers=headers)`,
      'assert response.status_code == 422',
      checkedLocIs(ctx, fk.column),
      `response = client.patch(${itemUrl(ctx, update, 'child')}, json=${sendBody(entity, `{${jsonKey(entity, fk.column)}: None}`)}, headers=headers)`,
      'assert response.status_code == 200, response.text',
    ]);
  }
}

/** A copied field takes the value of the row its FK names, whatever the body says (it cannot say anything). */
function copyTests(ctx: Ctx): void {
  const { entity } = ctx;
  const create = opOf(entity, 'create');
  const lines = create ? signIn(ctx, create.access) : null;
  if (!create || !lines) return;
  for (const field of entity.fields) {
    const copy = field.copyFrom;
    if (!copy || !field.inRead) continue;
    const comparable = ['string', 'text', 'integer', 'bigint', 'boolean', 'decimal', 'email', 'url', 'enum'];
    if (!comparable.includes(field.type)) continue;
    const source = ctx.project.entityById.get(copy.targetId) as IrEntity;
    const got = `${answered(entity, 'response.json()')}[${pyStr(field.api)}]`;
    const check =
      field.type === 'decimal'
        ? `assert ${ctx.imports.module('decimal')}.Decimal(str(${got})) == source.${copy.field}`
        : `assert ${got} == source.${copy.field}`;
    const owner = create.access?.kind === 'public' ? '' : owned(ctx);
    test(ctx, `${create.handler}_copies_${field.name}`, [
      ...lines,
      `source = ${run(ctx)}(client, ${factory(ctx, source)}${owned(ctx, source)})`,
      `body = ${run(ctx)}(client, ${payload(ctx, entity)}${owner}, ${copy.column}=${jsonId(source, 'source.id')})`,
      `response = client.post(${pyStr(create.path)}, json=${sendBody(entity, 'body')}, headers=headers)`,
      'assert response.status_code == 201, response.text',
      check,
    ]);
  }
}

/** Changing one's own password: without the current one 422, with a wrong one 403, with it 200. */
function passwordTests(ctx: Ctx): void {
  const { entity, project } = ctx;
  const auth = project.auth;
  const update = opOf(entity, 'update');
  if (!auth || !update || !needsCurrentPassword(entity, project) || update.access?.kind !== 'owner') return;
  const password = auth.password.api;
  const currentKey = jsonKey(entity, 'current_password');
  const current = passwordSample(auth.password);
  const url = itemUrl(ctx, update, 'user');
  const next = pyStr('New-Correct-Horse-8-Staple');
  test(ctx, `${update.handler}_password_needs_current`, [
    `user, headers = ${signInFn(ctx)}(client)`,
    `response = client.patch(${url}, json=${sendBody(entity, `{${pyStr(password)}: ${next}}`)}, headers=headers)`,
    'assert response.status_code == 422',
    checkedLocIs(ctx, 'current_password'),
    `body = {${pyStr(password)}: ${next}, ${currentKey}: "not-the-password"}`,
    `response = client.patch(${url}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 403',
    `body = {${pyStr(password)}: ${next}, ${currentKey}: ${current}}`,
    `response = client.patch(${url}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 200, response.text',
  ]);
  // argon2 on the event loop stalls every other request: the update verifies and hashes in a worker thread.
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  const pytest = ctx.imports.module('pytest');
  const security = ctx.imports.from('app.core', 'security');
  const asyncio = ctx.imports.module('asyncio');
  const spy = (fn: string, args: string, ret: string) => [
    `    def ${fn}_spy(${args}) -> ${ret}:`,
    '        try:',
    `            ${asyncio}.get_running_loop()`,
    `            calls.append((${pyStr(fn)}, True))`,
    '        except RuntimeError:',
    `            calls.append((${pyStr(fn)}, False))`,
    `        return real_${fn}(${args.replace(/: [^,]+/g, '')})`,
    '',
  ];
  ctx.tests.push(
    [
      `def test_${update.handler}_password_off_the_loop(client: ${tc}, monkeypatch: ${pytest}.MonkeyPatch) -> None:`,
      `    user, headers = ${signInFn(ctx)}(client)`,
      '    calls: list[tuple[str, bool]] = []',
      `    real_verify_password = ${security}.verify_password`,
      `    real_hash_password = ${security}.hash_password`,
      '',
      ...spy('verify_password', 'password: str, hashed: str | None', 'bool'),
      ...spy('hash_password', 'password: str', 'str'),
      `    monkeypatch.setattr(${security}, "verify_password", verify_password_spy)`,
      `    monkeypatch.setattr(${security}, "hash_password", hash_password_spy)`,
      `    body = {${pyStr(password)}: ${next}, ${currentKey}: ${current}}`,
      `    response = client.patch(${url}, json=${sendBody(entity, 'body')}, headers=headers)`,
      '    assert response.status_code == 200, response.text',
      '    assert calls == [("verify_password", False), ("hash_password", False)]',
    ].join('\n'),
  );
}

export function emitAccessTests(entity: IrEntity, project: IrProject): string | null {
  const ctx: Ctx = { entity, project, imports: new Imports(), tests: [] };
  bodyTests(ctx);
  exposureTests(ctx);
  publicRowTests(ctx);
  gatedParentTests(ctx);
  linkTests(ctx);
  cycleTests(ctx);
  copyTests(ctx);
  passwordTests(ctx);
  if (ctx.tests.length === 0) return null;
  return module(
    ctx.imports.render(),
    ctx.tests,
    `"""Access and data exposure of ${entity.resource.path}."""`.replace(/[^\x20-\x7e]/g, ''),
  );
}
