import { describe, expect, it } from 'vitest';
import { updateCustomEndpoint } from '../operations/endpoints';
import { type CustomEndpoint, CustomEndpointSchema, type CustomQueryParam, DesignSchema } from '../schema';
import { problemsOf, withFields } from './test-helpers';

const endpoint = (query: CustomQueryParam[]): CustomEndpoint => ({
  id: 'c',
  method: 'GET',
  path: '/stats/{day}',
  summary: '',
  access: { kind: 'public' },
  query,
});
const q = (name: string, type: CustomQueryParam['type'] = 'string'): CustomQueryParam => ({
  name,
  type,
  required: false,
});

function problems(query: CustomQueryParam[], naming: 'snake_case' | 'camelCase' = 'snake_case') {
  const design = withFields();
  design.api.naming = naming;
  design.customEndpoints.push(endpoint(query));
  return problemsOf(design).map((p) => [p.code, p.path, p.elementId]);
}

describe('query parameters of custom endpoints', () => {
  it('accepts snake_case names of every type', () => {
    const types = ['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'uuid'] as const;
    expect(problems(types.map((t) => q(`by_${t}`, t)))).toEqual([]);
  });

  it('refuses names that are not identifiers, keywords and handler arguments, at their path', () => {
    const at = (j: number) => `customEndpoints[0].query[${j}].name`;
    expect(problems([q('Bad-Name'), q('class'), q('session'), q('current_user'), q('ok')])).toEqual([
      ['invalid-name', at(0), 'c'],
      ['invalid-name', at(1), 'c'],
      ['reserved-query-param', at(2), 'c'],
      ['reserved-query-param', at(3), 'c'],
    ]);
  });

  it('refuses duplicates, also by API name, and names of path parameters', () => {
    expect(problems([q('since'), q('since'), q('day')])).toEqual([
      ['duplicate-api-name', 'customEndpoints[0].query[1].name', 'c'],
      ['reserved-query-param', 'customEndpoints[0].query[2].name', 'c'],
    ]);
    // `a_1` and `a1` are both sent as `a1` in camelCase.
    expect(problems([q('a_1'), q('a1')], 'camelCase')).toEqual([
      ['duplicate-api-name', 'customEndpoints[0].query[1].name', 'c'],
    ]);
    expect(problems([q('a_1'), q('a1')])).toEqual([]);
  });

  it('the schema bounds the list and the types', () => {
    const base = endpoint([]);
    expect(CustomEndpointSchema.safeParse({ ...base, query: [{ ...q('x'), type: 'json' }] }).success).toBe(
      false,
    );
    const many = Array.from({ length: 201 }, (_, i) => q(`p${i}`));
    expect(CustomEndpointSchema.safeParse({ ...base, query: many }).success).toBe(false);
    expect(CustomEndpointSchema.safeParse({ ...base, query: undefined }).success).toBe(true);
  });

  it('updateCustomEndpoint sets and clears the list', () => {
    const design = withFields();
    design.customEndpoints.push(endpoint([]));
    const set = updateCustomEndpoint(design, { endpointId: 'c', patch: { query: [q('since', 'date')] } });
    expect(set.customEndpoints[0]?.query).toEqual([q('since', 'date')]);
    expect(DesignSchema.safeParse(set).success).toBe(true);
    const cleared = updateCustomEndpoint(set, { endpointId: 'c', patch: { query: null } });
    expect(cleared.customEndpoints[0]?.query).toBeUndefined();
  });
});
