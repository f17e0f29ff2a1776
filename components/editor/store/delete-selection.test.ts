import { describe, expect, it } from 'vitest';
import { applyOperations, type Design } from '@/lib/design';
import { socialTemplate } from '@/lib/design/templates/social';
import { findElement, nodeIdFor } from '../model/find-element';
import { deleteOperationsFor } from './delete-selection';

/** Delete on a selected computed or unique row removes that row, never its entity. */

function withUnique(): Design {
  const design = socialTemplate();
  const post = design.entities.find((e) => e.id === 'e_post');
  if (!post) throw new Error('no post');
  post.uniques = [{ id: 'u_post_author_body', members: ['r_post_author', post.fields[0]?.id as string] }];
  return design;
}

describe('deleting a selected behaviour row', () => {
  it('removes the computed field (and its view and sort entries), keeping the entity', () => {
    const design = withUnique();
    const target = deleteOperationsFor(design, { kind: 'element', id: 'c_user_followers' });
    expect(target?.label).toBe('Delete computed field');
    const next = applyOperations(design, target?.operations ?? []);
    const user = next.entities.find((e) => e.id === 'e_user');
    expect(user).toBeDefined();
    expect(user?.computed?.map((c) => c.id)).toEqual(['c_user_following_count', 'c_user_following']);
    expect(user?.views?.[0]?.fieldIds).not.toContain('c_user_followers');
  });

  it('removes the unique constraint, keeping the entity and its other blocks', () => {
    const design = withUnique();
    const target = deleteOperationsFor(design, { kind: 'element', id: 'u_post_author_body' });
    expect(target?.label).toBe('Delete unique constraint');
    const next = applyOperations(design, target?.operations ?? []);
    const post = next.entities.find((e) => e.id === 'e_post');
    expect(post?.uniques).toEqual([]);
    expect(post?.computed).toHaveLength(3);
  });

  it('resolves the rows to their entity box', () => {
    const design = withUnique();
    expect(findElement(design, 'c_post_likes')?.kind).toBe('computed');
    expect(findElement(design, 'u_post_author_body')?.kind).toBe('unique');
    expect(nodeIdFor(design, 'c_post_likes')).toBe('e_post');
    expect(nodeIdFor(design, 'u_post_author_body')).toBe('e_post');
  });
});
