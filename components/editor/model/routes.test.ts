import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { nestedBlog } from '@/lib/generator/testing/nesting-designs';
import { accessLabel, collectionPath, entityRoutes } from './routes';

describe('nested routes in the editor', () => {
  it("shows a nested resource under its parent's item path", () => {
    const design = templates.blog();
    const comment = design.entities.find((e) => e.id === 'e_comment');
    if (!comment) throw new Error('no comment');
    expect(collectionPath(comment, design)).toBe('/comments');
    comment.resource.parentRelationId = 'r_comment_post';
    expect(entityRoutes(comment, design).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /posts/{slug}/comments',
      'GET /posts/{slug}/comments/{id}',
      'POST /posts/{slug}/comments',
      'PATCH /posts/{slug}/comments/{id}',
      'DELETE /posts/{slug}/comments/{id}',
    ]);
  });

  it("prefixes the parent's lookup when the child's has the same name, as the generator does", () => {
    const design = nestedBlog();
    const note = design.entities.find((e) => e.id === 'e_nb_note');
    if (!note) throw new Error('no note');
    expect(collectionPath(note, design)).toBe('/articles/{article_slug}/notes');
  });

  it('labels viewer and parent-owner rules', () => {
    expect(accessLabel({ kind: 'public', viewer: true })).toBe('Public (knows the viewer)');
    expect(accessLabel({ kind: 'owner', of: 'parent' })).toBe("Parent's owner");
  });
});
