import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { validate } from '@scalar/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { randomDesign } from '@/lib/design/testing/random-design';
import { openApiFor } from '../openapi/document';
import { nestedBlog } from '../testing/nesting-designs';

// The nested blog and random designs that draw nesting, parent owners, viewers and views.
const DESIGNS = {
  'nested-blog': nestedBlog,
  'random-1004-5': () => randomDesign(1004, 5),
  'random-1011-6': () => randomDesign(1011, 6),
};

async function oas31Schema(): Promise<object> {
  // The official OpenAPI 3.1 schema, as shipped in a package (not one of its exported paths).
  const file = resolve('node_modules/@scalar/openapi-validator/dist/schemas/v3.1/schema.js');
  return (await import(pathToFileURL(file).href)).default;
}

describe.each(Object.entries(DESIGNS))('OpenAPI of %s: three validators accept it', (_, design) => {
  const doc = openApiFor(design());
  const text = JSON.stringify(doc);

  it('@scalar/openapi-parser', async () => {
    const result = await validate(text);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('@redocly/openapi-core (structural rules of the minimal ruleset, errors only)', async () => {
    const config = await createConfig({ extends: ['minimal'] });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  });

  it('ajv against the OpenAPI 3.1 JSON schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // Formats ajv-formats does not know: checked by the other two validators.
    ajv.addFormat('media-range', true);
    const check = ajv.compile(await oas31Schema());
    expect(check(doc) ? [] : check.errors).toEqual([]);
  });
});
