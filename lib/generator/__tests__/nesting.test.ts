import { describe, expect, it } from 'vitest';
import { newField } from '@/lib/design/factories';
import type { Design } from '@/lib/design/schema';
import { generateProject } from '../generate';
import { buildIr } from '../ir/build';
import type { IrEntity, IrProject } from '../ir/types';
import { openApiFor } from '../openapi/document';
import { nestedBlog } from '../testing/nesting-designs';

const entityNamed = (ir: IrProject, name: string) =>
  ir.entities.find((e) => e.className === name) as IrEntity;
const opsOf = (ir: IrProject, name: string) =>
  Object.fromEntries(entityNamed(ir, name).operations.map((op) => [op.kind, op]));

describe('nested resources in the IR', () => {
  const ir = buildIr(nestedBlog());

  it('serves every operation under the parent item path, the parent lookup first', () => {
    const ops = opsOf(ir, 'Comment');
    expect(ops.list?.path).toBe('/articles/{slug}/comments');
    expect(ops.get?.path).toBe('/articles/{slug}/comments/{comment_id}');
    expect(ops.create?.params.map((p) => p.name)).toEqual(['slug']);
    expect(ops.delete?.params.map((p) => p.name)).toEqual(['slug', 'comment_id']);
    expect(ops.list?.params[0]?.source).toMatchObject({ kind: 'lookup', entityId: 'e_nb_article' });
  });

  it("renames the parent's lookup when the child's has the same name", () => {
    const ops = opsOf(ir, 'Note');
    expect(ops.get?.path).toBe('/articles/{article_slug}/notes/{slug}');
    expect(entityNamed(ir, 'Note').resource.parent?.param).toBe('article_slug');
  });

  it('plans the parent lookup clear of handler locals', () => {
    const design: Design = structuredClone(nestedBlog());
    const article = design.entities.find((e) => e.id === 'e_nb_article');
    if (!article) throw new Error('no article');
    article.fields.push(newField('f_nb_article_row', 'row', 'string', { unique: true }));
    article.resource.lookupFieldId = 'f_nb_article_row';
    const renamed = buildIr(design);
    expect(entityNamed(renamed, 'Comment').resource.parent?.param).toBe('article_row');
  });

  it('takes the foreign key out of the bodies', () => {
    const fk = entityNamed(ir, 'Comment').fks.find((f) => f.column === 'article_id');
    expect(fk).toMatchObject({ inCreate: false, inUpdate: false });
  });

  it('documents the parent 404, the parent-owner 403 and the viewer 401', () => {
    const comments = opsOf(ir, 'Comment');
    expect(comments.list?.errors).toEqual([401, 404, 422]);
    expect(comments.create?.errors).toContain(404);
    expect(comments.delete?.errors).toEqual([401, 403, 404, 409, 422]);
    expect(opsOf(ir, 'Note').create?.errors).toEqual([401, 403, 404, 409, 422]);
  });

  it('answers in the chosen views', () => {
    expect(opsOf(ir, 'User').get?.response?.name).toBe('UserProfile');
    expect(entityNamed(ir, 'User').schemas.embed).toBe('UserProfile');
    expect(entityNamed(ir, 'Article').resource.views.list).toEqual({ schema: 'ArticleSummary' });
  });
});

describe('nested resources in the generated code and OpenAPI', () => {
  const result = generateProject(nestedBlog());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const comments = result.files['app/api/routes/comments.py'] as string;
  const doc = openApiFor(nestedBlog()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };

  it('sets the foreign key from the path and looks the child up within the parent', () => {
    expect(comments).toContain('router = APIRouter(prefix="/articles/{slug}/comments"');
    expect(comments).toContain('data["article_id"] = await _parent_id(session, slug, current_user)');
    expect(comments).toMatch(
      /Comment\.article_id == await _parent_id\(session, slug, current_user\),\s+Comment\.id == comment_id/,
    );
    expect(comments).toContain('_parent_id(session, slug, current_user, owner=current_user)');
  });

  it('declares the viewer token as optional security, in the code and in OpenAPI', () => {
    expect(comments).toContain('current_user: ViewerUser');
    expect(comments).toContain('openapi_extra={"security": [{}]}');
    expect(doc.paths['/articles/{slug}/comments']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }, {}]);
    expect(doc.paths['/articles/{slug}/comments']?.post?.security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(result.files['app/api/scoping.py']).toContain('async def viewer_user(');
  });

  it('has view schemas with only their fields', () => {
    expect(Object.keys(doc.components.schemas.UserProfile?.properties ?? {})).toEqual(['id', 'display_name']);
    expect(result.files['app/schemas/responses.py']).toContain('author: UserProfile');
  });
});
