import { snakeCase, uniqueName } from '@/lib/design/names';
import type { Entity, Relation } from '@/lib/design/schema';
import { toAccess } from './access';
import { withArticle } from './article';
import { errorsOf, handlerScope, itemPathParams, itemResponse } from './operations';
import { objectResponse } from './shape';
import type {
  IrAccess,
  IrAction,
  IrActionSet,
  IrAssociation,
  IrEntity,
  IrLinkStore,
  IrOperation,
  IrParam,
  IrView,
} from './types';
import { pickedView } from './views';

/**
 * The actions of a resource (`Resource.actions`) resolved against the IR: where each link is stored and what
 * each set action writes. Actions whose references do not resolve are left out (validation reports them).
 */
export function planActions(
  entity: Entity,
  ir: IrEntity,
  relationsById: ReadonlyMap<string, Relation>,
  entityById: ReadonlyMap<string, IrEntity>,
  associations: readonly IrAssociation[],
  userId: string | null,
): IrAction[] {
  return (entity.resource.actions ?? []).flatMap((action): IrAction[] => {
    const base = {
      id: action.id,
      name: action.name,
      access: toAccess(action.access),
      view: pickedView(ir, action.viewId, answerView(ir, toAccess(action.access))),
      summary: action.summary?.trim() || null,
    };
    if (action.kind === 'set') {
      const sets = action.sets.flatMap((s): IrActionSet[] => {
        const field = ir.fieldById.get(s.fieldId);
        if (s.value.kind === 'viewer') {
          const fk = ir.fks.find((f) => f.relationId === s.fieldId && f.targetId === userId);
          return fk ? [{ kind: 'viewer', column: fk.column }] : [];
        }
        if (!field) return [];
        return s.value.kind === 'now'
          ? [{ kind: 'now', column: field.name, field }]
          : [{ kind: 'literal', column: field.name, field, value: s.value.value }];
      });
      const method = action.method.toLowerCase() as 'post' | 'put' | 'patch';
      return sets.length > 0 ? [{ kind: 'set', ...base, method, sets }] : [];
    }
    const relation = relationsById.get(action.relationId);
    if (relation?.kind !== 'many-to-many') return [];
    const fromSide = linkSide(action, relation, entity.id) === 'field';
    const otherId = fromSide ? relation.toEntityId : relation.fromEntityId;
    if (action.target === 'viewer' && otherId !== userId) return [];
    const store = linkStore(relation, fromSide, entityById, associations);
    return store && entityById.has(otherId)
      ? [{ kind: 'link', ...base, otherId, target: action.target, store }]
      : [];
  });
}

/**
 * The resource's get response, except that an action open to more than the row's owner (or a role) never answers
 * with owner-only fields: a get limited to owners (or switched off) answers the full response, the action must not.
 */
function answerView(ir: IrEntity, access: IrAccess): IrView {
  const get = ir.resource.views.get;
  const open = access.kind === 'public' || access.kind === 'authenticated';
  return open && get === 'full' ? 'public' : get;
}

/** The end of `relation` the acting row is on: the action's `side`, else the end this entity is. */
export function linkSide(
  action: { side?: 'field' | 'backref' },
  relation: Relation,
  entityId: string,
): 'field' | 'backref' {
  return action.side ?? (relation.fromEntityId === entityId ? 'field' : 'backref');
}

function linkStore(
  relation: Relation,
  fromSide: boolean,
  entityById: ReadonlyMap<string, IrEntity>,
  associations: readonly IrAssociation[],
): IrLinkStore | null {
  if (relation.throughEntityId !== undefined) {
    const through = entityById.get(relation.throughEntityId);
    if (!through) return null;
    // The through entity's many-to-one FKs to each end, as the relation plan pairs them (`planRelations`).
    const left = through.fks.find((fk) => fk.targetId === relation.fromEntityId);
    const right = through.fks.find((fk) => fk.targetId === relation.toEntityId && fk !== left);
    if (!left || !right) return null;
    const [row, other] = fromSide ? [left, right] : [right, left];
    return { kind: 'through', entityId: through.id, rowColumn: row.column, otherColumn: other.column };
  }
  const table = associations.find((a) => a.relationId === relation.id);
  if (!table) return null;
  const [row, other] = fromSide ? [table.left, table.right] : [table.right, table.left];
  return { kind: 'table', table: table.table, rowColumn: row.column, otherColumn: other.column };
}

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** What a set action writes, for its docstring. */
function setText(set: IrActionSet): string {
  if (set.kind === 'viewer') return 'the caller';
  if (set.kind === 'now') return 'now';
  return JSON.stringify(set.value);
}

/** `favorite` -> `favorite_article` / `unfavorite_article`; numbered when a handler of the router has it. */
function handlerNames(entity: IrEntity, action: IrAction, taken: Set<string>): string[] {
  const stem = snakeCase(action.name) || 'action';
  const own = `${stem}_${entity.varName}`;
  const wanted = action.kind === 'link' ? [own, `un${own}`] : [own];
  return wanted.map((name) => {
    const unique = uniqueName(name, taken);
    taken.add(unique);
    return unique;
  });
}

/**
 * The operations of an entity's actions, after its CRUD operations (`crud`, whose handler names they keep
 * clear of): `POST`/`DELETE {item}/{name}[/{other}]` for links, `{method} {item}/{name}` for set actions.
 */
export function actionOperations(
  entity: IrEntity,
  crud: readonly IrOperation[],
  entityById: ReadonlyMap<string, IrEntity>,
): IrOperation[] {
  const r = entity.resource;
  const taken = new Set(crud.map((op) => op.handler));
  const { parentParams, lookup } = itemPathParams(entity);
  const by = r.lookup.field ? r.lookup.field.name : 'id';
  return r.actions.flatMap((action): IrOperation[] => {
    const scope = handlerScope('action', action.access, false);
    for (const p of [...parentParams, lookup]) scope.fixed(p.name);
    const itemPath = `/{${r.lookup.param}}/${action.name}`;
    const response = objectResponse(entity, itemResponse(entity, action.view));
    const base = {
      tag: r.tag,
      summary: action.summary,
      entityId: entity.id,
      customId: null,
      actionId: action.id,
      operationId: '',
      access: action.access,
      body: null,
      response,
      status: 200,
      locals: scope.registered(),
    };
    const mine = action.access.kind === 'owner' && r.owner !== null ? ' of the caller' : '';
    const row = `${withArticle(entity.className)}${mine} by ${by}`;
    if (action.kind === 'set') {
      const [handler] = handlerNames(entity, action, taken) as [string];
      const what = listed(action.sets.map((s) => `\`${s.column}\` to ${setText(s)}`));
      return [
        {
          kind: 'set_fields',
          ...base,
          method: action.method,
          path: `${r.path}${itemPath}`,
          route: itemPath,
          handler,
          description: `Sets ${what} on ${row}, and answers it; 404 when there is none.`,
          params: [...parentParams, lookup],
          errors: errorsOf(action.access, [404, 409], true),
        },
      ];
    }
    const other = entityById.get(action.otherId) as IrEntity;
    const otherParams: IrParam[] = [];
    let route = itemPath;
    if (action.target === 'row') {
      const wanted = other.resource.lookup.param;
      const name = scope.param(wanted, (n) => `other_${n}`);
      otherParams.push({
        name,
        wire: name,
        in: 'path',
        required: true,
        source: { kind: 'lookup', entityId: other.id, field: other.resource.lookup.field },
      });
      route = `${itemPath}/{${name}}`;
    }
    const [add, remove] = handlerNames(entity, action, taken) as [string, string];
    const whom =
      action.target === 'viewer'
        ? 'the caller'
        : `the ${other.className} the path names (404 when there is none or it is not readable)`;
    const params = [...parentParams, lookup, ...otherParams];
    const ops: IrOperation[] = [
      {
        kind: 'link_add',
        ...base,
        method: 'post',
        path: `${r.path}${route}`,
        route,
        handler: add,
        description: `Links ${whom} to ${row} and answers it; adding an existing link changes nothing. 404 when there is none.`,
        params,
        errors: errorsOf(action.access, [404, 409], true),
      },
      {
        kind: 'link_remove',
        ...base,
        method: 'delete',
        path: `${r.path}${route}`,
        route,
        handler: remove,
        description: `Unlinks ${whom} from ${row} and answers it; removing a missing link changes nothing. 404 when there is none.`,
        params,
        errors: errorsOf(action.access, [404], true),
      },
    ];
    return ops;
  });
}
