import { shortHash } from '../../hash';
import type { IrAccess, IrEntity, IrField, IrOperation, IrProject, IrUnique } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { locAssert } from './error-format';
import { payloadName } from './factories';
import { answered, jsonKey, sendBody } from './shape';

/**
 * `tests/test_<resource>_derived.py`: values the server derives and composite unique constraints, asserted
 * against the running app: two rows with the same title get `<slug>` and `<slug>-2`, a title change moves the
 * slug (with `onUpdate`), a lower-cased copy follows its source (or keeps its first value), `published_at` is
 * set when `published` turns true and cleared when it turns false, and a duplicate of a composite unique is a
 * 409 naming its fields while the first row stays.
 */
type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[] };

const run = (ctx: Ctx) => ctx.imports.from('tests.utils', 'run');

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** Signs someone in whom `access` lets through (`user`, `headers`); null for role rules. */
function signIn(ctx: Ctx, access: IrAccess | null): string[] | null {
  if (access === null || access.kind === 'roles' || access.kind === 'parent-owner') return null;
  if (access.kind === 'public' && !ctx.project.auth) return ['headers: dict[str, str] = {}'];
  return [`user, headers = ${ctx.imports.from('tests.utils', 'sign_in')}(client)`];
}

/** A valid create body of the signed-in user (`body`). */
function payload(ctx: Ctx, create: IrOperation): string {
  const owned =
    ctx.project.auth && create.access?.kind !== 'public' && !ctx.entity.isUser ? ', owned_by=user' : '';
  return `body = ${run(ctx)}(client, ${ctx.imports.from('tests.factories', payloadName(ctx.entity))}${owned})`;
}

function opOf(entity: IrEntity, kind: 'create' | 'update' | 'get'): IrOperation | undefined {
  const ops = entity.operations.filter((op) => op.kind === kind);
  return ops.find((op) => op.method === 'patch') ?? ops[0];
}

/** The item URL of an answered row (`created`), by the resource's lookup. */
function itemUrl(ctx: Ctx, op: IrOperation, row: string): string {
  const { lookup } = ctx.entity.resource;
  const key = lookup.field ? pyStr(lookup.field.api) : jsonKey(ctx.entity, 'id');
  const quote = ctx.imports.from('tests.utils', 'quote_path');
  return `f"${op.path.replace(`{${lookup.param}}`, `{${quote}(${row}[${key}])}`)}"`;
}

/** The request of an update changing `changes` (a dict literal): PATCH sends them, PUT the whole body with them. */
function updateCall(ctx: Ctx, update: IrOperation, url: string, changes: string): string {
  const sent = update.method === 'put' ? `{**body, **${changes}}` : changes;
  return `client.${update.method}(${url}, json=${sendBody(ctx.entity, sent)}, headers=headers)`;
}

/** The slug the generated `slugify` makes of a known ASCII-foldable text, cut to `length` like it. */
export function slugOf(text: string, length: number): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, length).replace(/-+$/, '');
}

function withSuffix(slug: string, n: number, length: number): string {
  const suffix = `-${n}`;
  return `${slug.slice(0, length - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A source the tests can write any short text into (no pattern, room for 40 characters). */
function freeText(field: IrField): boolean {
  const { pattern, maxLength, minLength } = field.constraints;
  return (
    (field.type === 'string' || field.type === 'text') &&
    pattern === undefined &&
    (maxLength ?? 255) >= 40 &&
    (minLength ?? 0) <= 3
  );
}

function slugTests(ctx: Ctx, field: IrField, create: IrOperation, lines: string[]): void {
  const derive = field.derive;
  if (!derive || !freeText(derive.source) || !field.inRead) return;
  const source = pyStr(derive.source.api);
  const target = pyStr(field.api);
  const length = field.length ?? 255;
  const tag = shortHash(`${ctx.entity.id}.${field.id}`).slice(0, 6);
  const title = `Héllo, Wörld! ${tag}`;
  const slug = slugOf(title, length);
  const path = pyStr(create.path);
  const post = (name: string) =>
    `${name} = client.post(${path}, json=${sendBody(ctx.entity, 'body')}, headers=headers)`;
  const name = `${create.handler}_${field.name}_of_${derive.source.name}`;
  if (field.unique && !derive.source.unique) {
    test(ctx, name, [
      ...lines,
      payload(ctx, create),
      `body[${source}] = ${pyStr(title)}`,
      post('first'),
      'assert first.status_code == 201, first.text',
      post('second'),
      'assert second.status_code == 201, second.text',
      '# Another spelling of the same words: the next free suffix.',
      `body[${source}] = ${pyStr(`hello world ${tag}`)}`,
      post('third'),
      'assert third.status_code == 201, third.text',
      `assert ${answered(ctx.entity, 'first.json()')}[${target}] == ${pyStr(slug)}`,
      `assert ${answered(ctx.entity, 'second.json()')}[${target}] == ${pyStr(withSuffix(slug, 2, length))}`,
      `assert ${answered(ctx.entity, 'third.json()')}[${target}] == ${pyStr(withSuffix(slug, 3, length))}`,
    ]);
  } else {
    test(ctx, name, [
      ...lines,
      payload(ctx, create),
      `body[${source}] = ${pyStr(title)}`,
      post('response'),
      'assert response.status_code == 201, response.text',
      `assert ${answered(ctx.entity, 'response.json()')}[${target}] == ${pyStr(slug)}`,
    ]);
  }
  test(ctx, `${name}_needs_a_letter_or_digit`, [
    ...lines,
    payload(ctx, create),
    `body[${source}] = "!?!"`,
    post('response'),
    'assert response.status_code == 422, response.text',
    locAssert(ctx.project.errorFormat, ['body', derive.source.api]),
  ]);
  const update = opOf(ctx.entity, 'update');
  if (!update || !derive.source.inUpdate || !signIn(ctx, update.access)) return;
  if (update.access?.kind !== 'owner' && update.access?.kind !== create.access?.kind) return;
  const renamed = `Another Title ${tag}`;
  test(
    ctx,
    `${update.handler}_${field.name}_${derive.onUpdate ? 'follows' : 'keeps'}_${derive.source.name}`,
    [
      ...lines,
      payload(ctx, create),
      `body[${source}] = ${pyStr(`First Title ${tag}`)}`,
      post('response'),
      'assert response.status_code == 201, response.text',
      `created = ${answered(ctx.entity, 'response.json()')}`,
      `response = ${updateCall(ctx, update, itemUrl(ctx, update, 'created'), `{${source}: ${pyStr(renamed)}}`)}`,
      'assert response.status_code == 200, response.text',
      `assert ${answered(ctx.entity, 'response.json()')}[${target}] == ${
        derive.onUpdate ? pyStr(slugOf(renamed, length)) : `created[${target}]`
      }`,
    ],
  );
}

function lowerTests(ctx: Ctx, field: IrField, create: IrOperation, lines: string[]): void {
  const derive = field.derive;
  if (!derive || !field.inRead || !derive.source.inRead) return;
  const tag = shortHash(`${ctx.entity.id}.${field.id}`).slice(0, 6);
  const sample = (word: string) =>
    derive.source.type === 'email'
      ? `Mixed.${word}.${tag}@Example.COM`
      : derive.source.type === 'url'
        ? `https://Example.COM/${word}/${tag}`
        : `Mixed ${word} ${tag}`;
  if (derive.source.type !== 'email' && derive.source.type !== 'url' && !freeText(derive.source)) return;
  const source = pyStr(derive.source.api);
  const target = pyStr(field.api);
  const path = pyStr(create.path);
  test(ctx, `${create.handler}_${field.name}_lower_cases_${derive.source.name}`, [
    ...lines,
    payload(ctx, create),
    `body[${source}] = ${pyStr(sample('Case'))}`,
    `response = client.post(${path}, json=${sendBody(ctx.entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `created = ${answered(ctx.entity, 'response.json()')}`,
    `assert created[${target}] == created[${source}].lower()`,
    `assert created[${target}] != created[${source}]`,
  ]);
  const update = opOf(ctx.entity, 'update');
  if (!update || !derive.source.inUpdate || !signIn(ctx, update.access)) return;
  if (update.access?.kind !== 'owner' && update.access?.kind !== create.access?.kind) return;
  test(
    ctx,
    `${update.handler}_${field.name}_${derive.onUpdate ? 'follows' : 'keeps'}_${derive.source.name}`,
    [
      ...lines,
      payload(ctx, create),
      `body[${source}] = ${pyStr(sample('First'))}`,
      `response = client.post(${path}, json=${sendBody(ctx.entity, 'body')}, headers=headers)`,
      'assert response.status_code == 201, response.text',
      `created = ${answered(ctx.entity, 'response.json()')}`,
      `response = ${updateCall(ctx, update, itemUrl(ctx, update, 'created'), `{${source}: ${pyStr(sample('Second'))}}`)}`,
      'assert response.status_code == 200, response.text',
      `updated = ${answered(ctx.entity, 'response.json()')}`,
      derive.onUpdate
        ? `assert updated[${target}] == updated[${source}].lower()`
        : `assert updated[${target}] == created[${target}]`,
    ],
  );
}

function nowTests(ctx: Ctx, field: IrField, create: IrOperation, lines: string[]): void {
  const derive = field.derive;
  if (!derive || !field.inRead || derive.source.type !== 'boolean' || !derive.source.inCreate) return;
  const source = pyStr(derive.source.api);
  const target = pyStr(field.api);
  const path = pyStr(create.path);
  const created = (value: 'True' | 'False') => [
    payload(ctx, create),
    `body[${source}] = ${value}`,
    `response = client.post(${path}, json=${sendBody(ctx.entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `created = ${answered(ctx.entity, 'response.json()')}`,
  ];
  const dt = ctx.imports.module('datetime', 'dt');
  test(ctx, `${create.handler}_${field.name}_set_when_${derive.source.name}`, [
    ...lines,
    `before = ${dt}.datetime.now(${dt}.UTC) - ${dt}.timedelta(seconds=5)`,
    ...created('True'),
    `assert ${dt}.datetime.fromisoformat(created[${target}]) >= before`,
  ]);
  const update = opOf(ctx.entity, 'update');
  const canUpdate =
    update &&
    derive.onUpdate &&
    derive.source.inUpdate &&
    signIn(ctx, update.access) &&
    (update.access?.kind === 'owner' || update.access?.kind === create.access?.kind);
  if (!update || !canUpdate) {
    test(ctx, `${create.handler}_${field.name}_empty_unless_${derive.source.name}`, [
      ...lines,
      ...created('False'),
      `assert created[${target}] is None`,
    ]);
    return;
  }
  const url = itemUrl(ctx, update, 'created');
  test(ctx, `${update.handler}_${field.name}_follows_${derive.source.name}`, [
    ...lines,
    ...created('False'),
    `assert created[${target}] is None`,
    `response = ${updateCall(ctx, update, url, `{${source}: True}`)}`,
    'assert response.status_code == 200, response.text',
    `published = ${answered(ctx.entity, 'response.json()')}[${target}]`,
    'assert published is not None',
    '# Sending the same value again changes nothing: the time stays the first one.',
    `response = ${updateCall(ctx, update, url, `{${source}: True}`)}`,
    `assert ${answered(ctx.entity, 'response.json()')}[${target}] == published`,
    `response = ${updateCall(ctx, update, url, `{${source}: False}`)}`,
    'assert response.status_code == 200, response.text',
    `assert ${answered(ctx.entity, 'response.json()')}[${target}] is None`,
  ]);
}

/** The 409 of a composite unique names its fields, in the project's error format. */
function conflictAssert(ctx: Ctx, unique: IrUnique): string[] {
  const fields = `{${unique.fields.map(pyStr).join(', ')}}`;
  switch (ctx.project.errorFormat) {
    case 'fastapi':
      return [
        `assert response.json()["detail"] == ${pyStr(`This combination of ${unique.fields.join(', ')} is already taken`)}`,
      ];
    case 'problem':
      return [
        'assert response.headers["content-type"] == "application/problem+json"',
        `assert {item["loc"][-1] for item in response.json()["errors"]} == ${fields}`,
      ];
    default:
      return [`assert set(response.json()["errors"]) == ${fields}`];
  }
}

function uniqueTests(ctx: Ctx, create: IrOperation, lines: string[]): void {
  const { entity } = ctx;
  for (const unique of entity.uniques) {
    // Members set from a time or by the server's own choice cannot be repeated by sending the same body.
    const members = unique.columns.map((c) => entity.fields.find((f) => f.name === c));
    if (members.some((f) => f?.derive?.kind === 'now' || f?.default?.kind === 'uuid')) continue;
    const path = pyStr(create.path);
    const send = `client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`;
    const get = opOf(entity, 'get');
    const readBack =
      get && signIn(ctx, get.access)
        ? [
            `response = client.get(${itemUrl(ctx, get, 'first')}, headers=headers)`,
            'assert response.status_code == 200, response.text',
            `assert ${answered(entity, 'response.json()')} == first`,
          ]
        : [];
    test(ctx, `${create.handler}_twice_${unique.columns.join('_')}_is_409`, [
      ...lines,
      payload(ctx, create),
      `response = ${send}`,
      'assert response.status_code == 201, response.text',
      `first = ${answered(entity, 'response.json()')}`,
      `response = ${send}`,
      'assert response.status_code == 409, response.text',
      ...conflictAssert(ctx, unique),
      '# The first row stays as it was.',
      ...readBack,
    ]);
    updateUniqueTest(ctx, create, unique, lines);
  }
}

/**
 * Rows differing in one member are fine (the constraint is over all of them together); an update making a row
 * a duplicate is a 409 that leaves it as it was.
 */
function updateUniqueTest(ctx: Ctx, create: IrOperation, unique: IrUnique, lines: string[]): void {
  const { entity } = ctx;
  const update = opOf(entity, 'update');
  const member = entity.fields.find(
    (f) => unique.columns.includes(f.name) && f.inCreate && f.inUpdate && !f.unique && freeText(f),
  );
  if (!update || !member || !signIn(ctx, update.access)) return;
  if (update.access?.kind !== 'owner' && update.access?.kind !== create.access?.kind) return;
  const key = pyStr(member.api);
  const path = pyStr(create.path);
  const other = pyStr(`other-${shortHash(`${entity.id}.${unique.id}`).slice(0, 6)}`);
  const url = itemUrl(ctx, update, 'second');
  test(ctx, `${update.handler}_into_a_duplicate_${unique.columns.join('_')}_is_409`, [
    ...lines,
    payload(ctx, create),
    `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `taken = body[${key}]`,
    `body[${key}] = ${other}`,
    `response = client.post(${path}, json=${sendBody(entity, 'body')}, headers=headers)`,
    'assert response.status_code == 201, response.text',
    `second = ${answered(entity, 'response.json()')}`,
    `response = ${updateCall(ctx, update, url, `{${key}: taken}`)}`,
    'assert response.status_code == 409, response.text',
    ...conflictAssert(ctx, unique),
    ...(opOf(entity, 'get')
      ? [
          `response = client.get(${itemUrl(ctx, opOf(entity, 'get') as IrOperation, 'second')}, headers=headers)`,
          `assert ${answered(entity, 'response.json()')}[${key}] == ${other}`,
        ]
      : []),
  ]);
}

export function emitDeriveTests(entity: IrEntity, project: IrProject): string | null {
  const ctx: Ctx = { entity, project, imports: new Imports(), tests: [] };
  const create = opOf(entity, 'create');
  const lines = create ? signIn(ctx, create.access) : null;
  if (!create || !lines) return null;
  for (const field of entity.fields) {
    if (field.derive?.kind === 'slug') slugTests(ctx, field, create, lines);
    else if (field.derive?.kind === 'lower') lowerTests(ctx, field, create, lines);
    else if (field.derive?.kind === 'now') nowTests(ctx, field, create, lines);
  }
  uniqueTests(ctx, create, lines);
  if (ctx.tests.length === 0) return null;
  return module(
    ctx.imports.render(),
    ctx.tests,
    `"""Derived values and composite unique constraints of ${entity.resource.path}."""`.replace(
      /[^\x20-\x7e]/g,
      '',
    ),
  );
}

/**
 * `tests/test_auth_derived.py`: the user's derived values on register (two people with the same name get
 * `<slug>` and `<slug>-2`) and on a change of one's own profile. Null when the user derives nothing there.
 */
export function emitAuthDeriveTests(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const imports = new Imports();
  const ctx: Ctx = { entity: user, project, imports, tests: [] };
  const api = auth.api;
  const wrap = (expr: string) => (api.bodyKey === null ? expr : `{${pyStr(api.bodyKey)}: ${expr}}`);
  const userOf = (expr: string) => (api.objectKey === null ? expr : `${expr}[${pyStr(api.objectKey)}]`);
  const register = pyStr(api.registerPath);
  const payload = `body = ${run(ctx)}(client, ${imports.from('tests.factories', payloadName(user))})`;
  const signUp = (name: string) =>
    `${name} = client.post(${register}, json=${wrap('body')})\nassert ${name}.status_code == 201, ${name}.text`;
  for (const field of user.fields) {
    const derive = field.derive;
    if (derive?.kind !== 'slug' || !field.inRead || !freeText(derive.source) || derive.source.isPassword)
      continue;
    if (derive.source.id === auth.login.id || derive.source.id === auth.role?.id) continue;
    const source = pyStr(derive.source.api);
    const target = pyStr(field.api);
    const length = field.length ?? 255;
    const tag = shortHash(`${user.id}.${field.id}`).slice(0, 6);
    const slug = slugOf(`Héllo, Wörld! ${tag}`, length);
    const expected = field.unique && !derive.source.unique ? withSuffix(slug, 2, length) : slug;
    test(ctx, `register_derives_${field.name}`, [
      payload,
      `body[${source}] = ${pyStr(`Héllo, Wörld! ${tag}`)}`,
      ...signUp('first').split('\n'),
      payload,
      `body[${source}] = ${pyStr(`hello world ${tag}`)}`,
      ...signUp('second').split('\n'),
      `assert ${userOf('first.json()')}[${target}] == ${pyStr(slug)}`,
      `assert ${userOf('second.json()')}[${target}] == ${pyStr(expected)}`,
    ]);
    // Both verbs of the me update change only the fields sent.
    const method = api.meUpdate.includes('patch') ? 'patch' : api.meUpdate.includes('put') ? 'put' : null;
    if (!method || !derive.source.inUpdate) continue;
    const renamed = `Another Name ${tag}`;
    test(ctx, `${method}_me_${field.name}_${derive.onUpdate ? 'follows' : 'keeps'}_${derive.source.name}`, [
      `user, headers = ${imports.from('tests.utils', 'sign_in')}(client)`,
      ...(derive.onUpdate
        ? []
        : [`before = ${userOf(`client.get(${pyStr(api.mePath)}, headers=headers).json()`)}[${target}]`]),
      `response = client.${method}(${pyStr(api.mePath)}, json=${wrap(`{${source}: ${pyStr(renamed)}}`)}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      `assert ${userOf('response.json()')}[${target}] == ${derive.onUpdate ? pyStr(slugOf(renamed, length)) : 'before'}`,
    ]);
  }
  if (ctx.tests.length === 0) return null;
  return module(imports.render(), ctx.tests, '"""Derived values of the user on register and me."""');
}
