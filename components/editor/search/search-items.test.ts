import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import { socialTemplate } from '@/lib/design/templates/social';
import { fuzzyScore } from './fuzzy';
import { searchDesign, searchItems } from './search-items';

describe('fuzzyScore', () => {
  it('matches subsequences case-insensitively and rejects the rest', () => {
    expect(fuzzyScore('pt', 'Post.title')).not.toBeNull();
    expect(fuzzyScore('POST', 'Post')).toBe(1000);
    expect(fuzzyScore('tp', 'Post')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks whole, prefix, word start, substring, then scattered matches', () => {
    const rank = (query: string, labels: string[]) =>
      [...labels].sort((a, b) => (fuzzyScore(query, b) ?? -1e9) - (fuzzyScore(query, a) ?? -1e9));
    expect(rank('post', ['Comment.post → Post', 'Post.title', 'Post', 'Repost'])).toEqual([
      'Post',
      'Post.title',
      'Comment.post → Post',
      'Repost',
    ]);
    expect(rank('ptl', ['Optional', 'Post.title'])[0]).toBe('Post.title');
  });

  it('stays fast on long labels and queries', () => {
    const label = 'a'.repeat(100_000);
    const started = performance.now();
    expect(fuzzyScore(`${'a'.repeat(63)}b`, label)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('searchItems', () => {
  const blog = templates.blog();
  const items = searchItems(blog);

  it('lists entities, fields, enums, relations, CRUD routes and custom endpoints', () => {
    const labels = new Set(items.map((i) => `${i.kind}:${i.label}`));
    for (const expected of [
      'Entity:Post',
      'Field:Post.title',
      'Enum:Role',
      'Route:GET /posts/{slug}',
      'Custom endpoint:GET /me',
      'Relation:Post.author → User',
    ])
      expect(labels).toContain(expected);
  });

  it('selects a field with its entity as the box to show', () => {
    const [best] = searchDesign(items, 'post.title');
    expect(best).toMatchObject({
      kind: 'Field',
      selection: { kind: 'element', id: 'f_post_title' },
      nodeId: 'e_post',
    });
  });

  it('finds a route by method and path', () => {
    const [best] = searchDesign(items, 'post /posts');
    expect(best?.label).toBe('POST /posts');
    expect(best?.selection).toEqual({ kind: 'endpoint', entityId: 'e_post', operation: 'create' });
    expect(searchDesign(items, 'get /me')[0]).toMatchObject({ kind: 'Custom endpoint', label: 'GET /me' });
  });

  it('finds computed fields, actions and viewer lists', () => {
    const social = searchItems(socialTemplate());
    expect(searchDesign(social, 'post.likes_count')[0]).toMatchObject({
      kind: 'Computed field',
      selection: { kind: 'element', id: 'c_post_likes' },
      nodeId: 'e_post',
    });
    const kinds = new Set(social.map((i) => `${i.kind}:${i.label}`));
    expect(kinds).toContain('Action:POST and DELETE /posts/{id}/like');
    expect(kinds).toContain('Viewer list:GET /posts/feed');
    expect(searchDesign(social, 'posts/feed')[0]?.selection).toEqual({
      kind: 'endpoint',
      entityId: 'e_post',
      operation: 'list',
    });
  });

  it('returns nothing for a query nothing contains, everything (bounded) for an empty one', () => {
    expect(searchDesign(items, 'zzzz')).toEqual([]);
    expect(searchDesign(items, '', 5)).toHaveLength(5);
  });
});
