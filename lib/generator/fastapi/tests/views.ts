import type { IrEntity, IrOperation, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { factoryName } from './factories';
import { lookupAttr } from './lookup';
import { answered } from './shape';

/** The JSON keys a response in a named view carries: the id and the view's (computed) fields, nothing else. */
export function viewKeys(entity: IrEntity, schema: string): string[] | null {
  const view = entity.schemas.views.find((v) => v.className === schema);
  if (!view) return null;
  const names = ['id', ...view.fields.map((f) => f.name), ...view.computed.map((c) => c.name)];
  return names.map((n) => wireName(entity, n));
}

export const keySet = (keys: string[]) => `{${keys.map(pyStr).join(', ')}}`;

/**
 * `tests/test_<resource>_views.py`: a get answered in a named view shows exactly the view's fields, and a
 * to-one relation embedded with the target's embed view shows exactly that view. Nested resources assert the
 * same in their own suite.
 */
export function emitViewTests(entity: IrEntity, project: IrProject): string | null {
  if (entity.resource.parent) return null;
  const get = entity.operations.find((op) => op.kind === 'get');
  if (!get || (get.access?.kind !== 'public' && get.access?.kind !== 'authenticated')) return null;
  const imports = new Imports();
  const tests: string[] = [];
  const tc = imports.from('fastapi.testclient', 'TestClient');
  const run = imports.from('tests.utils', 'run');
  const flag =
    entity.resource.publicRows && entity.resource.ownership
      ? `, ${entity.resource.publicRows.name}=True`
      : '';
  const setup = [
    project.auth
      ? `_, headers = ${imports.from('tests.utils', 'sign_in')}(client)`
      : 'headers: dict[str, str] = {}',
    `row = ${run}(client, ${imports.from('tests.factories', factoryName(entity))}${flag})`,
    `response = client.get(${itemUrl(entity, get, imports)}, headers=headers)`,
    'assert response.status_code == 200, response.text',
  ];
  const push = (name: string, body: string[]) =>
    tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent([...setup, ...body].join('\n'))}`);
  const own = get.response ? viewKeys(entity, get.response.name) : null;
  const item = answered(entity, 'response.json()');
  if (own) push(`${get.handler}_view`, [`assert set(${item}) == ${keySet(own)}`]);
  for (const embed of entity.resource.embeds) {
    const target = project.entityById.get(embed.targetId) as IrEntity;
    const fk = entity.fks.find((f) => f.attr === embed.attr);
    const view = embed.view ?? target.schemas.embed;
    const keys = view ? viewKeys(target, view) : null;
    if (!keys || embed.many || !fk || fk.nullable) continue;
    push(`${get.handler}_embeds_${embed.attr}_in_its_view`, [
      `assert set(${item}[${pyStr(wireName(entity, embed.attr))}]) == ${keySet(keys)}`,
    ]);
  }
  if (tests.length === 0) return null;
  return module(imports.render(), tests, `"""Views of ${entity.className} in its responses."""`);
}

function itemUrl(entity: IrEntity, op: IrOperation, imports: Imports): string {
  const { lookup } = entity.resource;
  const column = lookupAttr(entity);
  const quote = imports.from('tests.utils', 'quote_path');
  return `f"${op.path.replace(`{${lookup.param}}`, `{${quote}(row.${column})}`)}"`;
}
