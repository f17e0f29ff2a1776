import { describe, expect, it } from 'vitest';
import { PYTHON_KEYWORDS } from '@/lib/design/names';
import { templates } from '@/lib/design/templates';
import { randomDesign } from '@/lib/design/testing/arbitraries';
import { validateDesign } from '@/lib/design/validate';
import { generateProject } from '../generate';
import { buildIr } from '../ir/build';
import { HANDLER_LOCALS, Scope } from '../ir/scope';
import { openApiFor } from '../openapi/document';
import { handlerNameFields } from '../testing/designs';
import { GOLDEN_DESIGNS } from './helpers';

const designs = [
  ...Object.entries(GOLDEN_DESIGNS).map(([name, design]) => ({ name, design: design() })),
  ...Array.from({ length: 40 }, (_, i) => ({
    name: `random-${i}`,
    design: randomDesign(500 + i, 1 + (i % 7)),
  })),
];

describe('operations', () => {
  it.each(designs)(
    '$name: no handler parameter takes a registered local, a keyword or another parameter',
    ({ design }) => {
      expect(validateDesign(design)).toEqual([]);
      const ir = buildIr(design);
      for (const op of ir.operations) {
        const names = op.params.map((p) => p.name);
        const fixed = [
          ...(op.kind === 'custom' ? [] : ['session']),
          ...(op.access && op.access.kind !== 'public' ? ['current_user'] : []),
          ...(op.body ? [op.body.param] : []),
        ];
        // FastAPI reads a parameter named like a path segment from that segment.
        const segments = op.params.filter((p) => p.in === 'path').map((p) => p.wire);
        for (const other of [...fixed, ...op.params.filter((p) => p.in !== 'path').map((p) => p.name)]) {
          expect(segments, `${op.handler}(${other})`).not.toContain(other);
        }
        expect(new Set(names).size, `${op.handler}: ${names}`).toBe(names.length);
        for (const name of names) {
          expect(op.locals, `${op.handler}(${name})`).not.toContain(name);
          expect(PYTHON_KEYWORDS.has(name), name).toBe(false);
          expect(fixed, `${op.handler}(${name})`).not.toContain(name);
        }
        // Wire names stay what the design says; a renamed parameter keeps it as an alias.
        expect(new Set(op.params.map((p) => p.wire)).size).toBe(op.params.length);
      }
    },
  );

  it.each(designs)(
    '$name: operation ids are unique; a renamed one is passed as the route name',
    ({ design }) => {
      const ir = buildIr(design);
      const ids = ir.operations.map((op) => op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
      const result = generateProject(design);
      if (!result.ok) throw new Error('invalid design');
      for (const op of ir.operations.filter((o) => o.operationId !== o.handler)) {
        const files = Object.values(result.files).join('\n');
        expect(files).toContain(`name="${op.operationId}"`);
      }
    },
  );

  it('lists every operation once, in registration order, with its statuses', () => {
    const ir = buildIr(templates.blog());
    const table = ir.operations.map((op) => `${op.method} ${op.path} ${op.handler} ${op.status}`);
    expect(table.slice(0, 5)).toEqual([
      'get /me get_me 200',
      'post /auth/register register 201',
      'post /auth/login login 200',
      'post /auth/login/json login_json 200',
      'get /auth/me read_me 200',
    ]);
    expect(table.at(-1)).toBe('get /health health 200');
    // The publish action is served by the posts router, right after its CRUD operations.
    const publish = table.indexOf('post /posts/{slug}/publish publish_post 200');
    expect(table[publish - 1]).toBe('delete /posts/{slug} delete_post 204');
    const keys = ir.operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const deletePost = ir.operations.find((op) => op.handler === 'delete_post');
    expect(deletePost?.errors).toEqual([401, 404, 409, 422]);
    expect(deletePost?.params.map((p) => [p.name, p.in])).toEqual([['slug', 'path']]);
  });

  it('auth operations have a description and document their errors like the CRUD ones', () => {
    const design = templates.blog();
    const ir = buildIr(design);
    for (const op of ir.operations) expect(op.description, op.handler).toBeTruthy();
    const paths = openApiFor(design).paths as Record<
      string,
      Record<string, { responses: Record<string, unknown> }>
    >;
    const statuses = (path: string, method: string) =>
      Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses('/auth/register', 'post')).toEqual(['201', '409', '422']);
    expect(statuses('/auth/login', 'post')).toEqual(['200', '401', '422']);
    expect(statuses('/auth/login/json', 'post')).toEqual(['200', '401', '422']);
    expect(statuses('/auth/me', 'get')).toEqual(['200', '401']);
    const routes = generateProject(design);
    if (!routes.ok) throw new Error('invalid design');
    expect(routes.files['app/api/routes/auth.py']).toContain(
      '@router.get("/me", responses=error_responses(401))',
    );
  });

  it('plans names that clash with a handler local around it and keeps the query name', () => {
    const ir = buildIr(GOLDEN_DESIGNS['handler-names']?.() ?? templates.blog());
    const list = ir.operations.find((op) => op.kind === 'list' && op.path === '/probes');
    const filters = list?.params.filter((p) => p.source.kind === 'filter') ?? [];
    for (const name of handlerNameFields().filter((n) => n !== 'sort')) {
      expect(filters.map((p) => p.wire)).toContain(name);
    }
    expect(filters.find((p) => p.wire === 'items')?.name).toBe('items_filter');
    expect(filters.find((p) => p.wire === 'direction')?.name).toBe('direction_filter');
    const get = ir.operations.find((op) => op.kind === 'get' && op.path.startsWith('/probes/'));
    expect(get?.path).toBe('/probes/{probe_row}');
  });

  it('generates the handler-names design without findings', () => {
    const result = generateProject(GOLDEN_DESIGNS['handler-names']?.() ?? templates.blog());
    expect(result.ok).toBe(true);
  });

  it('refuses a local the scope does not register', () => {
    const scope = new Scope('get');
    expect(scope.local('row')).toBe('row');
    expect(() => (scope as Scope).local('statement' as never)).toThrow(/not a registered local/);
    expect(HANDLER_LOCALS.list).toContain('items');
    expect(scope.param('row', (n) => `${n}_filter`)).toBe('row_filter');
    expect(scope.param('row', (n) => `${n}_filter`)).toBe('row_filter_2');
  });
});
