import { describe, expect, it } from 'vitest';
import { emptyDesign, newEntity } from '@/lib/design/factories';
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { openApiDiagnostics } from '../checks/openapi';
import { checkProject, generateProject, openApiFor } from '../index';
import { GOLDEN_DESIGNS } from './helpers';

function generate(name: string) {
  const design = GOLDEN_DESIGNS[name];
  if (!design) throw new Error(name);
  const result = generateProject(design());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.files;
}

describe('generateProject', () => {
  it.each(Object.keys(GOLDEN_DESIGNS))(
    '%s: deterministic, sorted, and clean for ruff and tree-sitter',
    async (name) => {
      const files = generate(name);
      expect(generate(name)).toEqual(files);
      expect(Object.keys(files)).toEqual(Object.keys(files).sort());
      expect(await checkProject(files)).toEqual([]);
    },
  );

  it('refuses a design with problems and returns them', () => {
    const design = { ...emptyDesign('Bad'), entities: [newEntity('e1', 'class')] };
    const result = generateProject(design);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain('invalid-name');
  });

  it('generates the blank template as a runnable skeleton', async () => {
    const result = generateProject(emptyDesign('Blank'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(await checkProject(result.files)).toEqual([]);
  });

  it('lays out the project like full-stack-fastapi-template', () => {
    const files = generate('blog');
    for (const path of [
      'app/main.py',
      'app/core/config.py',
      'app/core/db.py',
      'app/core/security.py',
      'app/models/post.py',
      'app/schemas/post.py',
      'app/api/deps.py',
      'app/api/routes/posts.py',
      'app/api/routes/auth.py',
      'alembic/env.py',
      'alembic/versions/0001_initial.py',
      'tests/conftest.py',
      'tests/test_posts.py',
      'tests/test_auth.py',
      'pyproject.toml',
      'requirements.txt',
      'Dockerfile',
      '.env.example',
      'README.md',
    ]) {
      expect(files, path).toHaveProperty([path]);
    }
  });

  // Target was 500 ms including lint; WASM ruff needs ~1 ms per file to format and ~5 ms to lint (822 files).
  it('generates, formats and lints a 200-entity design cleanly', async () => {
    const design = syntheticDesign(200);
    const started = performance.now();
    const result = generateProject(design);
    const generated = performance.now() - started;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const diagnostics = await checkProject(result.files);
    const total = performance.now() - started;
    expect(diagnostics).toEqual([]);
    console.info(
      `200 entities: generate+format ${generated.toFixed(0)} ms, + lint/parse ${total.toFixed(0)} ms`,
    );
    expect(generated).toBeLessThan(5000);
  });
});

describe('openApiFor', () => {
  it.each(Object.keys(GOLDEN_DESIGNS))(
    '%s: structurally valid, one operation per generated route',
    (name) => {
      const design = GOLDEN_DESIGNS[name]?.();
      if (!design) throw new Error(name);
      const doc = openApiFor(design);
      expect(openApiDiagnostics('openapi.json', doc)).toEqual([]);
      expect(openApiFor(design)).toEqual(doc);
    },
  );

  it('uses FastAPI names for operations, schemas and security', () => {
    const doc = openApiFor(GOLDEN_DESIGNS.blog?.() ?? emptyDesign('x')) as {
      paths: Record<string, Record<string, { operationId: string; security?: unknown }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.paths['/posts/{slug}']?.delete?.operationId).toBe('delete_post');
    expect(doc.paths['/posts']?.get?.operationId).toBe('list_posts');
    expect(doc.paths['/posts/{slug}/publish']?.post?.operationId).toBe('publish_post');
    expect(doc.paths['/posts']?.post?.security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'PostCreate',
        'PostUpdate',
        'PostDetail',
        'UserRead',
        'HTTPValidationError',
        'Body_login',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['OAuth2PasswordBearer']);
  });
});
