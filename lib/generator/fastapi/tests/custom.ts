import type { IrAccess, IrEntity, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { payloadName } from './factories';

/** `tests/test_custom.py`: every stub answers 501 (and 401 without a token when it needs one). */
export function emitCustomTests(project: IrProject): string | null {
  const ops = project.operations.filter((op) => op.kind === 'custom');
  if (ops.length === 0) return null;
  const imports = new Imports();
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const blocks: string[] = [];
  for (const endpoint of ops) {
    const url = pyStr(endpoint.path.replace(/\{[^}]*\}/g, 'x'));
    const method = endpoint.method;
    const access: IrAccess = endpoint.access ?? { kind: 'public' };
    const lines: string[] = [];
    let headers = '{}';
    if (access.kind !== 'public') {
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
    if (endpoint.body?.entityId) {
      const e = project.entityById.get(endpoint.body.entityId) as IrEntity;
      lines.push(
        `body = ${imports.from('tests.utils', 'run')}(client, ${imports.from('tests.factories', payloadName(e))})`,
      );
      json = ', json=body';
    }
    const send = (h: string) =>
      method === 'get' || method === 'delete'
        ? `client.${method}(${url}, headers=${h})`
        : `client.${method}(${url}${json}, headers=${h})`;
    lines.push(`response = ${send(headers)}`, 'assert response.status_code == 501');
    blocks.push(
      `def test_${endpoint.handler}_not_implemented(client: ${tc}) -> None:\n${indent(lines.join('\n'))}`,
    );
    if (access.kind !== 'public') {
      blocks.push(
        `def test_${endpoint.handler}_unauthenticated(client: ${tc}) -> None:\n${indent(
          [`response = ${send('{}')}`, 'assert response.status_code == 401'].join('\n'),
        )}`,
      );
    }
  }
  return module(
    imports.render(),
    blocks,
    '"""The custom endpoints are stubs: they answer 501 until implemented."""',
  );
}
