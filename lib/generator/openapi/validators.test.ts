import { createConfig, lintFromString } from '@redocly/openapi-core';
import { validate } from '@scalar/openapi-parser';
import { describe, expect, it } from 'vitest';
import { tierDesigns } from '@/python-tier/designs';
import { GOLDEN_DESIGNS } from '../__tests__/helpers';
import { openApiDiagnostics } from '../checks/openapi';
import { openApiFor } from './document';

/**
 * The generated OpenAPI of every golden and tier design passes three independent validators: Redocly's
 * `spec` rules (the OpenAPI 3.1 schema and structural rules), Scalar's parser (its JSON schema of 3.1) and
 * the project's own structural check (references, operation ids, path parameters).
 */
const designs = new Map<string, () => ReturnType<(typeof GOLDEN_DESIGNS)[string]>>();
for (const [name, design] of Object.entries(GOLDEN_DESIGNS)) designs.set(name, design);
for (const { name, design } of tierDesigns()) if (!designs.has(name)) designs.set(name, design);

const redocly = createConfig({ extends: ['minimal'], rules: { 'no-unused-components': 'off' } });

describe.each([...designs.keys()])('OpenAPI of %s', (name) => {
  const document = openApiFor((designs.get(name) as () => never)());
  const text = JSON.stringify(document);

  it('passes Redocly', async () => {
    const problems = await lintFromString({
      source: text,
      absoluteRef: `${name}.json`,
      config: await redocly,
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('passes Scalar', async () => {
    const result = await validate(text);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("passes the generator's own check", () => {
    expect(openApiDiagnostics(`${name}.json`, document)).toEqual([]);
  });
});

describe('the validators', () => {
  it('refuse a broken document (an API key scheme without its header, a reference to nothing)', async () => {
    const document = openApiFor(GOLDEN_DESIGNS['auth-realworld']?.() as never) as Record<string, unknown>;
    const components = document.components as Record<string, Record<string, unknown>>;
    const broken = {
      ...document,
      components: { ...components, securitySchemes: { APIKeyHeader: { type: 'apiKey', in: 'header' } } },
      paths: {
        ...(document.paths as object),
        '/broken': { get: { responses: { '200': { $ref: '#/components/responses/Nothing' } } } },
      },
    };
    const text = JSON.stringify(broken);
    const problems = await lintFromString({
      source: text,
      absoluteRef: 'broken.json',
      config: await redocly,
    });
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
    expect((await validate(text)).valid).toBe(false);
    expect(openApiDiagnostics('broken.json', broken)).not.toEqual([]);
  });
});
