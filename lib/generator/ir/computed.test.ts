import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/design/schema';
import { focusedDesigns } from '../testing/designs';
import { buildIr } from './build';

const ir = (name: string) => buildIr((focusedDesigns[name] as () => Design)());
const computedOf = (name: string, entityId: string) =>
  Object.fromEntries(
    (ir(name).entityById.get(entityId)?.computed ?? []).map((c) => [
      c.name,
      { source: c.source, api: c.api },
    ]),
  );

describe('computed fields in the IR', () => {
  it('finds the related rows of each kind of to-many relation, from either side', () => {
    const users = computedOf('computed-social', 'e_user');
    // Followers of the row: the association row's right column holds the row, the left one the follower.
    expect(users.followers_count?.source).toEqual({
      kind: 'association',
      table: 'users_follows',
      own: 'related_user_id',
      other: 'user_id',
      targetId: 'e_user',
    });
    const posts = computedOf('computed-social', 'e_post');
    expect(posts.likes_count?.source).toMatchObject({
      kind: 'association',
      own: 'post_id',
      other: 'user_id',
    });
    expect(posts.comments_count).toEqual({
      source: { kind: 'backref', targetId: 'e_comment', column: 'post_id' },
      api: 'approvedComments',
    });
    expect(posts.top_rating?.api).toBe('topRating');
    const courses = computedOf('computed-catalog', 'e_course');
    expect(courses.student_count?.source).toEqual({
      kind: 'through',
      throughId: 'e_enrollment',
      own: 'course_id',
      other: 'student_id',
      targetId: 'e_student',
    });
    const categories = computedOf('computed-catalog', 'e_cat');
    expect(categories.children_count?.source).toEqual({
      kind: 'backref',
      targetId: 'e_cat',
      column: 'parent_id',
    });
  });

  it('sorts by viewer-independent computed values, and plans the per-viewer ones as functions', () => {
    const post = ir('computed-social').entityById.get('e_post');
    expect(post?.resource.list?.sorts.map((s) => [s.query, s.computed?.name])).toEqual([
      ['likesCount', 'likes_count'],
      ['approvedComments', 'comments_count'],
      ['topRating', 'top_rating'],
    ]);
    expect(post?.computed.filter((c) => c.perViewer).map((c) => c.viewerFn)).toEqual(['post_liked']);
    expect(post?.wire.get('comments_count')).toBe('approvedComments');
    const profile = ir('computed-social').entityById.get('e_user')?.schemas.views[0];
    expect(profile?.computed.map((c) => c.name)).toEqual(['followers_count', 'following']);
  });
});
