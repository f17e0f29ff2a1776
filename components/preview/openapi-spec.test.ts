import { describe, expect, it } from 'vitest';
import { proxiedUrl, rewriteSpec } from './openapi-spec';

const BASE = '/preview/0b6b1f8e-0000-4000-8000-000000000001';

const fastapiSpec = (tokenUrl: string) => ({
  openapi: '3.1.0',
  info: { title: 'Blog', version: '0.1.0' },
  paths: { '/posts': {} },
  components: {
    schemas: { Post: { type: 'object' } },
    securitySchemes: {
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl } } },
      ApiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
    },
  },
});

describe('proxiedUrl', () => {
  it('puts relative, absolute-path and full URLs behind the proxy', () => {
    expect(proxiedUrl('auth/login', BASE)).toBe(`${BASE}/auth/login`);
    expect(proxiedUrl('/auth/login', BASE)).toBe(`${BASE}/auth/login`);
    expect(proxiedUrl('http://127.0.0.1:8000/auth/login?x=1', BASE)).toBe(`${BASE}/auth/login?x=1`);
    expect(proxiedUrl(`${BASE}/auth/login`, `${BASE}/`)).toBe(`${BASE}/auth/login`);
  });
});

describe('rewriteSpec', () => {
  it.each(['auth/login', '/auth/login'])(
    'sets servers and points the password flow (%s) at the proxy',
    (url) => {
      const spec = fastapiSpec(url);
      const out = rewriteSpec(spec, BASE) as ReturnType<typeof fastapiSpec> & { servers: unknown };
      expect(out.servers).toEqual([{ url: BASE }]);
      expect(out.components.securitySchemes.OAuth2PasswordBearer.flows.password.tokenUrl).toBe(
        `${BASE}/auth/login`,
      );
      expect(out.components.securitySchemes.ApiKey).toBe(spec.components.securitySchemes.ApiKey);
      expect(out.components.schemas).toBe(spec.components.schemas);
      expect(out.paths).toBe(spec.paths);
      // The fetched document is left as it was.
      expect(spec.components.securitySchemes.OAuth2PasswordBearer.flows.password.tokenUrl).toBe(url);
      expect('servers' in spec).toBe(false);
    },
  );

  it('replaces servers the app declared and copes with a document without security schemes', () => {
    expect(rewriteSpec({ openapi: '3.1.0', servers: [{ url: 'http://x' }] }, BASE)).toEqual({
      openapi: '3.1.0',
      servers: [{ url: BASE }],
    });
  });

  it('rewrites refresh URLs too and leaves empty or missing ones alone', () => {
    const out = rewriteSpec(
      {
        components: {
          securitySchemes: {
            o: {
              type: 'oauth2',
              flows: {
                password: { tokenUrl: 'token', refreshUrl: '' },
                clientCredentials: { tokenUrl: '/t', refreshUrl: 'r' },
              },
            },
          },
        },
      },
      BASE,
    );
    expect(out.components).toEqual({
      securitySchemes: {
        o: {
          type: 'oauth2',
          flows: {
            password: { tokenUrl: `${BASE}/token`, refreshUrl: '' },
            clientCredentials: { tokenUrl: `${BASE}/t`, refreshUrl: `${BASE}/r` },
          },
        },
      },
    });
  });
});
