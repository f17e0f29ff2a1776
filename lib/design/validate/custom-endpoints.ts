import { PYTHON_KEYWORDS } from '../names';
import { checkAccess } from './access';
import type { Context } from './context';
import { checkCustomQuery } from './custom-query';
import { crudRoutes, servedResourcePath } from './nesting';
import { reservedRouteReason } from './routes';

const ENDPOINT_PATH = /^(\/([A-Za-z0-9._~-]+|\{[a-z_][a-z0-9_]*\}))+$/;

/** Route shape for clash detection: parameter names do not matter (`/posts/{id}` = `/posts/{slug}`). */
function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

export function checkCustomEndpoints(ctx: Context): void {
  const { report, design } = ctx;
  const routes = new Map<string, string>();
  // Nested resources are served under their parent's item path: custom routes clash with that.
  for (const entity of design.entities)
    for (const route of crudRoutes(ctx, entity)) routes.set(routeKey(route.method, route.path), route.what);
  design.customEndpoints.forEach((endpoint, i) => {
    const path = `customEndpoints[${i}]`;
    const id = endpoint.id;
    const label = `Endpoint ${endpoint.method} ${endpoint.path}`;
    const entity = endpoint.entityId === undefined ? undefined : ctx.entities.get(endpoint.entityId);
    if (endpoint.entityId !== undefined && !entity) {
      report(
        'unknown-entity',
        `${path}.entityId`,
        `${label} belongs to an entity that no longer exists.`,
        id,
      );
    }
    for (const key of ['request', 'response'] as const) {
      const ref = endpoint[key];
      if (ref && !ctx.entities.has(ref.entityId)) {
        report(
          'unknown-entity',
          `${path}.${key}.entityId`,
          `${label}: its ${key} uses an entity that no longer exists.`,
          id,
        );
      }
    }
    const relativeOk = entity !== undefined && endpoint.path === '';
    if (!relativeOk && !ENDPOINT_PATH.test(endpoint.path)) {
      report(
        'invalid-path',
        `${path}.path`,
        `${label}: the path must start with '/' and use segments like '/publish' or '/{slug}'.`,
        id,
      );
    }
    if (endpoint.request && (endpoint.method === 'GET' || endpoint.method === 'DELETE')) {
      report(
        'request-body-not-allowed',
        `${path}.request`,
        `${label}: ${endpoint.method} requests have no body.`,
        id,
      );
    }
    checkAccess(
      ctx,
      endpoint.access,
      `${path}.access`,
      label,
      id,
      entity?.resource.ownerRelationId !== undefined,
    );
    if (endpoint.access.kind === 'owner' && endpoint.access.of === 'parent') {
      report(
        'parent-owner-without-parent',
        `${path}.access`,
        `${label}: "owner of the parent" applies to a nested resource's own operations, not to custom endpoints.`,
        id,
      );
    }
    for (const match of endpoint.path.matchAll(/\{([^}]*)\}/g)) {
      const name = match[1] as string;
      if (PYTHON_KEYWORDS.has(name)) {
        report(
          'keyword-path-param',
          `${path}.path`,
          `${label}: the path parameter '{${name}}' is a Python keyword and cannot be a handler argument. Rename it, e.g. '{${name}_id}'.`,
          id,
        );
      }
    }
    const full = entity ? `${servedResourcePath(ctx, entity)}${endpoint.path}` : endpoint.path;
    checkCustomQuery(ctx, endpoint, path, label, full);
    const reserved = reservedRouteReason(design, endpoint.method, full);
    if (reserved) {
      report('reserved-route', `${path}.path`, `${endpoint.method} ${full} cannot be used: ${reserved}.`, id);
    }
    const key = routeKey(endpoint.method, full);
    const other = routes.get(key);
    if (other)
      report('duplicate-route', `${path}.path`, `${endpoint.method} ${full} clashes with ${other}.`, id);
    else routes.set(key, `custom endpoint ${endpoint.method} ${full}`);
  });
}
