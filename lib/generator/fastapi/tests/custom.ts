import type { QueryParamType } from '@/lib/design/schema';
import { customInputFields } from '../../ir/operations';
import type { IrAccess, IrEntity, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { NO_USER_CODE, type UserCodeInfo } from '../user-code';
import { payloadName } from './factories';
import { lookupText } from './resource';

/** A value of each query parameter type, so a request with required ones reaches the stub. */
const QUERY_SAMPLES: Record<QueryParamType, string> = {
  string: 'x',
  integer: '1',
  float: '1.5',
  boolean: 'true',
  date: '2024-01-01',
  datetime: '2024-01-01T00:00:00Z',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * `tests/test_custom.py`: every endpoint whose handler is still the scaffold answers 501, and every one needing
 * a caller answers 401 without a token (the user's own tests, in `tests/custom/`, cover written handlers).
 */
export function emitCustomTests(project: IrProject, user: UserCodeInfo = NO_USER_CODE): string | null {
  const ops = project.operations.filter((op) => op.kind === 'custom');
  if (ops.length === 0) return null;
  const imports = new Imports();
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const blocks: string[] = [];
  for (const endpoint of ops) {
    // Every segment parses as its parameter's type, so the request reaches the stub.
    let path = endpoint.path;
    for (const p of endpoint.params) {
      const source = p.source;
      const text =
        source.kind === 'lookup'
          ? lookupText(project.entityById.get(source.entityId) as IrEntity, source.field)
          : 'x';
      path = path.replace(`{${p.wire}}`, encodeURIComponent(text));
    }
    // Required query parameters get a value of their type; optional ones are left out.
    const query = endpoint.params.flatMap((p) =>
      p.source.kind === 'custom_query' && p.required
        ? [`${encodeURIComponent(p.wire)}=${encodeURIComponent(QUERY_SAMPLES[p.source.type])}`]
        : [],
    );
    const url = pyStr(query.length > 0 ? `${path}?${query.join('&')}` : path);
    const method = endpoint.method;
    const access: IrAccess = endpoint.access ?? { kind: 'public' };
    const lines: string[] = [];
    let headers = '{}';
    const written = user.implemented.has(endpoint.handler);
    if (written && access.kind === 'public') continue;
    // Signing in is for the 501 test only: a written handler's own tests cover it.
    if (access.kind !== 'public' && !written) {
      const signIn = imports.from('tests.utils', 'sign_in');
      const role = project.auth?.role;
      let extra = '';
      if (access.kind === 'roles' && role) {
        const value = access.roles[0] ?? '';
        const member = role.enum?.members.find((m) => m.value === value);
        extra =
          role.enum && member
            ? `, ${role.name}=${imports.from('app.enums', role.enum.className)}.${member.name}`
            : `, ${role.name}=${pyStr(value)}`;
      }
      lines.push(`_, headers = ${signIn}(client${extra})`);
      headers = 'headers';
    }
    let json = '';
    const bodyLines: string[] = [];
    if (endpoint.body?.entityId) {
      const e = project.entityById.get(endpoint.body.entityId) as IrEntity;
      const { fields, fks } = customInputFields(e, project);
      const keys = [...fields.map((f) => f.api), ...fks.map((fk) => wireName(e, fk.column))];
      // The create payload, cut down to what the endpoint's Input takes.
      bodyLines.push(
        ...(keys.length === 0
          ? [`body: dict[str, ${imports.from('typing', 'Any')}] = {}`]
          : [
              `payload = ${imports.from('tests.utils', 'run')}(client, ${imports.from('tests.factories', payloadName(e))})`,
              `body = {key: payload[key] for key in [${keys.map(pyStr).join(', ')}] if key in payload}`,
            ]),
      );
      json = ', json=body';
    }
    lines.push(...bodyLines);
    const send = (h: string) =>
      method === 'get' || method === 'delete'
        ? `client.${method}(${url}, headers=${h})`
        : `client.${method}(${url}${json}, headers=${h})`;
    lines.push(`response = ${send(headers)}`, 'assert response.status_code == 501');
    if (!written) {
      blocks.push(
        `def test_${endpoint.handler}_not_implemented(client: ${tc}) -> None:\n${indent(lines.join('\n'))}`,
      );
    }
    if (access.kind !== 'public') {
      blocks.push(
        `def test_${endpoint.handler}_unauthenticated(client: ${tc}) -> None:\n${indent(
          [...bodyLines, `response = ${send('{}')}`, 'assert response.status_code == 401'].join('\n'),
        )}`,
      );
    }
  }
  if (blocks.length === 0) return null;
  return module(
    imports.render(),
    blocks,
    '"""The custom endpoints: 501 until their handler is written, 401 without a token."""',
  );
}
