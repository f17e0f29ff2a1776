import type { IrEntity, IrProject } from '../../ir/types';
import { module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { tokenHeaders } from '../token-scheme';
import { inputMaxLength } from '../types';
import { errorAssert, locAssert } from './error-format';
import { factoryName } from './factories';
import { passwordSample, sampleFor } from './samples';

/** `tests/test_auth.py`: register, both logins, me, and their failure cases. */
export function emitAuthTests(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const imports = new Imports();
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const run = imports.from('tests.utils', 'run');
  const factory = imports.from('tests.factories', factoryName(user));
  const any = imports.from('typing', 'Any');
  const login = auth.login.name;
  const password = passwordSample(auth.password);
  const fields = user.fields.filter((f) => !f.readOnly && f.id !== auth.role?.id && !f.nullable);
  const body = fields.map(
    (f) => `        ${pyStr(f.name)}: ${f.isPassword ? password : sampleFor(f, imports, 'json')},`,
  );
  const fks = user.fks.filter((fk) => fk.inCreate && !fk.nullable);
  const fkLines = fks.map((fk) => {
    const parent = project.entityById.get(fk.targetId) as IrEntity;
    const id = parent.primaryKey === 'uuid' ? `str(parent_${fk.column}.id)` : `parent_${fk.column}.id`;
    return [
      `    parent_${fk.column} = ${run}(client, ${imports.from('tests.factories', factoryName(parent))})`,
      `    body[${pyStr(fk.column)}] = ${id}`,
    ].join('\n');
  });
  const t = (name: string, lines: string[]) =>
    `def test_${name}(client: ${tc}) -> None:\n${lines.join('\n')}`;
  const formTests = (lines: string[]) => (P.form ? [t('login_form', lines)] : []);
  const seq = imports.module('itertools');
  const security = imports.from('app.core', 'security');
  const pytest = imports.module('pytest');
  const jwt = imports.module('jwt');
  const dtm = imports.module('datetime', 'dt');
  const userCls = imports.from(`app.models.${user.module}`, user.className);
  const api = auth.api;
  const P = {
    register: pyStr(api.registerPath),
    json: pyStr(api.jsonLoginPath),
    me: pyStr(api.mePath),
    form: api.formLoginPath === null ? null : pyStr(api.formLoginPath),
  };
  /** A JSON body as the app takes it: inside its envelope when bodies are wrapped. */
  const wrap = (expr: string) => (api.bodyKey === null ? expr : `{${pyStr(api.bodyKey)}: ${expr}}`);
  /** The user in an answer: inside its envelope when objects are wrapped. */
  const userOf = (expr: string) => (api.objectKey === null ? expr : `${expr}[${pyStr(api.objectKey)}]`);
  /** The token in a login's answer. */
  const tokenOf = (expr: string) =>
    api.tokenIn === 'user' ? `${userOf(expr)}["token"]` : `${expr}["access_token"]`;
  const bearer = (token: string, literal = false) => tokenHeaders(api, token, literal);
  const isDefault = api.formLoginPath === '/auth/login' && api.scheme.kind === 'bearer';
  const blocks = [
    `_counter = ${seq}.count(1000)`,
    [
      `def _register_body(client: ${tc}) -> dict[str, ${any}]:`,
      '    n = next(_counter)',
      `    body: dict[str, ${any}] = {`,
      ...body,
      '    }',
      ...fkLines,
      ...(body.some((l) => /\bn\b/.test(l.split(':').slice(1).join(':'))) ? [] : ['    assert n > 0']),
      '    return body',
    ].join('\n'),
    `def _signed_up(client: ${tc}) -> dict[str, ${any}]:\n    body = _register_body(client)\n    assert client.post(${P.register}, json=${wrap('body')}).status_code == 201\n    return body`,
    t('register', [
      '    body = _register_body(client)',
      `    response = client.post(${P.register}, json=${wrap('body')})`,
      '    assert response.status_code == 201, response.text',
      `    created = ${userOf('response.json()')}`,
      `    assert created[${pyStr(login)}] == body[${pyStr(login)}]`,
      `    assert ${pyStr(auth.password.name)} not in created`,
    ]),
    t('register_conflict', [
      '    body = _signed_up(client)',
      `    response = client.post(${P.register}, json=${wrap('body')})`,
      '    assert response.status_code == 409',
      ...errorAssert(project, imports, 409).map((l) => `    ${l}`),
    ]),
    t('register_invalid', [
      `    response = client.post(${P.register}, json=${wrap('{}')})`,
      '    assert response.status_code == 422',
    ]),
    ...formTests([
      '    body = _signed_up(client)',
      `    form = {"username": body[${pyStr(login)}], "password": body[${pyStr(auth.password.name)}]}`,
      `    response = client.post(${P.form}, data=form)`,
      '    assert response.status_code == 200, response.text',
      ...(api.tokenIn === 'token' && isDefault
        ? [
            '    token = response.json()',
            '    assert token["token_type"] == "bearer"',
            '    me = client.get(',
            '        "/auth/me", headers={"Authorization": f"Bearer {token[\'access_token\']}"}',
            '    )',
          ]
        : [
            '    assert response.json()["token_type"] == "bearer"',
            '    token = response.json()["access_token"]',
            `    me = client.get(${P.me}, headers=${bearer('token')})`,
          ]),
      '    assert me.status_code == 200',
      `    assert ${userOf('me.json()')}[${pyStr(login)}] == body[${pyStr(login)}]`,
    ]),
    t('login_wrong_password', [
      '    body = _signed_up(client)',
      ...(P.form
        ? [
            `    form = {"username": body[${pyStr(login)}], "password": "wrong-password"}`,
            `    response = client.post(${P.form}, data=form)`,
          ]
        : [
            `    credentials = {${pyStr(login)}: body[${pyStr(login)}], ${pyStr(auth.password.name)}: "wrong-password"}`,
            `    response = client.post(${P.json}, json=${wrap('credentials')})`,
          ]),
      '    assert response.status_code == 401',
      ...errorAssert(project, imports, 401).map((l) => `    ${l}`),
    ]),
    t('login_json', [
      '    body = _signed_up(client)',
      `    credentials = {${pyStr(login)}: body[${pyStr(login)}], ${pyStr(auth.password.name)}: body[${pyStr(auth.password.name)}]}`,
      `    response = client.post(${P.json}, json=${wrap('credentials')})`,
      '    assert response.status_code == 200, response.text',
      `    assert ${tokenOf('response.json()')}`,
    ]),
    t('login_json_unknown_user', [
      `    credentials = {${pyStr(login)}: "nobody@example.com", ${pyStr(auth.password.name)}: "x"}`,
      `    response = client.post(${P.json}, json=${wrap('credentials')})`,
      '    assert response.status_code == 401',
    ]),
    t('login_json_invalid', [
      `    response = client.post(${P.json}, json=${wrap('{}')})`,
      '    assert response.status_code == 422',
    ]),
    t('login_ignores_case_and_spaces', [
      '    body = _signed_up(client)',
      `    login = f"  {str(body[${pyStr(login)}]).upper()} "`,
      `    credentials = {${pyStr(login)}: login, ${pyStr(auth.password.name)}: body[${pyStr(auth.password.name)}]}`,
      `    response = client.post(${P.json}, json=${wrap('credentials')})`,
      '    assert response.status_code == 200, response.text',
    ]),
    t('register_same_login_in_other_case', [
      '    body = _signed_up(client)',
      '    again = _register_body(client)',
      `    again[${pyStr(login)}] = str(body[${pyStr(login)}]).upper()`,
      `    response = client.post(${P.register}, json=${wrap('again')})`,
      '    # One account per login: a conflict (or refused outright by a lower-case pattern).',
      '    assert response.status_code in (409, 422), response.text',
    ]),
    t('register_password_too_long', [
      '    body = _register_body(client)',
      `    body[${pyStr(auth.password.name)}] = "x" * ${(inputMaxLength(auth.password) ?? 128) + 1}`,
      `    response = client.post(${P.register}, json=${wrap('body')})`,
      '    assert response.status_code == 422',
      ...errorAssert(project, imports, 422, auth.password.name).map((l) => `    ${l}`),
    ]),
    [
      `def test_unknown_login_costs_a_hash_check_off_the_loop(client: ${tc}, monkeypatch: ${pytest}.MonkeyPatch) -> None:`,
      `    calls: list[tuple[str | None, bool]] = []`,
      `    verify = ${security}.verify_password`,
      '',
      '    def spy(password: str, hashed: str | None) -> bool:',
      '        try:',
      `            ${imports.module('asyncio')}.get_running_loop()`,
      '            on_loop = True',
      '        except RuntimeError:',
      '            on_loop = False',
      '        calls.append((hashed, on_loop))',
      '        return verify(password, hashed)',
      '',
      `    monkeypatch.setattr(${security}, "verify_password", spy)`,
      `    credentials = {${pyStr(login)}: "nobody@example.com", ${pyStr(auth.password.name)}: "x"}`,
      `    response = client.post(${P.json}, json=${wrap('credentials')})`,
      '    assert response.status_code == 401',
      '    # The dummy hash was verified, in a worker thread (not on the event loop).',
      '    assert calls == [(None, False)]',
    ].join('\n'),
    [
      `async def _stored_hash(user_id: ${any}) -> str:`,
      `    async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`,
      `        user = await session.get(${userCls}, user_id)`,
      '        assert user is not None',
      `        return str(user.${auth.password.name})`,
    ].join('\n'),
    t('login_rehashes_old_parameters', [
      `    old = ${imports.from('argon2', 'PasswordHasher')}(time_cost=2, memory_cost=2048, parallelism=1)`,
      `    old_hash = old.hash(${password})`,
      `    user = ${run}(client, ${factory}, ${auth.password.name}=old_hash)`,
      `    credentials = {${pyStr(login)}: user.${login}, ${pyStr(auth.password.name)}: ${password}}`,
      `    response = client.post(${P.json}, json=${wrap('credentials')})`,
      '    assert response.status_code == 200, response.text',
      `    stored = ${run}(client, _stored_hash, user_id=user.id)`,
      `    assert stored != old_hash`,
      `    assert not ${security}.password_needs_rehash(stored)`,
    ]),
    t('token_without_exp_is_refused', [
      `    user = ${run}(client, ${factory})`,
      `    token = ${jwt}.encode({"sub": str(user.id)}, ${security}.SIGNING_KEY, algorithm="HS256")`,
      `    response = client.get(${P.me}, headers=${bearer('token')})`,
      '    assert response.status_code == 401',
    ]),
    t('token_signed_with_another_key_is_refused', [
      `    user = ${run}(client, ${factory})`,
      `    expires = ${dtm}.datetime.now(${dtm}.UTC) + ${dtm}.timedelta(hours=1)`,
      '    claims = {"sub": str(user.id), "exp": expires}',
      '    forged = "insecure-development-key-change-me-but-32-chars-long"',
      `    token = ${jwt}.encode(claims, forged, algorithm="HS256")`,
      `    response = client.get(${P.me}, headers=${bearer('token')})`,
      '    assert response.status_code == 401',
    ]),
    [
      `def _import_security(tmp_path: ${imports.from('pathlib', 'Path')}, **env: str) -> ${imports.module('subprocess')}.CompletedProcess[str]:`,
      '    """Imports app.core.security in a fresh interpreter, away from any .env file."""',
      '    root = str(Path(__file__).resolve().parents[1])'.replace('Path', imports.from('pathlib', 'Path')),
      `    clean = {k: v for k, v in ${imports.module('os')}.environ.items() if k not in ("SECRET_KEY", "ENVIRONMENT")}`,
      '    clean.update(env, PYTHONPATH=root)',
      '    return subprocess.run('.replace('subprocess', imports.module('subprocess')),
      `        [${imports.module('sys')}.executable, "-c", "import app.core.security"],`,
      '        env=clean,',
      '        cwd=tmp_path,',
      '        capture_output=True,',
      '        text=True,',
      '        check=False,',
      '    )',
    ].join('\n'),
    [
      `def test_outside_development_secret_key_is_required(tmp_path: ${imports.from('pathlib', 'Path')}) -> None:`,
      '    missing = _import_security(tmp_path, ENVIRONMENT="production")',
      '    assert missing.returncode != 0',
      '    assert "SECRET_KEY" in missing.stderr',
      '    short = _import_security(tmp_path, ENVIRONMENT="production", SECRET_KEY="short")',
      '    assert short.returncode != 0',
      '    strong = _import_security(tmp_path, ENVIRONMENT="production", SECRET_KEY="k" * 32)',
      '    assert strong.returncode == 0, strong.stderr',
    ].join('\n'),
    t('me', [
      `    user = ${run}(client, ${factory})`,
      `    response = client.get(${P.me}, headers=${imports.from('tests.utils', 'headers_for')}(user))`,
      '    assert response.status_code == 200',
      `    assert ${userOf('response.json()')}["id"] == ${user.primaryKey === 'uuid' ? 'str(user.id)' : 'user.id'}`,
    ]),
    t('me_unauthenticated', [`    response = client.get(${P.me})`, '    assert response.status_code == 401']),
    t('me_invalid_token', [
      `    response = client.get(${P.me}, headers=${bearer('not-a-token', true)})`,
      '    assert response.status_code == 401',
    ]),
    ...shapeTests(project, imports, t),
  ];
  return module(imports.render(), blocks, '"""Tests of registration, login and the current user."""');
}

type TestFn = (name: string, lines: string[]) => string;

/** Tests of the design's auth shape beyond FastAPI's default: the scheme, the token in the user, me updates. */
function shapeTests(project: IrProject, imports: Imports, t: TestFn): string[] {
  const auth = project.auth as NonNullable<IrProject['auth']>;
  const api = auth.api;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const login = auth.login.name;
  const password = auth.password.name;
  const wrap = (expr: string) => (api.bodyKey === null ? expr : `{${pyStr(api.bodyKey)}: ${expr}}`);
  const userOf = (expr: string) => (api.objectKey === null ? expr : `${expr}[${pyStr(api.objectKey)}]`);
  const run = () => imports.from('tests.utils', 'run');
  const signIn = () => imports.from('tests.utils', 'sign_in');
  const me = pyStr(api.mePath);
  const out: string[] = [];
  if (project.errorFormat !== 'fastapi') {
    out.push(
      t(`register_with_a_taken_${login}_names_it`, [
        '    body = _signed_up(client)',
        '    again = _register_body(client)',
        `    again[${pyStr(login)}] = body[${pyStr(login)}]`,
        `    response = client.post(${pyStr(api.registerPath)}, json=${wrap('again')})`,
        ...errorAssert(project, imports, 409, login).map((l) => `    ${l}`),
      ]),
    );
  }
  if (api.scheme.kind !== 'bearer') {
    out.push(
      t('bearer_scheme_is_refused', [
        `    user = ${run()}(client, ${imports.from('tests.factories', factoryName(user))})`,
        `    token = ${imports.from('app.core.security', 'create_access_token')}(str(user.id))`,
        `    response = client.get(${me}, headers={"Authorization": f"Bearer {token}"})`,
        '    assert response.status_code == 401',
        `    response = client.get(${me}, headers=${tokenHeaders(api, 'token')})`,
        '    assert response.status_code == 200, response.text',
      ]),
    );
  }
  if (api.tokenIn === 'user') {
    out.push(
      t('register_answers_a_token_in_the_user', [
        '    body = _register_body(client)',
        `    response = client.post(${pyStr(api.registerPath)}, json=${wrap('body')})`,
        '    assert response.status_code == 201, response.text',
        `    created = ${userOf('response.json()')}`,
        '    token = created["token"]',
        `    again = client.get(${me}, headers=${tokenHeaders(api, 'token')})`,
        '    assert again.status_code == 200, again.text',
        `    assert ${userOf('again.json()')}["id"] == created["id"]`,
        `    assert ${userOf('again.json()')}["token"]`,
      ]),
    );
  }
  const profile = user.fields.find(
    (f) =>
      f.inUpdate &&
      !f.isPassword &&
      !f.unique &&
      f.id !== auth.login.id &&
      f.id !== auth.role?.id &&
      (f.type === 'string' || f.type === 'text') &&
      f.constraints.pattern === undefined &&
      (f.constraints.minLength ?? 0) <= 7 &&
      (f.constraints.maxLength ?? 7) >= 7,
  );
  const current = passwordSample(auth.password);
  const next = pyStr('New-Correct-Horse-8-Staple');
  // The body's JSON name in the design's naming style (`currentPassword` in camelCase).
  const currentPassword = wireName(user, 'current_password');
  for (const op of project.operations.filter((o) => o.kind === 'me_update')) {
    const call = (body: string, headers = 'headers') =>
      `    response = client.${op.method}(${me}, json=${wrap(body)}, headers=${headers})`;
    const name = `${op.method}_me`;
    if (profile) {
      out.push(
        t(`${name}_changes_own_profile`, [
          `    user, headers = ${signIn()}(client)`,
          call(`{${pyStr(profile.api)}: "Changed"}`),
          '    assert response.status_code == 200, response.text',
          `    assert ${userOf('response.json()')}[${pyStr(profile.api)}] == "Changed"`,
          `    again = client.get(${me}, headers=headers)`,
          `    assert ${userOf('again.json()')}[${pyStr(profile.api)}] == "Changed"`,
        ]),
      );
    }
    if (user.fields.some((f) => f.isPassword && f.inUpdate)) {
      out.push(
        t(`${name}_password_needs_the_current_one`, [
          `    user, headers = ${signIn()}(client)`,
          call(`{${pyStr(password)}: ${next}}`),
          '    assert response.status_code == 422, response.text',
          `    ${locAssert(project.errorFormat, ['body', currentPassword])}`,
          call(`{${pyStr(password)}: ${next}, ${pyStr(currentPassword)}: "not-the-password"}`),
          '    assert response.status_code == 403, response.text',
          ...errorAssert(project, imports, 403).map((l) => `    ${l}`),
          call(`{${pyStr(password)}: ${next}, ${pyStr(currentPassword)}: ${current}}`),
          '    assert response.status_code == 200, response.text',
          `    assert ${pyStr(password)} not in ${userOf('response.json()')}`,
          `    credentials = {${pyStr(login)}: user.${login}, ${pyStr(password)}: ${next}}`,
          `    assert client.post(${pyStr(api.jsonLoginPath)}, json=${wrap('credentials')}).status_code == 200`,
        ]),
      );
    }
    out.push(
      t(`${name}_to_a_taken_${login}_is_409`, [
        `    other, _ = ${signIn()}(client)`,
        `    user, headers = ${signIn()}(client)`,
        call(`{${pyStr(login)}: other.${login}}`),
        '    assert response.status_code == 409, response.text',
        ...errorAssert(project, imports, 409, login).map((l) => `    ${l}`),
      ]),
      t(`${name}_needs_a_token`, [
        `    response = client.${op.method}(${me}, json=${wrap('{}')})`,
        '    assert response.status_code == 401',
      ]),
    );
    if (auth.role) {
      out.push(
        t(`${name}_cannot_change_the_role`, [
          `    user, headers = ${signIn()}(client)`,
          call(`{${pyStr(auth.role.name)}: "admin"}`),
          '    assert response.status_code == 422, response.text',
        ]),
      );
    }
  }
  return out;
}
