import { defaultAuthApi } from '@/lib/design/factories';
import type { Auth, TokenScheme } from '@/lib/design/schema';
import type { Model } from './fields';
import type { ApiOperation } from './operations';
import { escapeToken } from './parse';
import { isObj, type Obj } from './refs';
import type { Reporter } from './report';

/**
 * Security schemes to the design's auth: a bearer token (HTTP bearer, OAuth2 password flow) or an API key
 * header, the auth API's paths (the OAuth2 tokenUrl or a `.../login` POST, a register POST, a `/me`-like GET),
 * and the user entity (the one with a password and a unique login field).
 */

const LOGIN = /\/(login|signin|sign-in|token|sessions?)$/;
const REGISTER = /\/(register|signup|sign-up|registration)$/;
const ME = /^(\/[a-z0-9-]+)*\/(me|user|whoami|current-user|profile)$/i;

export type AuthResult = { auth: Auth | null; ops: Set<ApiOperation> };

function relativePath(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const m = /^(?:[a-z]+:\/\/[^/]+)?(\/[^?#]*)/i.exec(url);
  return m ? m[1] : undefined;
}

/** The operations that are the auth API (found before entities, so their bodies are not taken for entities). */
export function findAuthOperations(
  root: Obj,
  ops: ApiOperation[],
): {
  /** The JSON names the register body sends (filled in once the components are read). */
  registerProperties?: string[];
  login?: ApiOperation;
  loginJson?: ApiOperation;
  register?: ApiOperation;
  me: ApiOperation[];
  scheme?: { name: string; scheme: Obj };
} {
  const schemes =
    isObj(root.components) && isObj(root.components.securitySchemes) ? root.components.securitySchemes : {};
  let chosen: { name: string; scheme: Obj } | undefined;
  for (const [name, s] of Object.entries(schemes)) {
    if (!isObj(s)) continue;
    const usable =
      (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') ||
      (s.type === 'oauth2' && isObj(s.flows) && isObj(s.flows.password)) ||
      (s.type === 'apiKey' && s.in === 'header');
    if (usable && !chosen) chosen = { name, scheme: s };
  }
  const tokenUrl =
    chosen && isObj(chosen.scheme.flows) && isObj(chosen.scheme.flows.password)
      ? relativePath(chosen.scheme.flows.password.tokenUrl)
      : undefined;
  const posts = ops.filter((o) => o.method === 'POST');
  const login =
    posts.find((o) => o.path === tokenUrl) ?? posts.find((o) => LOGIN.test(o.path) && !o.path.includes('{'));
  const loginJson = login
    ? posts.find((o) => o.path === `${login.path}/json` || o.path === `${login.path}/form`)
    : undefined;
  let register = posts.find((o) => REGISTER.test(o.path) && !o.path.includes('{'));
  if (!register && login) {
    const parent = login.path.replace(/\/[^/]+$/, '');
    register = posts.find((o) => o.path === parent && parent !== '');
  }
  // Beside the login path first (`/auth/login` and `/auth/me`), then anywhere.
  const loginParent = login ? login.path.replace(/\/[^/]+$/, '') : undefined;
  const meCandidates = ops.filter((o) => o.method === 'GET' && ME.test(o.path) && o.secured);
  const meGet =
    meCandidates.find((o) => loginParent !== undefined && o.path.replace(/\/[^/]+$/, '') === loginParent) ??
    meCandidates[0];
  const me = meGet
    ? ops.filter((o) => o.path === meGet.path && ['GET', 'PUT', 'PATCH'].includes(o.method))
    : [];
  return {
    ...(login ? { login } : {}),
    ...(loginJson ? { loginJson } : {}),
    ...(register ? { register } : {}),
    me,
    ...(chosen ? { scheme: chosen } : {}),
  };
}

export function buildAuth(
  found: ReturnType<typeof findAuthOperations>,
  model: Model,
  entityOfSchema: (name: string | undefined) => string | undefined,
  report: Reporter,
): AuthResult {
  const used = new Set<ApiOperation>();
  if (!found.scheme) return { auth: null, ops: used };
  const { name, scheme } = found.scheme;
  const pointer = `/components/securitySchemes/${escapeToken(name)}`;
  // The user: an entity with a password field and a unique login field (email or username).
  let best: { entityId: string; login: string; password: string } | undefined;
  for (const d of model.drafts) {
    const password =
      d.entity.fields.find((f) => f.type === 'password') ??
      d.entity.fields.find((f) => f.name === 'password');
    if (!password) continue;
    const login =
      d.entity.fields.find((f) => f.type === 'email') ??
      d.entity.fields.find((f) => f.name === 'email') ??
      d.entity.fields.find((f) => f.name === 'username' || f.name === 'login');
    if (!login) continue;
    if (!best || /user|account|member/i.test(d.entity.name))
      best = { entityId: d.entity.id, login: login.id, password: password.id };
    const pw = password;
    pw.type = 'password';
    pw.writeOnly = true;
    pw.readOnly = false;
    // Every user signs in with one: a password that may be missing would break registration.
    pw.nullable = false;
    delete pw.default;
    login.unique = true;
    login.indexed = true;
    login.nullable = false;
  }
  if (!best) {
    report.approximated(
      `securityScheme ${name}`,
      pointer,
      'No schema has a password and an e-mail or username: no authentication is set up, and secured operations become public.',
    );
    return { auth: null, ops: used };
  }
  let tokenScheme: TokenScheme = { kind: 'bearer' };
  if (scheme.type === 'apiKey') {
    const header = typeof scheme.name === 'string' ? scheme.name : 'Authorization';
    if (header.toLowerCase() === 'authorization') {
      const m = /\b(Token|Bearer|JWT)\s/.exec(
        typeof scheme.description === 'string' ? scheme.description : '',
      );
      tokenScheme = m && m[1] !== 'Bearer' ? { kind: 'prefix', prefix: m[1] as string } : { kind: 'bearer' };
    } else tokenScheme = { kind: 'header', header };
  }
  const api = defaultAuthApi();
  api.scheme = tokenScheme;
  const user = model.drafts.find((d) => d.entity.id === best.entityId);
  if (found.login) {
    used.add(found.login);
    api.loginPath = found.login.path;
    const form = found.login.body?.mediaType === 'application/x-www-form-urlencoded';
    const alt = found.loginJson;
    if (alt) used.add(alt);
    api.login = form
      ? alt?.path.endsWith('/json')
        ? 'form'
        : 'form'
      : alt?.path.endsWith('/form')
        ? 'both'
        : 'json';
    if (entityOfSchema(found.login.success?.item) === best.entityId) {
      // The user answered with a `token`: the design's `tokenIn: 'user'`, not a field of the user.
      api.tokenIn = 'user';
      if (user) user.entity.fields = user.entity.fields.filter((f) => f.name !== 'token');
    }
  }
  if (found.register) {
    used.add(found.register);
    api.registerPath = found.register.path;
    // Registration takes the user's writable fields; say which the document's body does not have.
    const sent = new Set(found.registerProperties ?? []);
    const more =
      user?.entity.fields
        .filter((f) => !f.readOnly && !sent.has(f.apiName ?? f.name) && !sent.has(f.name))
        .map((f) => f.name) ?? [];
    if (found.registerProperties && more.length > 0)
      report.approximated(
        `${found.register.method} ${found.register.path}`,
        found.register.pointer,
        `Registration takes every writable field of the user: also ${more.join(', ')}.`,
      );
  }
  if (found.me.length > 0) {
    for (const o of found.me) used.add(o);
    api.mePath = (found.me[0] as ApiOperation).path;
    api.meUpdate = found.me.some((o) => o.method !== 'GET');
  }
  for (const o of used) report.imported(`${o.method} ${o.path}`, o.pointer);
  report.imported(`securityScheme ${name}`, pointer);
  return {
    auth: {
      userEntityId: best.entityId,
      loginFieldId: best.login,
      passwordFieldId: best.password,
      tokenLifetimeMinutes: 60,
      api,
    },
    ops: used,
  };
}
