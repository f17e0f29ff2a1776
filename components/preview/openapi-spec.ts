/** An OpenAPI document as JSON: only the parts rewritten here are typed. */
export type OpenApiDocument = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Points a token URL the generated app wrote for itself (`auth/login`, `/auth/login`, or a URL on another
 * origin) at the same path behind the preview proxy. Absolute URLs keep only their path.
 */
export function proxiedUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (url === base || url.startsWith(`${base}/`)) return url;
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    const parsed = new URL(url);
    path = `${parsed.pathname}${parsed.search}`;
  }
  return `${base}/${path.replace(/^\/+/, '')}`;
}

/**
 * The generated app's OpenAPI document made callable from the IDE: requests go to the preview proxy
 * (`servers`), and the OAuth2 password flow posts credentials to the proxied login endpoint, so Swagger's
 * Authorize works. Returns a new document; the input is not changed.
 */
export function rewriteSpec(spec: OpenApiDocument, baseUrl: string): OpenApiDocument {
  const out: OpenApiDocument = { ...spec, servers: [{ url: baseUrl }] };
  const components = spec.components;
  if (!isObject(components) || !isObject(components.securitySchemes)) return out;
  const schemes: Record<string, unknown> = {};
  for (const [name, scheme] of Object.entries(components.securitySchemes)) {
    schemes[name] = isObject(scheme) && scheme.type === 'oauth2' ? rewriteOAuth2(scheme, baseUrl) : scheme;
  }
  return { ...out, components: { ...components, securitySchemes: schemes } };
}

function rewriteOAuth2(scheme: Record<string, unknown>, baseUrl: string): Record<string, unknown> {
  if (!isObject(scheme.flows)) return scheme;
  const flows: Record<string, unknown> = {};
  for (const [kind, flow] of Object.entries(scheme.flows)) {
    if (!isObject(flow)) {
      flows[kind] = flow;
      continue;
    }
    const next: Record<string, unknown> = { ...flow };
    for (const key of ['tokenUrl', 'refreshUrl'] as const) {
      const value = flow[key];
      if (typeof value === 'string' && value !== '') next[key] = proxiedUrl(value, baseUrl);
    }
    flows[kind] = next;
  }
  return { ...scheme, flows };
}
