import { describe, expect, it } from 'vitest';
import { applyOperations, templates } from '@/lib/design';
import { designToFlow } from './design-to-flow';
import type { EntityFlowNode } from './flow-types';
import { estimatedNodeSize } from './node-size';

/** The blog with one of each canvas mark: a derived slug, a computed count, a composite unique, an action, a feed. */
function markedBlog() {
  return applyOperations(templates.blog(), [
    {
      op: 'updateField',
      fieldId: 'f_post_slug',
      patch: { derive: { kind: 'slug', fromFieldId: 'f_post_title', onUpdate: false } },
    },
    {
      op: 'updateEntity',
      entityId: 'e_post',
      patch: {
        computed: [{ id: 'c_count', name: 'comments_count', kind: 'count', relationId: 'r_comment_post' }],
        uniques: [{ id: 'u_title', members: ['f_post_title', 'r_post_author'] }],
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_post',
      patch: {
        actions: [
          { id: 'a_arc', kind: 'set', name: 'archive', method: 'POST', sets: [], access: { kind: 'owner' } },
        ],
        viewerLists: [
          { id: 'v_feed', name: 'feed', mount: 'resource', path: [{ relationId: 'r_post_author' }] },
        ],
      },
    },
  ]);
}

const postNode = (design: ReturnType<typeof markedBlog>) => {
  const node = designToFlow(design).nodes.find(
    (n): n is EntityFlowNode => n.id === 'e_post' && n.type === 'entity',
  );
  if (!node) throw new Error('no Post box');
  return node;
};

describe('behaviour marks on the canvas', () => {
  it('marks derived fields and lists computed fields and composite uniques as rows that select themselves', () => {
    const rows = postNode(markedBlog()).data.rows;
    const slug = rows.find((r) => r.key === 'f_post_slug');
    expect(slug?.marks).toContain('derived');
    expect(slug?.title).toBe('Derived: slug of title');
    expect(rows.find((r) => r.key === 'c_count')).toEqual({
      key: 'c_count',
      kind: 'computed',
      name: 'comments_count',
      type: 'count',
      marks: ['computed'],
      selectId: 'c_count',
      title: 'Computed: number of comments',
    });
    expect(rows.find((r) => r.key === 'u_title')).toMatchObject({
      kind: 'unique',
      name: '(title, author_id)',
      selectId: 'u_title',
    });
  });

  it('lists actions and viewer lists with the routes, and sizes the box for them', () => {
    const design = markedBlog();
    const node = postNode(design);
    expect(node.data.behaviourRoutes.map((r) => `${r.methods.join('+')} ${r.path}`)).toEqual([
      'POST /posts/{slug}/archive',
      'GET /posts/feed',
    ]);
    const plain = designToFlow(templates.blog()).nodes.find((n) => n.id === 'e_post');
    if (!plain) throw new Error('no Post box');
    // One computed row and one unique row of 22 px and one more behaviour route of 20 px (the template's own
    // publish action, replaced here, already has a route row and the list's padding).
    expect(estimatedNodeSize(node).height - estimatedNodeSize(plain).height).toBe(2 * 22 + 20);
  });
});
