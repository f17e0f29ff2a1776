import { describe, expect, it } from 'vitest';
import { DesignSchema } from '../schema';
import { templates } from '../templates';
import { applyOperation } from './operation';
import { expectOperationError } from './test-helpers';

/** The blog template with a `comments_count` on Post, used by a view, the list's sort and its default order. */
function blogWithCount() {
  let design = templates.blog();
  const post = design.entities.find((e) => e.id === 'e_post');
  if (!post) throw new Error('blog template without Post');
  design = applyOperation(design, {
    op: 'updateEntity',
    entityId: 'e_post',
    patch: {
      computed: [
        { id: 'c_comments', name: 'comments_count', kind: 'count', relationId: 'r_comment_post' },
        { id: 'c_tags', name: 'tags_count', kind: 'count', relationId: 'r_post_tags' },
      ],
      views: [{ id: 'v_card', name: 'Card', fieldIds: ['f_post_title', 'c_comments', 'c_tags'] }],
    },
  });
  return applyOperation(design, {
    op: 'updateResource',
    entityId: 'e_post',
    patch: {
      operations: {
        list: {
          sortable: [{ fieldId: 'f_post_title' }, { fieldId: 'c_comments' }],
          defaultOrder: { field: { fieldId: 'c_comments' }, direction: 'desc' },
        },
      },
    },
  });
}

describe('deleteComputedField', () => {
  it('removes the computed field and every reference to it, keeping the others', () => {
    const design = applyOperation(blogWithCount(), {
      op: 'deleteComputedField',
      entityId: 'e_post',
      computedId: 'c_comments',
    });
    const post = design.entities.find((e) => e.id === 'e_post');
    expect(post?.computed?.map((c) => c.id)).toEqual(['c_tags']);
    expect(post?.views?.[0]?.fieldIds).toEqual(['f_post_title', 'c_tags']);
    expect(post?.resource.operations.list.sortable).toEqual([{ fieldId: 'f_post_title' }]);
    expect(post?.resource.operations.list.defaultOrder).toBeUndefined();
    expect(DesignSchema.safeParse(design).success).toBe(true);
  });

  it('keeps a default order on another field', () => {
    const base = applyOperation(blogWithCount(), {
      op: 'updateResource',
      entityId: 'e_post',
      patch: {
        operations: { list: { defaultOrder: { field: { fieldId: 'f_post_title' }, direction: 'asc' } } },
      },
    });
    const design = applyOperation(base, {
      op: 'deleteComputedField',
      entityId: 'e_post',
      computedId: 'c_comments',
    });
    expect(design.entities.find((e) => e.id === 'e_post')?.resource.operations.list.defaultOrder).toEqual({
      field: { fieldId: 'f_post_title' },
      direction: 'asc',
    });
  });

  it('refuses an unknown computed field or entity', () => {
    expectOperationError(
      () =>
        applyOperation(blogWithCount(), {
          op: 'deleteComputedField',
          entityId: 'e_post',
          computedId: 'nope',
        }),
      'not-found',
    );
    expectOperationError(
      () =>
        applyOperation(blogWithCount(), {
          op: 'deleteComputedField',
          entityId: 'nope',
          computedId: 'c_tags',
        }),
      'not-found',
    );
  });
});
