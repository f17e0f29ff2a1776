import { describe, expect, it } from 'vitest';
import { type Design, templates } from '@/lib/design';
import {
  computedDraft,
  computedHops,
  linkActionDraft,
  pathValue,
  setActionDraft,
  toManyHops,
  viewerListDraft,
  viewerPaths,
} from './behaviour-choices';

const blog = templates.blog();
const entity = (design: Design, id: string) => {
  const found = design.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('relation steps of an entity', () => {
  it('offers only to-many steps, with the side only on self-relations', () => {
    const user = toManyHops(blog, 'e_user');
    expect(user.map((h) => h.label)).toEqual(
      expect.arrayContaining(['posts (Post)', 'following (User)', 'followers (User)']),
    );
    expect(user.find((h) => h.name === 'followers')?.hop).toEqual({
      relationId: 'r_user_follows',
      side: 'backref',
    });
    expect(user.find((h) => h.name === 'posts')?.hop).toEqual({ relationId: 'r_post_author' });
    // A post has one author: not a to-many step.
    expect(toManyHops(blog, 'e_post').map((h) => h.label)).toEqual(['comments (Comment)', 'tags (Tag)']);
  });

  it('offers "the viewer is linked" only over relations to the user', () => {
    expect(computedHops(blog, 'e_user', 'viewer-linked').map((h) => h.name)).toEqual([
      'following',
      'followers',
    ]);
    expect(computedHops(blog, 'e_post', 'viewer-linked')).toEqual([]);
  });
});

describe('drafts', () => {
  it('names a count after its relation, avoiding names in use', () => {
    const post = entity(blog, 'e_post');
    expect(computedDraft(blog, post, 'count', 'c1')).toEqual({
      id: 'c1',
      name: 'comments_count',
      kind: 'count',
      relationId: 'r_comment_post',
    });
    const taken = {
      ...post,
      computed: [{ id: 'c0', name: 'comments_count', kind: 'count' as const, relationId: 'r_comment_post' }],
    };
    expect(computedDraft(blog, taken, 'count', 'c1')?.name).toBe('comments_count_2');
  });

  it('has no sum over relations without a numeric field', () => {
    expect(computedDraft(blog, entity(blog, 'e_post'), 'sum', 'c1')).toBeNull();
  });

  it('links the viewer when the other end is the user, a row otherwise', () => {
    expect(linkActionDraft(blog, entity(blog, 'e_user'), 'a1')).toMatchObject({
      kind: 'link',
      relationId: 'r_user_follows',
      side: 'field',
      target: 'viewer',
    });
    expect(linkActionDraft(blog, entity(blog, 'e_post'), 'a1')).toMatchObject({
      relationId: 'r_post_tags',
      target: 'row',
    });
    expect(linkActionDraft(blog, entity(blog, 'e_comment'), 'a1')).toBeNull();
  });

  it('publishes: the flag to true, the time to now, for the owner', () => {
    expect(setActionDraft(entity(blog, 'e_post'), 'a1')).toEqual({
      id: 'a1',
      kind: 'set',
      name: 'action',
      method: 'POST',
      sets: [
        { fieldId: 'f_post_published', value: { kind: 'literal', value: true } },
        { fieldId: 'f_post_published_at', value: { kind: 'now' } },
      ],
      access: { kind: 'owner' },
    });
  });

  it('lists my rows first', () => {
    expect(viewerListDraft(blog, entity(blog, 'e_post'), 'v1')).toEqual({
      id: 'v1',
      name: 'mine',
      mount: 'resource',
      path: [{ relationId: 'r_post_author' }],
    });
  });
});

describe('viewer paths', () => {
  it('walks to the user without going straight back', () => {
    const labels = viewerPaths(blog, 'e_post').map((p) => p.label);
    expect(labels).toContain('author');
    expect(labels).toContain('author → followers');
    expect(labels.some((l) => l.startsWith('author → posts'))).toBe(false);
    expect(labels.every((l) => l.split(' → ').length <= 3)).toBe(true);
  });

  it('round-trips a stored path to its choice', () => {
    const feed = viewerPaths(blog, 'e_post').find((p) => p.label === 'author → followers');
    expect(feed?.path).toEqual([
      { relationId: 'r_post_author' },
      { relationId: 'r_user_follows', side: 'backref' },
    ]);
    expect(feed && pathValue(blog, 'e_post', feed.path)).toBe(feed?.value);
  });

  it('has none without auth', () => {
    expect(viewerPaths({ ...blog, auth: null }, 'e_post')).toEqual([]);
  });
});
