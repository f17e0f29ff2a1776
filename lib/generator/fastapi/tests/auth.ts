import type { IrEntity, IrProject } from '../../ir/types';
import { module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
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
  const seq = imports.module('itertools');
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
    `def _signed_up(client: ${tc}) -> dict[str, ${any}]:\n    body = _register_body(client)\n    assert client.post("/auth/register", json=body).status_code == 201\n    return body`,
    t('register', [
      '    body = _register_body(client)',
      '    response = client.post("/auth/register", json=body)',
      '    assert response.status_code == 201, response.text',
      '    created = response.json()',
      `    assert created[${pyStr(login)}] == body[${pyStr(login)}]`,
      `    assert ${pyStr(auth.password.name)} not in created`,
    ]),
    t('register_conflict', [
      '    body = _signed_up(client)',
      '    response = client.post("/auth/register", json=body)',
      '    assert response.status_code == 409',
    ]),
    t('register_invalid', [
      '    response = client.post("/auth/register", json={})',
      '    assert response.status_code == 422',
    ]),
    t('login_form', [
      '    body = _signed_up(client)',
      `    form = {"username": body[${pyStr(login)}], "password": body[${pyStr(auth.password.name)}]}`,
      '    response = client.post("/auth/login", data=form)',
      '    assert response.status_code == 200, response.text',
      '    token = response.json()',
      '    assert token["token_type"] == "bearer"',
      '    me = client.get(',
      '        "/auth/me", headers={"Authorization": f"Bearer {token[\'access_token\']}"}',
      '    )',
      '    assert me.status_code == 200',
      `    assert me.json()[${pyStr(login)}] == body[${pyStr(login)}]`,
    ]),
    t('login_wrong_password', [
      '    body = _signed_up(client)',
      `    form = {"username": body[${pyStr(login)}], "password": "wrong-password"}`,
      '    response = client.post("/auth/login", data=form)',
      '    assert response.status_code == 401',
    ]),
    t('login_json', [
      '    body = _signed_up(client)',
      `    credentials = {${pyStr(login)}: body[${pyStr(login)}], ${pyStr(auth.password.name)}: body[${pyStr(auth.password.name)}]}`,
      '    response = client.post("/auth/login/json", json=credentials)',
      '    assert response.status_code == 200, response.text',
      '    assert response.json()["access_token"]',
    ]),
    t('login_json_unknown_user', [
      `    credentials = {${pyStr(login)}: "nobody@example.com", ${pyStr(auth.password.name)}: "x"}`,
      '    response = client.post("/auth/login/json", json=credentials)',
      '    assert response.status_code == 401',
    ]),
    t('login_json_invalid', [
      '    response = client.post("/auth/login/json", json={})',
      '    assert response.status_code == 422',
    ]),
    t('me', [
      `    user = ${run}(client, ${factory})`,
      `    response = client.get("/auth/me", headers=${imports.from('tests.utils', 'headers_for')}(user))`,
      '    assert response.status_code == 200',
      `    assert response.json()["id"] == ${user.primaryKey === 'uuid' ? 'str(user.id)' : 'user.id'}`,
    ]),
    t('me_unauthenticated', [
      '    response = client.get("/auth/me")',
      '    assert response.status_code == 401',
    ]),
    t('me_invalid_token', [
      '    response = client.get("/auth/me", headers={"Authorization": "Bearer not-a-token"})',
      '    assert response.status_code == 401',
    ]),
  ];
  return module(imports.render(), blocks, '"""Tests of registration, login and the current user."""');
}
