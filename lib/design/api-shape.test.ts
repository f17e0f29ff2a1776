import { describe, expect, it } from 'vitest';
import {
  camelCase,
  expandKeyTemplate,
  fieldApiName,
  keyTemplateProblem,
  pagingParams,
  resourceApiShape,
  timestampApiNames,
} from './api-shape';
import { defaultApiShape, newEntity } from './factories';

describe('API shape names', () => {
  it('camelCases snake names and keeps an explicit API name', () => {
    expect(camelCase('created_at')).toBe('createdAt');
    expect(camelCase('author_id')).toBe('authorId');
    expect(camelCase('HTTPRequest')).toBe('httpRequest');
    expect(fieldApiName({ name: 'display_name' }, 'camelCase')).toBe('displayName');
    expect(fieldApiName({ name: 'display_name' }, 'snake_case')).toBe('display_name');
    expect(fieldApiName({ name: 'display_name', apiName: 'handle' }, 'camelCase')).toBe('handle');
  });

  it('names the timestamps in the naming style unless named', () => {
    const api = defaultApiShape();
    expect(timestampApiNames(api)).toEqual({ created: 'created_at', updated: 'updated_at' });
    expect(timestampApiNames({ ...api, naming: 'camelCase' })).toEqual({
      created: 'createdAt',
      updated: 'updatedAt',
    });
    expect(timestampApiNames({ ...api, timestamps: { updated: 'modified' } }).updated).toBe('modified');
  });

  it('expands {name} and {names} in the naming style', () => {
    expect(expandKeyTemplate('{name}', 'BlogPost', 'camelCase')).toBe('blogPost');
    expect(expandKeyTemplate('{names}Count', 'BlogPost', 'camelCase')).toBe('blogPostsCount');
    expect(expandKeyTemplate('{names}', 'Category', 'snake_case')).toBe('categories');
    expect(expandKeyTemplate('data', 'Category', 'snake_case')).toBe('data');
  });

  it('refuses unknown placeholders, stray braces and keys that are not identifiers', () => {
    expect(keyTemplateProblem('{name}')).toBeNull();
    expect(keyTemplateProblem('{names}_count')).toBeNull();
    expect(keyTemplateProblem('{entity}')).toMatch(/Unknown placeholder \{entity\}/);
    expect(keyTemplateProblem('{name')).toMatch(/brace/);
    expect(keyTemplateProblem('')).toMatch(/JSON key/);
    expect(keyTemplateProblem('my key')).toMatch(/JSON key/);
    expect(keyTemplateProblem('1{name}')).toMatch(/JSON key/);
  });
});

describe('resourceApiShape', () => {
  const article = newEntity('e', 'Article');

  it('is FastAPI’s default shape for the default design', () => {
    expect(resourceApiShape(defaultApiShape(), article)).toEqual({
      objectKey: null,
      bodyKey: null,
      key: 'article',
      list: { kind: 'object', itemsKey: 'items', countKey: 'total', echoPaging: true },
      paging: { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
      update: 'patch',
    });
  });

  it('applies the resource overrides over the project', () => {
    const api = {
      ...defaultApiShape(),
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: true },
      lists: { kind: 'object' as const, itemsKey: '{names}', countKey: '{names}Count', echoPaging: true },
      paging: { style: 'none' as const },
      update: 'put' as const,
    };
    const own = {
      ...article,
      resource: {
        ...article.resource,
        shape: { objectKey: 'data', countKey: null, update: 'both' as const },
      },
    };
    const shape = resourceApiShape(api, own);
    expect(shape.objectKey).toBe('data');
    expect(shape.bodyKey).toBe('data');
    // No paging: nothing to echo.
    expect(shape.list).toEqual({ kind: 'object', itemsKey: 'articles', countKey: null, echoPaging: false });
    expect(shape.update).toBe('both');
    expect(resourceApiShape(api, article).list).toMatchObject({ countKey: 'articlesCount' });
  });

  it('lists the paging parameters of each style', () => {
    expect(pagingParams({ style: 'page', pageParam: 'page', sizeParam: 'pageSize' })).toEqual([
      'page',
      'pageSize',
    ]);
    expect(pagingParams({ style: 'none' })).toEqual([]);
  });
});
