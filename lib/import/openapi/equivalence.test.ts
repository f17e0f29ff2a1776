import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importOpenApiDocument } from '.';
import { compareApis } from './equivalence';
import { ACCEPTED_DIFFERENCES, acceptedFor } from './round-trip';

const petstore = () =>
  parse(
    readFileSync(path.join(process.cwd(), 'lib/import/corpus/openapi/petstore-expanded.yaml'), 'utf8'),
    // biome-ignore lint/suspicious/noExplicitAny: a parsed document, edited freely to plant differences
  ) as Record<string, any>;

describe('compareApis: the structural diff of the round trip', () => {
  it('finds nothing between a document and itself', () => {
    expect(compareApis(petstore(), petstore())).toEqual([]);
  });

  it('names each planted difference: path, what, expected and actual', () => {
    const served = petstore();
    delete served.paths['/pets/{id}'].delete;
    served.paths['/pets'].get.parameters[1].required = true;
    served.paths['/pets'].post.responses['201'] = served.paths['/pets'].post.responses['200'];
    delete served.paths['/pets'].post.responses['200'];
    served.components.schemas.Pet.allOf[1].properties.id.type = 'string';
    served.components.schemas.NewPet.properties.tag.nullable = false;
    served.components.schemas.NewPet.required.push('tag');
    served.paths['/health'] = { get: { responses: { 200: { description: 'ok' } } } };
    const diffs = compareApis(petstore(), served).map(({ at, what, expected, actual }) => ({
      at,
      what,
      expected,
      actual,
    }));
    expect(diffs).toEqual(
      expect.arrayContaining([
        { at: 'DELETE /pets/{}', what: 'operation missing', expected: 'served', actual: 'nothing' },
        { at: 'GET /pets ?limit', what: 'query parameter required', expected: 'false', actual: 'true' },
        { at: 'POST /pets answer', what: 'success status', expected: '200', actual: '201' },
        { at: 'POST /pets 200', what: 'status missing', expected: '200', actual: 'nothing' },
        { at: 'POST /pets 201', what: 'status extra', expected: 'nothing', actual: '201' },
        { at: 'GET /pets/{} answer.id', what: 'property type', expected: 'integer', actual: 'string' },
        { at: 'POST /pets body.tag', what: 'property nullability', expected: 'nullable', actual: 'required' },
        { at: 'GET /health', what: 'operation extra', expected: 'nothing', actual: 'served' },
      ]),
    );
    const missing = compareApis(petstore(), served).find((d) => d.what === 'operation missing');
    expect(missing?.pointer).toBe('/paths/~1pets~1{id}/delete');
  });

  it('accepts only what a rule names: a planted difference nothing accounts for is a failure', () => {
    const source = petstore();
    const { report } = importOpenApiDocument(JSON.stringify(source));
    const served = petstore();
    served.paths['/health'] = { get: { responses: { 200: { description: 'ok' } } } };
    served.components.schemas.NewPet.properties.name.type = 'integer';
    const diffs = compareApis(source, served);
    const health = diffs.find((d) => d.at === 'GET /health');
    expect(health && acceptedFor(health, report)?.id).toBe('app-routes');
    const planted = diffs.find((d) => d.at === 'POST /pets body.name');
    expect(planted).toMatchObject({ what: 'property type', expected: 'string', actual: 'integer' });
    expect(planted && acceptedFor(planted, report)).toBeUndefined();
  });

  it('every accepted difference is listed with its reason in docs/import.md', () => {
    const docs = readFileSync(path.join(process.cwd(), 'docs/import.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## OpenAPI round trip'));
    expect(section.length).toBeGreaterThan(0);
    for (const rule of ACCEPTED_DIFFERENCES) {
      expect(section, rule.id).toContain(`\`${rule.id}\``);
      expect(section, rule.id).toContain(rule.reason);
    }
  });
});
