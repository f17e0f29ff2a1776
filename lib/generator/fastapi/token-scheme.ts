import type { IrAuthApi } from '../ir/auth-api';
import type { IrProject } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/**
 * How the generated app reads the access token, in one place: `app/api/deps.py` defines the scheme (`TokenDep`,
 * and `read_token` for optional callers), `app/api/scoping.py`'s optional user and OpenAPI use what is here.
 * The default (bearer with a form login) is FastAPI's OAuth2PasswordBearer, so Swagger's Authorize logs in.
 */

/** Bearer tokens with an OAuth2 form to log in at: FastAPI's own OAuth2PasswordBearer. */
function usesOAuth2(api: IrAuthApi): boolean {
  return api.scheme.kind === 'bearer' && api.formLoginPath !== null;
}

/** The `WWW-Authenticate` challenge of a 401, or null for a custom header (no HTTP auth scheme). */
export function authChallenge(api: IrAuthApi): string | null {
  if (api.scheme.kind === 'prefix') return api.scheme.prefix;
  return api.scheme.kind === 'header' ? null : 'Bearer';
}

/** `headers={...},` of a 401 raised in Python, or null. */
export function challengeHeaders(api: IrAuthApi): string | null {
  const challenge = authChallenge(api);
  return challenge === null ? null : `headers={"WWW-Authenticate": ${pyStr(challenge)}},`;
}

/** The name and OpenAPI object of the security scheme, as FastAPI declares it at runtime. */
export function securityScheme(api: IrAuthApi): { name: string; scheme: Record<string, unknown> } {
  if (usesOAuth2(api)) {
    return {
      name: 'OAuth2PasswordBearer',
      scheme: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: api.formLoginPath } } },
    };
  }
  if (api.scheme.kind === 'bearer') {
    return {
      name: 'HTTPBearer',
      scheme: { type: 'http', description: schemeDescription(api), scheme: 'bearer' },
    };
  }
  return {
    name: 'APIKeyHeader',
    scheme: { type: 'apiKey', description: schemeDescription(api), in: 'header', name: headerName(api) },
  };
}

function headerName(api: IrAuthApi): string {
  return api.scheme.kind === 'header' ? api.scheme.header : 'Authorization';
}

function schemeDescription(api: IrAuthApi): string {
  const from = `the token from ${api.jsonLoginPath}`;
  if (api.scheme.kind === 'prefix') {
    const prefix = api.scheme.prefix;
    return `Send \`Authorization: ${prefix} <token>\` with ${from}; in Swagger's Authorize enter \`${prefix} \` followed by the token.`;
  }
  if (api.scheme.kind === 'header') return `Send ${from} in the \`${api.scheme.header}\` header.`;
  return `Send \`Authorization: Bearer <token>\` with ${from}.`;
}

/** `app/api/deps.py`: the token scheme and `TokenDep` (a 401 without a token). */
export function tokenSchemeBlocks(project: IrProject, imports: Imports): string[] {
  const api = project.auth?.api;
  if (!api) return [];
  const annotated = imports.from('typing', 'Annotated');
  const depends = imports.from('fastapi', 'Depends');
  if (usesOAuth2(api)) {
    const bearer = imports.from('fastapi.security', 'OAuth2PasswordBearer');
    return [
      `oauth2_scheme = ${bearer}(tokenUrl=${pyStr(api.formLoginPath as string)})\nTokenDep = ${annotated}[str, ${depends}(oauth2_scheme)]`,
    ];
  }
  const description = pyStr(schemeDescription(api));
  let scheme: string;
  let read: string[];
  if (api.scheme.kind === 'bearer') {
    const credentials = imports.from('fastapi.security', 'HTTPAuthorizationCredentials');
    scheme = `${imports.from('fastapi.security', 'HTTPBearer')}(auto_error=False, description=${description})`;
    read = [
      `def read_token(credentials: ${annotated}[${credentials} | None, ${depends}(token_scheme)]) -> str | None:`,
      '    """The token of `Authorization: Bearer <token>`; None when there is none."""',
      '    return credentials.credentials if credentials is not None else None',
    ];
  } else {
    scheme = `${imports.from('fastapi.security', 'APIKeyHeader')}(name=${pyStr(headerName(api))}, auto_error=False, description=${description})`;
    const body =
      api.scheme.kind === 'prefix'
        ? [
            `    """The token of \`Authorization: ${api.scheme.prefix} <token>\`, or None."""`,
            '    if value is None:',
            '        return None',
            '    prefix, _, token = value.strip().partition(" ")',
            '    token = token.strip()',
            `    if prefix.lower() != ${pyStr(api.scheme.prefix.toLowerCase())} or not token:`,
            '        return None',
            '    return token',
          ]
        : [
            `    """The token sent in \`${api.scheme.header}\`; None when there is none."""`,
            '    token = value.strip() if value is not None else ""',
            '    return token or None',
          ];
    read = [
      `def read_token(value: ${annotated}[str | None, ${depends}(token_scheme)]) -> str | None:`,
      ...body,
    ];
  }
  const challenge = challengeHeaders(api);
  const httpException = imports.from('fastapi', 'HTTPException');
  return [
    `token_scheme = ${scheme}`,
    read.join('\n'),
    [
      `def require_token(token: ${annotated}[str | None, ${depends}(read_token)]) -> str:`,
      '    """The token, or 401 when none was sent."""',
      '    if token is None:',
      `        raise ${httpException}(`,
      '            status_code=401,',
      '            detail="Not authenticated",',
      ...(challenge ? [`            ${challenge}`] : []),
      '        )',
      '    return token',
    ].join('\n'),
    `TokenDep = ${annotated}[str, ${depends}(require_token)]`,
  ];
}

/** `app/api/scoping.py`: the optional scheme's definition (OAuth2 only; other schemes reuse `read_token`). */
export function optionalTokenSetup(project: IrProject, imports: Imports): string | null {
  const api = project.auth?.api;
  if (!api || !usesOAuth2(api)) return null;
  return `optional_token = ${imports.from('fastapi.security', 'OAuth2PasswordBearer')}(tokenUrl=${pyStr(api.formLoginPath as string)}, auto_error=False)`;
}

/** The annotation of an optional token parameter: `Annotated[str | None, Depends(...)]`. */
export function optionalTokenParam(project: IrProject, imports: Imports): string {
  const api = project.auth?.api;
  const dependency = api && !usesOAuth2(api) ? imports.from('app.api.deps', 'read_token') : 'optional_token';
  return `${imports.from('typing', 'Annotated')}[str | None, ${imports.from('fastapi', 'Depends')}(${dependency})]`;
}

/** A Python dict literal of the headers carrying `token` (a Python expression) the way the app reads it. */
export function tokenHeaders(api: IrAuthApi, token: string, literal = false): string {
  const value = (prefix: string) => (literal ? pyStr(`${prefix}${token}`) : `f"${prefix}{${token}}"`);
  if (api.scheme.kind === 'header') return `{${pyStr(api.scheme.header)}: ${literal ? pyStr(token) : token}}`;
  const prefix = api.scheme.kind === 'prefix' ? api.scheme.prefix : 'Bearer';
  return `{"Authorization": ${value(`${prefix} `)}}`;
}

/** The README's paragraph on the auth endpoints (FastAPI's default wording for the default shape). */
export function readmeAuthText(api: IrAuthApi): string {
  if (
    api.formLoginPath === '/auth/login' &&
    api.jsonLoginPath === '/auth/login/json' &&
    api.scheme.kind === 'bearer' &&
    api.tokenIn === 'token' &&
    api.meUpdate.length === 0 &&
    api.registerPath === '/auth/register' &&
    api.mePath === '/auth/me'
  )
    return `\`POST /auth/register\` creates a user, \`POST /auth/login\` (OAuth2 password form, used by Swagger's
*Authorize* button) and \`POST /auth/login/json\` return a bearer token, \`GET /auth/me\` returns the
signed-in user.`;
  const logins = [
    ...(api.formLoginPath ? [`\`POST ${api.formLoginPath}\` (OAuth2 password form)`] : []),
    `\`POST ${api.jsonLoginPath}\` (JSON)`,
  ].join(' and ');
  const one = api.formLoginPath === null;
  const answer =
    api.tokenIn === 'user'
      ? `${one ? 'answers' : 'answer'} the user with a \`token\` field`
      : `${one ? 'returns' : 'return'} a token`;
  const sent =
    api.scheme.kind === 'header'
      ? `in the \`${api.scheme.header}\` header`
      : `as \`Authorization: ${api.scheme.kind === 'prefix' ? api.scheme.prefix : 'Bearer'} <token>\``;
  const update =
    api.meUpdate.length > 0
      ? ` ${api.meUpdate.map((m) => `\`${m.toUpperCase()} ${api.mePath}\``).join(' and ')} changes one's own profile (a new password needs \`current_password\`).`
      : '';
  return `\`POST ${api.registerPath}\` creates a user, ${logins} ${answer}, sent ${sent}; \`GET ${api.mePath}\` returns the signed-in user.${update}`;
}
