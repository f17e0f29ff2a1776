import { describe, expect, it } from 'vitest';
import { focusedDesigns } from '@/lib/generator/testing/designs';
import type { Design, Entity } from '../schema';
import { validateDesign } from '../validate';
import { type Clipboard, copyNodes, pasteOperations } from './clipboard';
import { applyOperation, applyOperations } from './index';
import { expectConsistent } from './test-helpers';

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

describe('copying entities with computed fields', () => {
  it('pastes the computed fields whose relation came along, under new ids the sorts follow', () => {
    const design = social();
    const clip = copyNodes(design, ['e_user', 'e_post']) as Clipboard;
    let n = 0;
    const plan = pasteOperations(design, clip, (prefix) => `${prefix}_${++n}`);
    const next = applyOperations(design, plan.operations);
    const [user2, post2] = plan.nodeIds.map((id) => next.entities.find((e) => e.id === id) as Entity);
    // Likes are among the copies; comments are not: their count, best rating, total and `exists` stay behind.
    expect(post2?.computed?.map((c) => c.name)).toEqual(['likes_count', 'liked']);
    const likes = post2?.computed?.[0];
    expect(likes?.id).not.toBe('c_post_likes');
    expect(post2?.resource.operations.list.sortable).toEqual([{ fieldId: likes?.id }]);
    expect(post2?.resource.operations.list.defaultOrder?.field).toEqual({ fieldId: likes?.id });
    const follows2 = next.relations.find((r) => r.fromEntityId === user2?.id && r.toEntityId === user2?.id);
    expect(follows2).toBeDefined();
    expect(user2?.computed?.map((c) => c.relationId)).toEqual([follows2?.id, follows2?.id]);
    // User2 is not the auth user: its owner and viewer relations are problems to fix, never dangling ids.
    expectConsistent(next);
  });

  it('leaves computed fields out of a duplicate (it has no relations), with their ids out of its views and sorts', () => {
    const next = applyOperation(social(), { op: 'duplicateEntity', entityId: 'e_post', newId: 'e_post2' });
    const copy = next.entities.find((e) => e.id === 'e_post2') as Entity;
    expect(copy.computed).toBeUndefined();
    expect(copy.resource.operations.list.sortable).toEqual([]);
    expect(copy.resource.operations.list.defaultOrder).toBeUndefined();
    expect(
      validateDesign(next).filter((p) => p.elementId === 'e_post2' && p.code === 'unknown-field'),
    ).toEqual([]);
  });
});
