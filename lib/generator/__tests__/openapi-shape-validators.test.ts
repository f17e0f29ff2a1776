import { createConfig, lintFromString } from '@redocly/openapi-core';
import { validate } from '@scalar/openapi-parser';
import { describe, expect, it } from 'vitest';
import { openApiFor } from '../openapi/document';
import { shapeDesigns } from '../testing/shape-designs';

// Two independent validators on the documents of the shape designs; the third is FastAPI itself (the python
// tier's openapi step compares the running app's /openapi.json with this document).
describe.each(Object.keys(shapeDesigns))('OpenAPI of %s', (name) => {
  const doc = openApiFor((shapeDesigns[name] as () => never)());

  it('is valid for @scalar/openapi-parser', async () => {
    const result = await validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has no errors for @redocly/openapi-core (recommended rules)', async () => {
    // Off: FastAPI serves no `servers`, and public operations rightly have no `security`.
    const config = await createConfig({
      extends: ['recommended'],
      rules: { 'no-empty-servers': 'off', 'security-defined': 'off' },
    });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual(
      [],
    );
  });
});
