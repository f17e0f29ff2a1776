import { describe, expect, it } from 'vitest';
import {
  associationTableFor,
  foreignKeyColumnFor,
  isPascalCase,
  isSnakeCase,
  isSqlReserved,
  isValidPythonIdentifier,
  kebabCase,
  pascalCase,
  pluralize,
  reservedClassNameReason,
  reservedFieldNameReason,
  resourcePathFor,
  snakeCase,
  tableNameFor,
  uniqueName,
} from './names';

describe('case helpers', () => {
  it.each([
    ['BlogPost', 'blog_post'],
    ['HTTPRequest', 'http_request'],
    ['blog-post', 'blog_post'],
    ['userID2', 'user_id2'],
    ['already_snake', 'already_snake'],
    ['', ''],
  ])('snakeCase(%s) = %s', (input, expected) => expect(snakeCase(input)).toBe(expected));

  it('pascalCase and kebabCase', () => {
    expect(pascalCase('blog_post')).toBe('BlogPost');
    expect(pascalCase('order line')).toBe('OrderLine');
    expect(kebabCase('BlogPost')).toBe('blog-post');
  });
});

describe('pluralize', () => {
  it.each([
    ['post', 'posts'],
    ['category', 'categories'],
    ['day', 'days'],
    ['box', 'boxes'],
    ['status', 'statuses'],
    ['match', 'matches'],
    ['wish', 'wishes'],
    ['person', 'people'],
    ['child', 'children'],
    ['blog_post', 'blog_posts'],
    ['BlogPost', 'BlogPosts'],
    ['Person', 'People'],
    ['news', 'news'],
    ['USER', 'USERS'],
    ['item2', 'item2'],
  ])('%s -> %s', (input, expected) => expect(pluralize(input)).toBe(expected));
});

describe('derived names', () => {
  it('tableNameFor', () => {
    expect(tableNameFor('BlogPost')).toBe('blog_posts');
    expect(tableNameFor('User')).toBe('users');
    expect(tableNameFor('Person')).toBe('people');
    expect(tableNameFor('Category')).toBe('categories');
  });
  it('resourcePathFor', () => {
    expect(resourcePathFor('BlogPost')).toBe('/blog-posts');
    expect(resourcePathFor('Category')).toBe('/categories');
  });
  it('FK columns and association tables', () => {
    expect(foreignKeyColumnFor('author')).toBe('author_id');
    expect(associationTableFor('posts', 'tags')).toBe('posts_tags');
  });
  it('uniqueName', () => {
    expect(uniqueName('a', new Set())).toBe('a');
    expect(uniqueName('a', new Set(['a', 'a_2']))).toBe('a_3');
    expect(uniqueName('PostCopy', new Set(['PostCopy']), '')).toBe('PostCopy2');
  });
});

describe('identifiers and reserved words', () => {
  it('isValidPythonIdentifier', () => {
    expect(isValidPythonIdentifier('_ok1')).toBe(true);
    expect(isValidPythonIdentifier('1bad')).toBe(false);
    expect(isValidPythonIdentifier('has space')).toBe(false);
    expect(isValidPythonIdentifier('é')).toBe(false);
    expect(isValidPythonIdentifier('')).toBe(false);
  });
  it('isSnakeCase / isPascalCase', () => {
    expect(isSnakeCase('created_at')).toBe(true);
    expect(isSnakeCase('Created')).toBe(false);
    expect(isSnakeCase('double__underscore')).toBe(false);
    expect(isSnakeCase('_private')).toBe(false);
    expect(isPascalCase('BlogPost')).toBe(true);
    expect(isPascalCase('blogPost')).toBe(false);
    expect(isPascalCase('Blog_Post')).toBe(false);
  });
  it('field names: id is fine, keywords, shadowing and SQL words are not', () => {
    expect(reservedFieldNameReason('id')).toBeNull();
    expect(reservedFieldNameReason('type')).toBeNull();
    expect(reservedFieldNameReason('class')).toMatch(/Python keyword/);
    expect(reservedFieldNameReason('None')).toMatch(/Python keyword/);
    expect(reservedFieldNameReason('from')).toMatch(/Python keyword/);
    expect(reservedFieldNameReason('metadata')).toMatch(/shadow/);
    expect(reservedFieldNameReason('str')).toMatch(/shadow/);
    expect(reservedFieldNameReason('order')).toMatch(/SQL/);
    expect(reservedFieldNameReason('select')).toMatch(/SQL/);
    expect(reservedFieldNameReason('user')).toMatch(/SQL/);
  });
  it('class names: User and Order are fine (their tables are plural)', () => {
    expect(reservedClassNameReason('User')).toBeNull();
    expect(reservedClassNameReason('Order')).toBeNull();
    expect(reservedClassNameReason('None')).toMatch(/keyword/);
    expect(reservedClassNameReason('BaseModel')).toMatch(/shadow/);
    expect(isSqlReserved('users')).toBe(false);
    expect(isSqlReserved('ORDER')).toBe(true);
  });
});
