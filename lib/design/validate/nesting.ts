import { resourceApiShape } from '../api-shape';
import { resourcePathFor } from '../names';
import { CRUD_OPERATIONS, type Entity } from '../schema';
import type { Context } from './context';

/** The entity a resource nests under (a valid parent relation), or undefined. */
export function nestingParent(ctx: Context, entity: Entity): Entity | undefined {
  const id = entity.resource.parentRelationId;
  const relation = id === undefined ? undefined : ctx.relations.get(id);
  if (relation?.kind !== 'many-to-one' || relation.fromEntityId !== entity.id) return undefined;
  if (relation.toEntityId === entity.id) return undefined;
  return ctx.entities.get(relation.toEntityId);
}

/**
 * The collection path a resource is served at, nested under its parent's item path (`/articles/{}/comments`:
 * parameters are shown as `{}`, since two routes differing only in a parameter's name are the same route).
 */
export function servedResourcePath(ctx: Context, entity: Entity): string {
  const own = entity.resource.path ?? resourcePathFor(entity.name);
  const parent = nestingParent(ctx, entity);
  if (!parent || parent.resource.parentRelationId !== undefined) return own;
  return `${parent.resource.path ?? resourcePathFor(parent.name)}/{}${own}`;
}

/** The CRUD routes a resource serves (enabled operations only; the update verbs it is served with). */
export function crudRoutes(ctx: Context, entity: Entity): { method: string; path: string; what: string }[] {
  const base = servedResourcePath(ctx, entity);
  const ops = entity.resource.operations;
  const verb = resourceApiShape(ctx.design.api, entity).update;
  const update = [...(verb === 'put' ? [] : ['PATCH']), ...(verb === 'patch' ? [] : ['PUT'])];
  const routes: [method: string, path: string, enabled: boolean, name: string][] = [
    ['GET', base, ops.list.enabled, 'list'],
    ['POST', base, ops.create.enabled, 'create'],
    ['GET', `${base}/{}`, ops.get.enabled, 'get'],
    ...update.map((method): [string, string, boolean, string] => [
      method,
      `${base}/{}`,
      ops.update.enabled,
      'update',
    ]),
    ['DELETE', `${base}/{}`, ops.delete.enabled, 'delete'],
  ];
  return routes
    .filter(([, , enabled]) => enabled)
    .map(([method, path, , name]) => ({ method, path, what: `the '${name}' endpoint of '${entity.name}'` }));
}

const owns = (ctx: Context, entity: Entity) =>
  ctx.design.auth?.userEntityId === entity.id ||
  entity.resource.ownerRelationId !== undefined ||
  entity.resource.ownerPath !== undefined;

/**
 * A nested resource: its parent relation is a required many-to-one from it to another entity, the parent is
 * not nested itself (one level; a chain back to the entity is a cycle), and rules `owner of: parent` have a
 * parent that has an owner. `viewer` rules need auth.
 */
export function checkNesting(ctx: Context, entity: Entity, path: string): void {
  const { report } = ctx;
  const id = entity.id;
  const relationId = entity.resource.parentRelationId;
  const where = `${path}.parentRelationId`;
  let parent: Entity | undefined;
  if (relationId !== undefined) {
    const relation = ctx.relations.get(relationId);
    if (!relation) {
      report('unknown-relation', where, `The parent relation of '${entity.name}' no longer exists.`, id);
    } else if (
      relation.kind !== 'many-to-one' ||
      relation.fromEntityId !== id ||
      relation.toEntityId === id
    ) {
      report(
        'invalid-parent-relation',
        where,
        `'${entity.name}' can nest only under a many-to-one relation from '${entity.name}' to another entity ('${relation.fieldName}' is not one).`,
        id,
      );
    } else if (ctx.design.auth?.userEntityId === id) {
      report(
        'invalid-parent-relation',
        where,
        `'${entity.name}' is the user entity: users register without a parent, so it cannot be nested.`,
        id,
      );
    } else if (relation.nullable) {
      report(
        'invalid-parent-relation',
        where,
        `'${entity.name}' nests under '${relation.fieldName}', which is optional: every nested row needs a parent. Make the relation required.`,
        id,
      );
    } else {
      parent = ctx.entities.get(relation.toEntityId);
      const grand = parent ? nestingParent(ctx, parent) : undefined;
      if (parent && grand?.id === id) {
        report(
          'nesting-cycle',
          where,
          `'${entity.name}' and '${parent.name}' are nested under each other. Nest only one of them.`,
          id,
        );
      } else if (parent && parent.resource.parentRelationId !== undefined) {
        report(
          'nesting-too-deep',
          where,
          `'${entity.name}' nests under '${parent.name}', which is nested itself: one level of nesting is supported. Nest '${entity.name}' elsewhere or un-nest '${parent.name}'.`,
          id,
        );
      }
    }
  }
  for (const name of CRUD_OPERATIONS) {
    const op = entity.resource.operations[name];
    if (!op.enabled) continue;
    const rule = op.access;
    const at = `${path}.operations.${name}.access`;
    if (rule.kind === 'owner' && rule.of === 'parent') {
      if (relationId === undefined) {
        report(
          'parent-owner-without-parent',
          at,
          `'${name}' of '${entity.name}' is limited to the parent's owner, but '${entity.name}' is not nested. Choose a parent relation.`,
          id,
        );
      } else if (parent && !owns(ctx, parent)) {
        report(
          'parent-owner-without-parent',
          at,
          `'${name}' of '${entity.name}' is limited to the owner of its '${parent.name}', but '${parent.name}' has no owner. Set its owner relation.`,
          id,
        );
      }
    }
    if (rule.kind === 'public' && rule.viewer && !ctx.design.auth) {
      report(
        'viewer-without-auth',
        at,
        `'${name}' of '${entity.name}' knows its viewer, but authentication is not set up. Configure auth or clear "knows the viewer".`,
        id,
      );
    }
  }
}
