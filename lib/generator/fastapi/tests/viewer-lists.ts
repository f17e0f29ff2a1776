import type { IrEntity, IrOperation, IrProject, IrViewerList } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { factoryName, jsonId } from './factories';
import { dict, listCount, listItems, paged, pageQuery } from './shape';

type Ctx = { entity: IrEntity; project: IrProject; imports: Imports; tests: string[] };

/** The module-level helper linking rows along one viewer list's path. */
const reachName = (op: IrOperation) => `_reach_${op.handler}`;

/**
 * `_reach(chain)`: links `chain[i]` to `chain[i + 1]` along the list's hops, straight in the database (a
 * foreign key set, or a row added to a to-many collection once), so the tests depend on no other endpoint.
 */
function reachHelper(ctx: Ctx, op: IrOperation, list: IrViewerList): string {
  const { imports, project } = ctx;
  const any = imports.from('typing', 'Any');
  const select = imports.from('sqlalchemy', 'select');
  const body: string[] = [`"""Links each row of \`chain\` to the next along ${list.name}'s path."""`];
  body.push(`async with ${imports.from('app.core.db', 'SessionLocal')}() as session:`);
  let from = ctx.entity;
  list.hops.forEach((hop, i) => {
    const source = imports.from(`app.models.${from.module}`, from.className);
    const to = project.entityById.get(hop.targetId) as IrEntity;
    const target = () => imports.from(`app.models.${to.module}`, to.className);
    const load = hop.fkColumn
      ? ''
      : `.options(${imports.from('sqlalchemy.orm', 'selectinload')}(${source}.${hop.attr}))`;
    const row = (model: string, k: number) =>
      `(await session.execute(${select}(${model}).where(${model}.id == chain[${k}].id)${k === i ? load : ''})).scalar_one()`;
    body.push(`    # ${from.className}.${hop.attr}`, `    source_${i} = ${row(source, i)}`);
    if (hop.fkColumn) body.push(`    source_${i}.${hop.fkColumn} = chain[${i + 1}].id`);
    else if (hop.many) {
      body.push(
        `    target_${i} = ${row(target(), i + 1)}`,
        `    if target_${i} not in source_${i}.${hop.attr}:`,
        `        source_${i}.${hop.attr}.append(target_${i})`,
      );
    } else body.push(`    source_${i}.${hop.attr} = ${row(target(), i + 1)}`);
    body.push('    await session.flush()');
    from = to;
  });
  body.push('    await session.commit()');
  return `async def ${reachName(op)}(chain: list[${any}]) -> None:\n${indent(body.join('\n'))}`;
}

function test(ctx: Ctx, name: string, body: string[]): void {
  const tc = ctx.imports.from('fastapi.testclient', 'TestClient');
  ctx.tests.push(`def test_${name}(client: ${tc}) -> None:\n${indent(body.join('\n'))}`);
}

/** `create_<entity>` for a row of the list (public when the entity has public rows) or for a hop's row. */
function create(ctx: Ctx, entity: IrEntity, hidden = false, owner: string | null = null): string {
  const run = ctx.imports.from('tests.utils', 'run');
  const factory = ctx.imports.from('tests.factories', factoryName(entity));
  const flag = entity.resource.publicRows
    ? `, ${entity.resource.publicRows.name}=${hidden ? 'False' : 'True'}`
    : '';
  return `${run}(client, ${factory}${flag}${owner ? `, owned_by=${owner}` : ''})`;
}

/** The rows between a list's row and the viewer, one per hop but the last (their names as a list). */
function middles(ctx: Ctx, list: IrViewerList, name: string): string[] {
  return list.hops.slice(0, -1).map((hop, i) => {
    const entity = ctx.project.entityById.get(hop.targetId) as IrEntity;
    return `${name}_${i} = ${create(ctx, entity)}`;
  });
}

const chainOf = (list: IrViewerList, row: string, mids: string, user: string) =>
  `[${[row, ...list.hops.slice(0, -1).map((_, i) => `${mids}_${i}`), user].join(', ')}]`;

/**
 * Behaviour of one viewer list: two callers reached by different rows see exactly theirs (a row reaching no
 * one is in neither), paging and the count, rows hidden from the caller stay out, and anonymous callers get 401.
 */
function listTests(ctx: Ctx, op: IrOperation, list: IrViewerList): void {
  const { entity, imports } = ctx;
  const run = imports.from('tests.utils', 'run');
  const signIn = imports.from('tests.utils', 'sign_in');
  const REACH = reachName(op);
  // Owner-only rows are made the caller's own (a stray one too: owning a row does not put it in the list).
  const owner = (user: string) => (list.list.access.kind === 'owner' && !entity.isUser ? user : null);
  const ownHops = entity.resource.ownership?.hops.map((h) => h.attr).join('.');
  const ownPath = ownHops === list.hops.map((h) => h.attr).join('.');
  const path = pyStr(op.path);
  const id = pyStr(wireName(entity, 'id'));
  const ids = (response: string) => `{item[${id}] for item in ${listItems(entity, `${response}.json()`)}}`;
  const setup = [
    `viewer, headers = ${signIn}(client)`,
    `other, other_headers = ${signIn}(client)`,
    ...middles(ctx, list, 'mine'),
    ...middles(ctx, list, 'theirs'),
    `mine = [${create(ctx, entity, false, owner('viewer'))} for _ in range(2)]`,
    `theirs = ${create(ctx, entity, false, owner('other'))}`,
    'for row in mine:',
    `    ${run}(client, ${REACH}, chain=${chainOf(list, 'row', 'mine', 'viewer')})`,
    `${run}(client, ${REACH}, chain=${chainOf(list, 'theirs', 'theirs', 'other')})`,
  ];
  test(ctx, `${op.handler}_holds_exactly_the_rows_reaching_the_caller`, [
    ...setup,
    // A row that reaches no one is in no list.
    `stray = ${create(ctx, entity, false, ownPath ? null : owner('viewer'))}`,
    `response = client.get(${path}, headers=headers)`,
    'assert response.status_code == 200, response.text',
    `assert ${ids('response')} == {${jsonId(entity, 'row.id')} for row in mine}`,
    `response = client.get(${path}, headers=other_headers)`,
    'assert response.status_code == 200, response.text',
    `assert ${ids('response')} == {${jsonId(entity, 'theirs.id')}}`,
    `assert ${jsonId(entity, 'stray.id')} not in ${ids('response')}`,
  ]);
  const count = listCount(entity, 'page');
  if (paged(entity)) {
    const first = dict(pageQuery(entity, '1', '0'));
    const second = dict(pageQuery(entity, '1', '1'));
    test(ctx, `${op.handler}_pages`, [
      ...setup,
      `page = client.get(${path}, params=${first}, headers=headers).json()`,
      `rest = client.get(${path}, params=${second}, headers=headers).json()`,
      `assert len(${listItems(entity, 'page')}) == 1`,
      `assert len(${listItems(entity, 'rest')}) == 1`,
      ...(count ? [`assert ${count} == 2`] : []),
      `assert ${listItems(entity, 'page')}[0][${id}] != ${listItems(entity, 'rest')}[0][${id}]`,
    ]);
  }
  if (paged(entity)) {
    // One statement for the page, one for the count, one per embed: never one per row.
    const event = imports.from('sqlalchemy', 'event');
    const engine = imports.from('app.core.db', 'engine');
    const any = imports.from('typing', 'Any');
    test(ctx, `${op.handler}_statements_do_not_grow_with_the_page`, [
      ...setup,
      'statements: list[str] = []',
      '',
      `def count(*args: ${any}) -> None:`,
      '    statements.append(str(args[2]))',
      '',
      `${event}.listen(${engine}.sync_engine, "before_cursor_execute", count)`,
      'try:',
      `    client.get(${path}, params=${dict(pageQuery(entity, '1', '0'))}, headers=headers)`,
      '    one = len(statements)',
      '    statements.clear()',
      `    client.get(${path}, params=${dict(pageQuery(entity, '2', '0'))}, headers=headers)`,
      '    two = len(statements)',
      'finally:',
      `    ${event}.remove(${engine}.sync_engine, "before_cursor_execute", count)`,
      'assert one == two, statements',
    ]);
  }
  const flag = entity.resource.publicRows;
  const ownedByViewer = list.hops.length === 1 && entity.resource.owner?.attr === list.hops[0]?.attr;
  if (flag && entity.resource.ownership && !ownedByViewer) {
    test(ctx, `${op.handler}_leaves_out_rows_hidden_from_the_caller`, [
      `viewer, headers = ${signIn}(client)`,
      ...middles(ctx, list, 'mine'),
      `hidden = ${create(ctx, entity, true)}`,
      `${run}(client, ${REACH}, chain=${chainOf(list, 'hidden', 'mine', 'viewer')})`,
      `response = client.get(${path}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      `assert ${ids('response')} == set()`,
    ]);
  }
  if (owner('viewer') && !ownPath) {
    test(ctx, `${op.handler}_leaves_out_rows_of_other_owners`, [
      `viewer, headers = ${signIn}(client)`,
      `other, _ = ${signIn}(client)`,
      ...middles(ctx, list, 'mine'),
      `foreign = ${create(ctx, entity, false, 'other')}`,
      `${run}(client, ${REACH}, chain=${chainOf(list, 'foreign', 'mine', 'viewer')})`,
      `response = client.get(${path}, headers=headers)`,
      'assert response.status_code == 200, response.text',
      `assert ${ids('response')} == set()`,
    ]);
  }
  test(ctx, `${op.handler}_needs_sign_in`, [
    `response = client.get(${path})`,
    'assert response.status_code == 401, response.text',
  ]);
}

/** `tests/test_<resource>_viewer_lists.py`, or null when the entity has no viewer list. */
export function emitViewerListTests(entity: IrEntity, project: IrProject): string | null {
  const lists = entity.resource.viewerLists ?? [];
  if (lists.length === 0 || !project.auth) return null;
  const ops = entity.operations.filter((op) => op.kind === 'viewer_list');
  const imports = new Imports(ops.map(reachName));
  const ctx: Ctx = { entity, project, imports, tests: [] };
  const helpers: string[] = [];
  for (const op of ops) {
    const list = lists.find((l) => l.id === op.viewerListId);
    if (!list) continue;
    helpers.push(reachHelper(ctx, op, list));
    listTests(ctx, op, list);
  }
  if (ctx.tests.length === 0) return null;
  return module(
    imports.render(),
    [...helpers, ...ctx.tests],
    `"""Viewer lists of ${entity.className}: exactly the rows that reach the caller."""`,
  );
}
