import { expandKeyTemplate } from '@/lib/design/api-shape';
import type { ApiShape, Auth, AuthApi, TokenScheme } from '@/lib/design/schema';

/** How the auth endpoints look on the wire, resolved from `design.auth.api` and the project's `api` shape. */
export type IrAuthApi = {
  registerPath: string;
  mePath: string;
  /** The OAuth2 password form (Swagger's password flow posts here); null: no form login. */
  formLoginPath: string | null;
  /** JSON credentials (`{loginPath}/json` beside the form, else `loginPath`). */
  jsonLoginPath: string;
  /** `user`: register, login and me answer the user with a `token` field instead of a token object. */
  tokenIn: AuthApi['tokenIn'];
  scheme: TokenScheme;
  /** Methods changing one's own profile at `mePath` (empty: none). */
  meUpdate: ('put' | 'patch')[];
  /** The key wrapping JSON request bodies (`{"user": {...}}`); null: bare. */
  bodyKey: string | null;
  /** The key wrapping the answered user; null: bare. */
  objectKey: string | null;
  /** The router's prefix shared by every auth path (`/auth`), or '' when they share none. */
  prefix: string;
};

/** The one router prefix of the auth paths: their common first segment when each has more after it. */
function commonPrefix(paths: string[]): string {
  const heads = paths.map((p) => p.split('/').filter(Boolean));
  const first = heads[0]?.[0];
  if (!first || heads.some((h) => h.length < 2 || h[0] !== first)) return '';
  return `/${first}`;
}

export function resolveAuthApi(auth: Auth, api: ApiShape, user: { className: string }): IrAuthApi {
  const a = auth.api;
  const form = a.login === 'json' ? null : a.login === 'form' ? a.loginPath : `${a.loginPath}/form`;
  const json = a.login === 'form' ? `${a.loginPath}/json` : a.loginPath;
  const meUpdate: IrAuthApi['meUpdate'] = !a.meUpdate
    ? []
    : api.update === 'both'
      ? ['put', 'patch']
      : [api.update];
  // The project's object key, not the user resource's own override (profiles may be wrapped otherwise).
  const key = expandKeyTemplate(api.objects.key, user.className, api.naming);
  const paths = [a.registerPath, a.mePath, ...(form ? [form] : []), json];
  return {
    registerPath: a.registerPath,
    mePath: a.mePath,
    formLoginPath: form,
    jsonLoginPath: json,
    tokenIn: a.tokenIn,
    scheme: a.scheme,
    meUpdate,
    bodyKey: api.bodies.wrap ? key : null,
    objectKey: api.objects.wrap ? key : null,
    prefix: commonPrefix(paths),
  };
}

/** A schema class and the module defining it. */
type SchemaName = { name: string; module: string };

/** The body and answer schemas of the auth operations (envelopes and the user-with-token live in `auth.py`). */
export function authSchemaNames(
  api: IrAuthApi,
  user: { className: string; module: string; read: string },
  registerSchema: string,
): {
  register: SchemaName;
  loginJson: SchemaName;
  selfUpdate: SchemaName;
  /** The user answered by register, me and me updates. */
  user: SchemaName;
  /** The answer of a JSON login: the token object, or the user with a token. */
  login: SchemaName;
  /** The OAuth2 token object (the form login's answer). */
  token: SchemaName;
  /** The unwrapped classes the envelopes hold: `{envelope: inner}`. */
  envelopes: Map<string, string>;
  /** The user with a `token` field (tokenIn `user`). */
  withToken: string | null;
  selfUpdateInner: string;
} {
  const auth = 'app.schemas.auth';
  const envelopes = new Map<string, string>();
  const wrap = (inner: string, key: string | null, module: string): SchemaName => {
    if (key === null) return { name: inner, module };
    // The user resource's own answers may wrap `<User>Read` as `<User>ReadEnvelope` already: a name of its own.
    const name = inner === user.read ? `${user.className}SelfEnvelope` : `${inner}Envelope`;
    envelopes.set(name, inner);
    return { name, module: auth };
  };
  const withToken = api.tokenIn === 'user' ? `${user.className}WithToken` : null;
  const answered = withToken
    ? wrap(withToken, api.objectKey, auth)
    : wrap(user.read, api.objectKey, user.module);
  const selfUpdateInner = `${user.className}SelfUpdate`;
  return {
    register: wrap(registerSchema, api.bodyKey, auth),
    loginJson: wrap('LoginRequest', api.bodyKey, auth),
    // Only a design with a profile update has the body (and so its envelope).
    selfUpdate:
      api.meUpdate.length > 0
        ? wrap(selfUpdateInner, api.bodyKey, auth)
        : { name: selfUpdateInner, module: auth },
    user: answered,
    login: withToken ? answered : { name: 'Token', module: auth },
    token: { name: 'Token', module: auth },
    envelopes,
    withToken,
    selfUpdateInner,
  };
}
