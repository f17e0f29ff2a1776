import type { IrEntity, IrNesting, IrOperation, IrProject } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { ownerCondition, readableConditions, type ScopeNames } from './access';
import { entityPkType } from './columns';
import { userModel } from './handler';
import { pyValueType } from './types';
import { lookupCondition } from './viewer-lists';

/** What the nesting code of a resource router needs from routes.ts. */
export type NestCtx = {
  entity: IrEntity;
  project: IrProject;
  imports: Imports;
  /** Scope names with the caller bound to `user` (null: none). */
  names: (user: string | null) => ScopeNames;
};

/** The module-level name of the helper (kept out of the parameters' way by `routeModuleNames`). */
export const PARENT_HELPER = '_parent_id';

const parentOf = (ctx: NestCtx): { nesting: IrNesting; parent: IrEntity } | null => {
  const nesting = ctx.entity.resource.parent;
  if (!nesting) return null;
  return { nesting, parent: ctx.project.entityById.get(nesting.parentId) as IrEntity };
};

/** Whether the parent's readability depends on the caller (public rows, owner-only reads). */
function callerMatters(ctx: NestCtx, parent: IrEntity): boolean {
  return readableConditions(parent, ctx.names('current_user')).length > 0;
}

const parentOwned = (ctx: NestCtx) => ctx.entity.operations.some((op) => op.access?.kind === 'parent-owner');

/**
 * `_parent_id(session, <lookup>[, current_user][, owner=...])`: the id of the parent row the path names when
 * the caller may read it, else 404 (before anything of the child is looked at); with `owner`, a 403 unless that
 * user owns the parent (rules `owner of: parent`).
 */
export function parentHelper(ctx: NestCtx): string {
  const found = parentOf(ctx);
  if (!found) return '';
  const { nesting, parent } = found;
  const { imports } = ctx;
  const select = imports.from('sqlalchemy', 'select');
  const session = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const http = imports.from('fastapi', 'HTTPException');
  const names = ctx.names;
  const model = names(null).model(parent.id);
  const valueType = nesting.field
    ? pyValueType(nesting.field, imports, 'model')
    : entityPkType(parent, imports);
  const pk = entityPkType(parent, imports);
  const user = userModel(ctx.project, imports);
  const withCaller = ctx.project.auth !== null && callerMatters(ctx, parent);
  const owned = ctx.project.auth !== null && parentOwned(ctx);
  const params = [`session: ${session}`, `value: ${valueType}`];
  if (withCaller) params.push(`current_user: ${user()} | None`);
  if (owned) params.push(`owner: ${user()} | None = None`);
  const lookup = lookupCondition(parent, model, (id) => names(null).model(id), 'value');
  const where = (conditions: string[]) => [lookup, ...conditions].join(', ');
  const anyone = readableConditions(parent, names(null));
  const body: string[] = [
    `"""The id of the ${parent.className} the path names, if the caller may read it; else 404."""`,
  ];
  if (withCaller) {
    const mine = readableConditions(parent, names('current_user'));
    body.push(
      'if current_user is None:',
      `    statement = ${select}(${model}.id).where(${where(anyone)})`,
      'else:',
      `    statement = ${select}(${model}.id).where(${where(mine)})`,
    );
  } else {
    body.push(`statement = ${select}(${model}.id).where(${where(anyone)})`);
  }
  body.push(
    'found = (await session.execute(statement)).scalar_one_or_none()',
    'if found is None:',
    `    raise ${http}(status_code=404, detail=${pyStr(`${parent.className} not found`)})`,
  );
  if (owned) {
    const own = ownerCondition(parent, names('owner')) ?? `${names(null).false()}()`;
    body.push(
      'if owner is not None:',
      `    mine = ${select}(${model}.id).where(${model}.id == found, ${own})`,
      '    if (await session.execute(mine)).first() is None:',
      `        raise ${http}(`,
      '            status_code=403,',
      `            detail=${pyStr(`Only the owner of the ${parent.className} may do this`)},`,
      '        )',
    );
  }
  body.push('return found');
  return [
    `async def ${PARENT_HELPER}(`,
    ...params.map((p) => `    ${p},`),
    `) -> ${pk}:`,
    ...body.map((l) => `    ${l}`),
  ].join('\n');
}

/** `await _parent_id(...)` for one operation, or null when the resource is not nested. */
export function parentCall(ctx: NestCtx, op: IrOperation, caller: string | null): string | null {
  const found = parentOf(ctx);
  if (!found) return null;
  const { nesting, parent } = found;
  const param = op.params.find((p) => p.wire === nesting.param)?.name ?? nesting.param;
  const args = ['session', param];
  if (ctx.project.auth !== null && callerMatters(ctx, parent)) args.push(caller ?? 'None');
  if (op.access?.kind === 'parent-owner' && caller) args.push(`owner=${caller}`);
  return `await ${PARENT_HELPER}(${args.join(', ')})`;
}

/** The child's condition "belongs to the parent the path names" (404 first when there is none). */
export function parentWhere(
  ctx: NestCtx,
  op: IrOperation,
  model: string,
  caller: string | null,
): string | null {
  const call = parentCall(ctx, op, caller);
  const nesting = ctx.entity.resource.parent;
  return call && nesting ? `${model}.${nesting.fk.column} == ${call}` : null;
}

/**
 * README lines of the security model for nested resources, parent-owner rules and viewers (empty when the
 * project has none, so other projects' READMEs are unchanged).
 */
export function shapeSecurityNotes(project: IrProject): string {
  const ops = project.operations;
  const lines: string[] = [];
  if (project.entities.some((e) => e.resource.parent)) {
    lines.push(
      `- **Nested resources** (\`${project.entities.find((e) => e.resource.parent)?.resource.path}\`): a parent that is
  missing or that the caller may not read is a **404** before anything else; the parent comes from the path
  (a body naming it is a 422), and a row of another parent is a 404.`,
    );
  }
  if (ops.some((op) => op.access?.kind === 'parent-owner')) {
    lines.push(
      `- **Owner of the parent**: only the owner of the parent row may (401 without a token, 404 without the
  parent, **403** for anyone else), on any row under that parent, whoever created it.`,
    );
  }
  if (ops.some((op) => op.access?.kind === 'public' && op.access.viewer)) {
    lines.push(
      `- **Viewers**: public operations that know their viewer serve anonymous callers; a valid token identifies
  the caller, an invalid or expired one is a **401** (OpenAPI declares the token optional: \`[{...}, {}]\`).`,
    );
  }
  const viewerList = ops.find((op) => op.kind === 'viewer_list');
  if (viewerList) {
    lines.push(
      `- **Viewer lists** (\`${viewerList.path}\`): signed-in callers only (**401** otherwise); exactly the rows that
  reach the caller along the list's relations, under the same row rules as the resource's list.`,
    );
  }
  return lines.map((l) => `${l}\n`).join('');
}
