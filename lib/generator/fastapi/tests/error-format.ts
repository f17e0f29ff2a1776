import type { ErrorFormat } from '@/lib/design/schema';
import type { IrProject } from '../../ir/types';
import { module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { FIELD_MAP_OTHER_KEY } from '../errors-format';
import { tokenHeaders } from '../token-scheme';

/** Assertions on 4xx bodies in the project's error format, for the generated tests. */

/** `response` failed validation at `loc` (`["body", "title"]`). */
export function locAssert(format: ErrorFormat, loc: string[]): string {
  const list = `[${loc.map(pyStr).join(', ')}]`;
  if (format === 'problem') return `assert response.json()["errors"][0]["loc"] == ${list}`;
  if (format === 'field-map')
    return `assert ${pyStr(fieldOf(loc))} in response.json()["errors"], response.text`;
  return `assert response.json()["detail"][0]["loc"] == ${list}`;
}

/** `response` is a 422 with an error about `field` (its JSON name) among others. */
export function fieldErrorAssert(format: ErrorFormat, field: string): string {
  if (format === 'field-map') return `assert ${pyStr(field)} in response.json()["errors"], response.text`;
  const list = format === 'problem' ? 'errors' : 'detail';
  return `assert ${pyStr(field)} in {error["loc"][-1] for error in response.json()[${pyStr(list)}]}`;
}

/** `response` is a 404 saying `message`, in the project's error format (problem details keep `detail`). */
export function notFoundAssert(format: ErrorFormat, message: string): string {
  if (format === 'field-map')
    return `assert ${pyStr(message)} in response.json()["errors"][${pyStr(FIELD_MAP_OTHER_KEY)}]`;
  return `assert response.json()["detail"] == ${pyStr(message)}`;
}

/** The field-map key of a `loc`: its innermost name after the source. */
function fieldOf(loc: string[]): string {
  return loc.slice(1).at(-1) ?? FIELD_MAP_OTHER_KEY;
}

/** `response` is a 422 the middleware answered for a JSON value no database stores. */
export function valueErrorAssert(format: ErrorFormat): string {
  if (format === 'problem') return 'assert response.json()["errors"][0]["type"] == "value_error"';
  if (format === 'field-map') return 'assert response.json()["errors"], response.text';
  return 'assert response.json()["detail"][0]["type"] == "value_error"';
}

/** `tests/utils.py`'s `assert_error`: a 4xx in the project's format (none for FastAPI's own). */
export function assertErrorHelper(format: ErrorFormat, imports: Imports): string | null {
  if (format === 'fastapi') return null;
  const httpx = imports.module('httpx');
  const head = `def assert_error(response: ${httpx}.Response, status: int, field: str | None = None) -> None:`;
  if (format === 'problem') {
    return [
      head,
      '    """An RFC 9457 problem of `status`; with `field`, a validation error naming it."""',
      '    assert response.status_code == status, response.text',
      '    assert response.headers["content-type"] == "application/problem+json"',
      '    body = response.json()',
      '    assert body["status"] == status',
      '    assert body["type"] == "about:blank"',
      '    assert isinstance(body["title"], str)',
      '    assert isinstance(body["detail"], str)',
      '    assert body["instance"] == response.request.url.path',
      '    if field is not None:',
      '        assert any(item["loc"][-1] == field for item in body["errors"]), body',
    ].join('\n');
  }
  return [
    head,
    '    """`{"errors": {field: [messages]}}` of `status` (with `field`: under it)."""',
    '    assert response.status_code == status, response.text',
    '    body = response.json()',
    '    assert set(body) == {"errors"}',
    '    errors = body["errors"]',
    '    messages = errors[field] if field is not None else [m for ms in errors.values() for m in ms]',
    '    assert messages, body',
    '    assert all(isinstance(m, str) for m in messages), body',
  ].join('\n');
}

/** `assert_error(response, <status>)` where the format is not FastAPI's (whose tests check statuses only). */
export function errorAssert(project: IrProject, imports: Imports, status: number, field?: string): string[] {
  if (project.errorFormat === 'fastapi') return [];
  const assertError = imports.from('tests.utils', 'assert_error');
  return [`${assertError}(response, ${status}${field ? `, ${pyStr(field)}` : ''})`];
}

/** `tests/test_error_format.py`: 4xx the app answers outside any route's code, in the chosen format. */
export function emitErrorFormatTests(project: IrProject): string | null {
  if (project.errorFormat === 'fastapi') return null;
  const imports = new Imports();
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const assertError = imports.from('tests.utils', 'assert_error');
  const t = (name: string, lines: string[]) =>
    `def test_${name}(client: ${tc}) -> None:\n${lines.join('\n')}`;
  const path = pyStr(firstJsonPath(project));
  // Errors about no single field: a field map lists them under its catch-all key.
  const other = project.errorFormat === 'field-map' ? `, ${pyStr(FIELD_MAP_OTHER_KEY)}` : '';
  const blocks = [
    t('unknown_path_is_404', [`    ${assertError}(client.get("/no-such-path"), 404${other})`]),
    t('wrong_method_is_405', [`    ${assertError}(client.delete("/health"), 405${other})`]),
    t('malformed_json_is_422', [
      '    headers = {"content-type": "application/json"}',
      `    response = client.post(${path}, content=b"{not json", headers=headers)`,
      `    ${assertError}(response, 422${other})`,
    ]),
    t('json_the_database_cannot_store_is_422', [
      '    headers = {"content-type": "application/json"}',
      `    response = client.post(${path}, content=b'{"a": NaN}', headers=headers)`,
      `    ${assertError}(response, 422${other})`,
    ]),
    t('body_over_the_limit_is_413', [
      `    big = b'{"a": "' + b"x" * (${imports.from('app.core.config', 'settings')}.MAX_BODY_BYTES + 1) + b'"}'`,
      '    headers = {"content-type": "application/json"}',
      `    ${assertError}(client.post(${path}, content=big, headers=headers), 413${other})`,
    ]),
  ];
  const auth = project.auth;
  if (auth) {
    const api = auth.api;
    const login = auth.login.name;
    const wrap = (expr: string) => (api.bodyKey === null ? expr : `{${pyStr(api.bodyKey)}: ${expr}}`);
    blocks.push(
      t('missing_token_is_401', [`    ${assertError}(client.get(${pyStr(api.mePath)}), 401${other})`]),
      t('invalid_token_is_401', [
        `    headers = ${tokenHeaders(api, 'not-a-token', true)}`,
        `    ${assertError}(client.get(${pyStr(api.mePath)}, headers=headers), 401${other})`,
      ]),
      t('wrong_credentials_are_401', [
        `    credentials = {${pyStr(login)}: "nobody@example.com", ${pyStr(auth.password.name)}: "x"}`,
        `    response = client.post(${pyStr(api.jsonLoginPath)}, json=${wrap('credentials')})`,
        `    ${assertError}(response, 401${other})`,
      ]),
      t('validation_names_the_field', [
        `    response = client.post(${pyStr(api.registerPath)}, json=${wrap('{}')})`,
        `    ${assertError}(response, 422, ${pyStr(login)})`,
      ]),
    );
  }
  return module(imports.render(), blocks, '"""Every 4xx the app answers has the project\'s error format."""');
}

/** A path taking JSON: registration, else the first JSON body's. */
function firstJsonPath(project: IrProject): string {
  if (project.auth) return project.auth.api.registerPath;
  const op = project.operations.find((o) => o.body !== null && !o.body.form);
  return op?.path ?? '/health';
}
