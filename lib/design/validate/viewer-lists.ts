import { type Entity, PRIMARY_KEY_REF, type RelationHop } from '../schema';
import type { Context } from './context';
import { servedResourcePath } from './nesting';
import { authRoutes, reservedRouteReason } from './routes';

/** A viewer list's name is one path segment after the resource (or me) path. */
const SEGMENT = /^[a-z][a-z0-9_-]*$/;

const segments = (path: string) => path.split('/').filter((s) => s !== '');
/** True when a request to the concrete `path` would be routed to `pattern` (`{x}` matches any one segment). */
function routesTo(pattern: string, path: string): boolean {
  const p = segments(pattern);
  const c = segments(path);
  return p.length === c.length && p.every((s, i) => s === c[i] || (s.startsWith('{') && s.endsWith('}')));
}

/**
 * Where a hop from `at` leads: the other end of its relation, leaving from the end `side` names (required on a
 * self-relation). A message when the hop does not start at `at`.
 */
export function hopTarget(
  ctx: Context,
  hop: RelationHop,
  at: Entity,
): { to: Entity } | { problem: 'unknown-relation' | 'invalid-viewer-list'; message: string } {
  const relation = ctx.relations.get(hop.relationId);
  if (!relation) return { problem: 'unknown-relation', message: 'uses a relation that no longer exists' };
  const self = relation.fromEntityId === relation.toEntityId;
  if (self && hop.side === undefined)
    return {
      problem: 'invalid-viewer-list',
      message: `follows the self-relation '${relation.fieldName}' without saying which side to leave from`,
    };
  const fromField = hop.side === undefined ? relation.fromEntityId === at.id : hop.side === 'field';
  const start = fromField ? relation.fromEntityId : relation.toEntityId;
  const end = fromField ? relation.toEntityId : relation.fromEntityId;
  const to = ctx.entities.get(end);
  if (start !== at.id || !to)
    return {
      problem: 'invalid-viewer-list',
      message: `follows '${relation.fieldName}', which does not start at '${at.name}' (the hops must connect)`,
    };
  return { to };
}

/**
 * Viewer lists (`Resource.viewerLists`): the design has auth, the hops connect from the entity and end at the
 * auth user entity, the name is a path segment whose route no other route takes (other viewer lists, custom
 * endpoints, resource paths, the auth routes), the view is one of the entity's without owner-only fields.
 * Nested resources have none (their lists live under a parent row).
 */
export function checkViewerLists(ctx: Context): void {
  const { design, report } = ctx;
  const taken = new Map<string, string>();
  for (const entity of design.entities) {
    if (entity.resource.operations.list.enabled)
      taken.set(servedResourcePath(ctx, entity), `the list of '${entity.name}'`);
  }
  for (const route of authRoutes(design)) if (route.method === 'GET') taken.set(route.path, route.what);
  design.entities.forEach((entity, i) => {
    (entity.resource.viewerLists ?? []).forEach((list, k) => {
      const at = `entities[${i}].resource.viewerLists[${k}]`;
      const label = `Viewer list '${list.name}' of '${entity.name}'`;
      const id = entity.id;
      if (!design.auth) {
        report(
          'auth-required',
          at,
          `${label} lists the signed-in user's rows: turn on authentication first.`,
          id,
        );
        return;
      }
      if (entity.resource.parentRelationId !== undefined) {
        report('invalid-viewer-list', at, `${label}: nested resources cannot have viewer lists.`, id);
        return;
      }
      if (!SEGMENT.test(list.name)) {
        report(
          'invalid-name',
          `${at}.name`,
          `${label}: the name is a path segment: lower-case letters, digits, '-' and '_' (e.g. 'feed').`,
          id,
        );
      }
      checkPath(ctx, entity, list.path, at, label);
      if (list.viewId !== undefined) checkView(ctx, entity, list.viewId, `${at}.viewId`, label);
      const path =
        list.mount === 'me'
          ? `${design.auth.api.mePath}/${list.name}`
          : `${servedResourcePath(ctx, entity)}/${list.name}`;
      const reserved = list.mount === 'resource' ? reservedRouteReason(design, 'GET', path) : null;
      if (reserved) {
        report('reserved-route', `${at}.name`, `${label}: GET ${path} cannot be used: ${reserved}.`, id);
        return;
      }
      const custom = design.customEndpoints.find((e) => {
        const owner = e.entityId === undefined ? undefined : ctx.entities.get(e.entityId);
        const full = owner ? `${servedResourcePath(ctx, owner)}${e.path}` : e.path;
        return e.method === 'GET' && routesTo(full, path);
      });
      const other = taken.get(path) ?? (custom ? `custom endpoint GET ${custom.path}` : undefined);
      if (other) report('duplicate-route', `${at}.name`, `${label}: GET ${path} clashes with ${other}.`, id);
      else taken.set(path, `viewer list '${list.name}' of '${entity.name}'`);
    });
  });
}

function checkPath(ctx: Context, entity: Entity, hops: readonly RelationHop[], at: string, label: string) {
  const userId = ctx.design.auth?.userEntityId;
  if (hops.length === 0) {
    ctx.report(
      'invalid-viewer-list',
      `${at}.path`,
      `${label} needs a path of relations to the user.`,
      entity.id,
    );
    return;
  }
  let current = entity;
  for (const [j, hop] of hops.entries()) {
    const next = hopTarget(ctx, hop, current);
    if ('problem' in next) {
      ctx.report(next.problem, `${at}.path[${j}]`, `${label} ${next.message}.`, entity.id);
      return;
    }
    current = next.to;
  }
  if (current.id !== userId) {
    ctx.report(
      'invalid-viewer-list',
      `${at}.path`,
      `${label} ends at '${current.name}': the last relation must lead to the user entity.`,
      entity.id,
    );
  }
}

/** The list's rows are others': its view is one of the entity's, without owner-only fields. */
function checkView(ctx: Context, entity: Entity, viewId: string, where: string, label: string) {
  const view = (entity.views ?? []).find((v) => v.id === viewId);
  if (!view) {
    ctx.report('unknown-view', where, `${label} uses a view that no longer exists.`, entity.id);
    return;
  }
  for (const fieldId of view.fieldIds) {
    if (fieldId === PRIMARY_KEY_REF) continue;
    const found = ctx.fields.get(fieldId);
    if (found?.entity.id === entity.id && found.field.visibility === 'owner') {
      ctx.report(
        'private-field-in-view',
        where,
        `${label} shows others' rows through view '${view.name}', which holds the owner-only field '${found.field.name}'.`,
        entity.id,
      );
    }
  }
}
