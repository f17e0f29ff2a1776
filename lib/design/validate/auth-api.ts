import type { Context } from './context';
import { authRoutes, fixedRouteReason } from './routes';

/** A path of fixed segments: `/users/login` (no parameters, no trailing slash, URL-safe characters). */
const FIXED_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;
/** RFC 9110 `token`: what an auth scheme and a header name are made of. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers a client or proxy sets for its own purposes: a token there would be lost or leak. */
const RESERVED_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'authorization',
  'connection',
  'content-length',
  'content-type',
  'cookie',
  'expect',
  'forwarded',
  'host',
  'keep-alive',
  'origin',
  'proxy-authorization',
  'referer',
  'set-cookie',
  'te',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'www-authenticate',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

/** Why a header cannot carry the token, or null. */
export function tokenHeaderProblem(header: string): string | null {
  if (!HTTP_TOKEN.test(header))
    return `'${header}' is not a valid HTTP header name (letters, digits and - only).`;
  const lower = header.toLowerCase();
  if (lower === 'authorization') return 'For the Authorization header choose Bearer or a prefix instead.';
  if (RESERVED_HEADERS.has(lower) || lower.startsWith('sec-') || lower.startsWith('proxy-'))
    return `'${header}' is reserved for HTTP itself: choose a header of your own, e.g. X-API-Key.`;
  return null;
}

/** Why a prefix cannot start `Authorization: <prefix> <token>`, or null. */
export function tokenPrefixProblem(prefix: string): string | null {
  if (prefix === '') return 'The prefix is empty.';
  if (/\s/.test(prefix)) return 'The prefix must be one word, without spaces.';
  if (!HTTP_TOKEN.test(prefix))
    return `'${prefix}' is not a valid HTTP auth scheme (letters, digits, - . _ ~).`;
  return null;
}

/** The auth API's paths, scheme and token field (`Auth.api`). */
export function checkAuthApi(ctx: Context): void {
  const { report, design } = ctx;
  const auth = design.auth;
  if (!auth) return;
  const api = auth.api;
  const userId = auth.userEntityId;
  const invalid = new Set<string>();
  for (const key of ['registerPath', 'loginPath', 'mePath'] as const) {
    if (!FIXED_PATH.test(api[key])) {
      invalid.add(key);
      report(
        'invalid-auth-path',
        `auth.api.${key}`,
        `'${api[key]}' is not a valid path: start with / and use letters, digits and - . _ ~ (no parameters, no trailing slash).`,
        userId,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const route of authRoutes(design)) {
    if (invalid.has(route.key)) continue;
    const key = `${route.method} ${route.path}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report(
        'duplicate-route',
        `auth.api.${route.key}`,
        `${key} is both ${earlier} and ${route.what}.`,
        userId,
      );
      continue;
    }
    seen.set(key, route.what);
    const fixed = fixedRouteReason(route.method, route.path);
    if (fixed)
      report('reserved-route', `auth.api.${route.key}`, `${key} cannot be ${route.what}: ${fixed}.`, userId);
  }
  const scheme = api.scheme;
  const schemeProblem =
    scheme.kind === 'prefix'
      ? tokenPrefixProblem(scheme.prefix)
      : scheme.kind === 'header'
        ? tokenHeaderProblem(scheme.header)
        : null;
  if (schemeProblem) report('invalid-token-scheme', `auth.api.scheme.${scheme.kind}`, schemeProblem, userId);
  if (api.tokenIn === 'user') {
    const user = design.entities.find((e) => e.id === userId);
    const clash = user?.fields.find((f) => (f.apiName ?? f.name) === 'token');
    if (clash) {
      report(
        'token-field-clash',
        'auth.api.tokenIn',
        `'${user?.name}' has a field named 'token': the answered user could not also carry the access token. Rename the field or answer a token object.`,
        clash.id,
      );
    }
  }
}
