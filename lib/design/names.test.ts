import fc from 'fast-check';
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

describe('the word splitter is linear', () => {
  /** The previous, regex-based splitter (quadratic on capital runs): the reference for small inputs. */
  const regexWords = (input: string) =>
    input
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w.length > 0)
      .map((w) => w.toLowerCase());

  it('splits exactly like the regex version', () => {
    const char = fc.constantFrom('A', 'B', 'Z', 'a', 'b', 'z', '0', '9', '_', '-', ' ', 'é', 'Ä');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const input = chars.join('');
        expect(snakeCase(input)).toBe(regexWords(input).join('_'));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles a million capital letters in well under a second per pass', () => {
    const input = `${'A'.repeat(1_000_000)}b`;
    const started = performance.now();
    expect(snakeCase(input)).toBe(`${'a'.repeat(999_999)}_ab`);
    expect(tableNameFor(input).endsWith('_abs')).toBe(true);
    // The regex version needed ~10 s for 40,000 capitals; a linear pass needs milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
