import type { Design } from '../schema';

/**
 * Routes the generated app defines besides the resources and custom endpoints: the health check, FastAPI's
 * docs, and the auth router (all mounted at the root, like every router).
 */
const FIXED_ROUTES: ReadonlyArray<readonly [method: string, path: string, what: string]> = [
  ['GET', '/health', 'the health check'],
  ['GET', '/docs', 'the interactive API docs'],
  ['GET', '/docs/oauth2-redirect', 'the interactive API docs'],
  ['GET', '/redoc', 'the API reference'],
  ['GET', '/openapi.json', 'the OpenAPI document'],
];

/** The auth router's routes at the design's paths (`Auth.api`), each with what it is and its setting. */
export function authRoutes(
  design: Design,
): { method: string; path: string; what: string; key: 'registerPath' | 'loginPath' | 'mePath' }[] {
  const api = design.auth?.api;
  if (!api) return [];
  const login = api.loginPath;
  const routes: ReturnType<typeof authRoutes> = [
    { method: 'POST', path: api.registerPath, what: 'registration', key: 'registerPath' },
  ];
  if (api.login !== 'json')
    routes.push({
      method: 'POST',
      path: api.login === 'form' ? login : `${login}/form`,
      what: 'sign-in',
      key: 'loginPath',
    });
  routes.push(
    {
      method: 'POST',
      path: api.login === 'form' ? `${login}/json` : login,
      what: 'sign-in',
      key: 'loginPath',
    },
    { method: 'GET', path: api.mePath, what: 'the current user endpoint', key: 'mePath' },
  );
  if (api.meUpdate) {
    const verbs = design.api.update === 'both' ? ['PUT', 'PATCH'] : [design.api.update.toUpperCase()];
    for (const method of verbs)
      routes.push({ method, path: api.mePath, what: 'the current user update', key: 'mePath' });
  }
  return routes;
}

/** Routes of the app that are none of the design's own: the health check and FastAPI's docs. */
export function fixedRouteReason(method: string, path: string): string | null {
  for (const [m, fixed, what] of FIXED_ROUTES) {
    if (m === method && (routesTo(path, fixed) || routesTo(fixed, path)))
      return `it would take over ${m} ${fixed} (${what})`;
  }
  return null;
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** True when a request to the concrete `path` would be routed to `pattern` (`{x}` matches any one segment). */
function routesTo(pattern: string, path: string): boolean {
  const p = segments(pattern);
  const c = segments(path);
  return p.length === c.length && p.every((segment, i) => segment === c[i] || isParam(segment));
}

/**
 * Why `method path` cannot be used in the generated app, or null. Everything under `/auth` is reserved for the
 * authentication endpoints (also before auth is configured, so turning it on later breaks nothing); a route whose
 * parameters would capture a fixed route (`GET /{slug}` and `/health`) clashes with it too.
 */
export function reservedRouteReason(design: Design, method: string, path: string): string | null {
  if (segments(path)[0] === 'auth') return `paths under /auth are reserved for authentication`;
  const auth = authRoutes(design).map((r) => [r.method, r.path, r.what] as const);
  for (const [m, fixed, what] of [...FIXED_ROUTES, ...auth]) {
    if (m === method && routesTo(path, fixed)) return `it would take over ${m} ${fixed} (${what})`;
  }
  return null;
}
