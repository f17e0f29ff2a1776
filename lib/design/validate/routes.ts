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

const AUTH_ROUTES: ReadonlyArray<readonly [method: string, path: string, what: string]> = [
  ['POST', '/auth/register', 'registration'],
  ['POST', '/auth/login', 'sign-in'],
  ['POST', '/auth/login/json', 'sign-in'],
  ['GET', '/auth/me', 'the current user endpoint'],
];

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
  for (const [m, fixed, what] of [...FIXED_ROUTES, ...(design.auth ? AUTH_ROUTES : [])]) {
    if (m === method && routesTo(path, fixed)) return `it would take over ${m} ${fixed} (${what})`;
  }
  return null;
}
