import { describe, expect, it } from 'vitest';
import { compareOpenApi, describeDifference } from './openapi-compare';

describe('OpenAPI comparison', () => {
  const doc = (extra: Record<string, unknown> = {}) => ({
    openapi: '3.1.0',
    info: { title: 'A', version: '1' },
    paths: {
      '/tags': {
        get: {
          summary: 'List',
          tags: ['b', 'a'],
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
            { name: 'offset', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { '200': { description: 'ok' } },
          ...extra,
        },
      },
    },
    components: { schemas: { Tag: { title: 'Tag', required: ['id', 'name'], properties: { title: {} } } } },
  });

  it('ignores prose, info and the order of sets and parameters', () => {
    const other = doc();
    const get = other.paths['/tags'].get;
    get.summary = 'Other';
    get.tags = ['a', 'b'];
    get.parameters.reverse();
    other.components.schemas.Tag.required = ['name', 'id'];
    other.info.title = 'B';
    expect(compareOpenApi(doc(), other)).toEqual([]);
  });

  it('reports what differs with a pointer (a property called title is not prose)', () => {
    const other = doc({ security: [{ OAuth2PasswordBearer: [] }] });
    other.components.schemas.Tag.properties = {} as { title: object };
    const differences = compareOpenApi(doc(), other).map(describeDifference);
    expect(differences).toEqual([
      '/components/schemas/Tag/properties/title: served {}, openApiFor has nothing',
      '/paths/~1tags/get/security: openApiFor has [{"OAuth2PasswordBearer":[]}], the app serves nothing',
    ]);
  });
});
