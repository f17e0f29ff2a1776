import { describe, expect, it } from 'vitest';
import { newRelation } from '../factories';
import { blog, entity, field, problemsOf, withFields } from './test-helpers';

describe('API shape problems', () => {
  it('the templates have none', () => {
    expect(problemsOf(blog()).filter((p) => p.path.includes('api') || p.code.includes('api'))).toEqual([]);
  });

  it('bad key templates, project-wide and per resource', () => {
    const design = blog();
    design.api.objects.key = '{entity}';
    design.api.lists = { kind: 'object', itemsKey: 'the items', countKey: '{names}Count', echoPaging: true };
    entity(design, 'e_post').resource.shape = { countKey: '{name' };
    expect(problemsOf(design, 'invalid-key-template')).toMatchObject([
      { path: 'api.objects.key', message: expect.stringMatching(/Unknown placeholder/) },
      { path: 'api.lists.itemsKey' },
      { path: 'entities[1].resource.shape.countKey', elementId: 'e_post' },
    ]);
  });

  it('two fields answered under one JSON name, or under a timestamp’s or the id’s', () => {
    const design = withFields(
      field('a', 'title', 'string'),
      field('b', 'heading', 'string', { apiName: 'title' }),
      field('c', 'stamp', 'string', { apiName: 'created_at' }),
      field('d', 'ident', 'string', { apiName: 'id' }),
    );
    const problems = problemsOf(design, 'duplicate-api-name');
    expect(problems.map((p) => p.elementId)).toEqual(['b', 'c', 'd']);
    expect(problems[0]?.message).toMatch(/answered as 'title', like field 'title'/);
  });

  it('camelCase names clash where snake names did not', () => {
    const design = withFields(field('a', 'x_1', 'string'), field('b', 'x1', 'string'));
    expect(problemsOf(design, 'duplicate-api-name')).toHaveLength(0);
    design.api.naming = 'camelCase';
    expect(problemsOf(design, 'duplicate-api-name')).toMatchObject([{ elementId: 'b' }]);
  });

  it('a field clashing with a foreign key’s JSON name', () => {
    const design = withFields(field('a', 'owner_id', 'integer'));
    design.entities.push({ ...structuredClone(design.entities[0]!), id: 'o', name: 'Owner', fields: [] });
    design.relations.push(newRelation('r', 't', 'o', { fieldName: 'owner', backrefName: 'things' }));
    expect(problemsOf(design, 'duplicate-api-name').map((p) => p.message)).toEqual([
      expect.stringMatching(/foreign key of 'owner' of Thing is answered as 'owner_id'/),
    ]);
  });

  it('invalid API names and query parameters', () => {
    const design = withFields(field('a', 'title', 'string', { apiName: 'the title' }));
    design.api.paging = { style: 'page', pageParam: 'sort', sizeParam: 'size' };
    design.api.timestamps = { created: 'at', updated: 'at' };
    const thing = entity(design, 't');
    thing.resource.operations.list.filters = [
      { fieldId: 'a', param: 'size' },
      { fieldId: 'a', param: 'by-title' },
    ];
    expect(problemsOf(design, 'invalid-api-name').map((p) => p.path)).toEqual([
      'entities[0].fields[0].apiName',
      'entities[0].resource.operations.list.filters[1].param',
    ]);
    expect(problemsOf(design, 'reserved-query-param').map((p) => p.path)).toEqual([
      'api.paging.pageParam',
      'entities[0].resource.operations.list.filters[0].param',
    ]);
    expect(problemsOf(design, 'duplicate-api-name').map((p) => p.path)).toContain('api.timestamps.updated');
  });

  it('a list object holding one key twice', () => {
    const design = withFields(field('a', 'title', 'string'));
    design.api.lists = { kind: 'object', itemsKey: 'limit', countKey: 'total', echoPaging: true };
    expect(problemsOf(design, 'duplicate-api-name')).toMatchObject([
      { path: 'entities[0].resource.shape', message: expect.stringMatching(/'limit' twice/) },
    ]);
  });
});
