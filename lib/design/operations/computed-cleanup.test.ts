import { describe, expect, it } from 'vitest';
import { focusedDesigns } from '@/lib/generator/testing/designs';
import type { Design, Entity } from '../schema';
import { validateDesign } from '../validate';
import { applyOperation } from './index';

const social = (): Design => structuredClone((focusedDesigns['computed-social'] as () => Design)());
const post = (design: Design): Entity => design.entities.find((e) => e.id === 'e_post') as Entity;

describe('deleting what computed fields use', () => {
  it('drops the computed fields of a deleted relation, and their ids from views, sorts and the default order', () => {
    const next = applyOperation(social(), { op: 'deleteRelation', relationId: 'r_likes' });
    expect(post(next).computed?.map((c) => c.id)).toEqual([
      'c_post_comments',
      'c_post_rating',
      'c_post_rated',
      'c_post_any',
    ]);
    const list = post(next).resource.operations.list;
    expect(list.sortable.map((s) => s.fieldId)).toEqual(['c_post_comments', 'c_post_rating']);
    expect(list.defaultOrder).toBeUndefined();
    expect(validateDesign(next)).toEqual([]);
    const follows = applyOperation(social(), { op: 'deleteRelation', relationId: 'r_follows' });
    const user = follows.entities.find((e) => e.id === 'e_user') as Entity;
    expect(user.computed).toEqual([]);
    expect(user.views?.[0]?.fieldIds).toEqual(['f_user_username', 'f_user_bio']);
    expect(validateDesign(follows)).toEqual([]);
  });

  it('drops the computed fields aggregating or filtering by a deleted field', () => {
    const rating = applyOperation(social(), { op: 'deleteField', fieldId: 'f_comment_rating' });
    expect(post(rating).computed?.map((c) => c.id)).toEqual([
      'c_post_likes',
      'c_post_liked',
      'c_post_comments',
      'c_post_any',
    ]);
    expect(post(rating).resource.operations.list.sortable.map((s) => s.fieldId)).toEqual([
      'c_post_likes',
      'c_post_comments',
    ]);
    const approved = applyOperation(social(), { op: 'deleteField', fieldId: 'f_comment_approved' });
    expect(post(approved).computed?.some((c) => c.id === 'c_post_comments')).toBe(false);
    expect(validateDesign(approved)).toEqual([]);
  });

  it('drops the computed fields over a deleted entity', () => {
    const next = applyOperation(social(), { op: 'deleteEntity', entityId: 'e_comment' });
    expect(post(next).computed?.map((c) => c.id)).toEqual(['c_post_likes', 'c_post_liked']);
    expect(validateDesign(next)).toEqual([]);
  });
});
