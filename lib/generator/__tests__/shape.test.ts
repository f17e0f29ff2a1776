import { describe, expect, it } from 'vitest';
import { buildIr } from '../ir/build';
import { shapeDesigns } from '../testing/shape-designs';

const ir = (name: string) => buildIr((shapeDesigns[name] as () => never)());

describe('the API shape in the IR', () => {
  it('names JSON keys in the naming style, with a field’s own API name first', () => {
    const article = ir('shape-camel-wrapped').entities.find((e) => e.className === 'BlogArticle');
    expect(Object.fromEntries(article?.wire ?? [])).toEqual({
      body_text: 'bodyText',
      view_count: 'viewCount',
      published_at: 'publishedAt',
      written_by_id: 'writtenById',
      written_by: 'writtenBy',
      created_at: 'createdAt',
      updated_at: 'updatedAt',
    });
    const author = ir('shape-camel-wrapped').entities.find((e) => e.className === 'Author');
    expect(author?.fields.map((f) => f.api)).toEqual(['username', 'handle', 'shortBio']);
  });

  it('plans page paging, filter parameters and camelCase sort keys', () => {
    const list = ir('shape-camel-wrapped').operations.find((op) => op.handler === 'list_blog_articles');
    expect(list?.params.map((p) => [p.name, p.wire])).toEqual([
      ['page', 'page'],
      ['size', 'pageSize'],
      ['sort', 'sort'],
      ['author', 'author'],
      ['view_count', 'viewCount'],
    ]);
    expect(list?.params.find((p) => p.name === 'sort')?.source).toMatchObject({
      keys: ['title', '-title', 'viewCount', '-viewCount'],
    });
    expect(list?.response).toEqual({ name: 'BlogArticleList', module: 'app.schemas.responses', list: false });
  });

  it('answers and takes envelopes, and serves PATCH and PUT under distinct operation ids', () => {
    const ops = ir('shape-camel-wrapped').operations.filter((op) => op.kind === 'update');
    // The project updates with PATCH; the article (resource override) with both.
    expect(ops.map((op) => [op.method, op.operationId, op.body?.name, op.response?.name])).toEqual([
      ['patch', 'update_author', 'AuthorUpdateBody', 'AuthorReadEnvelope'],
      ['patch', 'update_blog_article', 'BlogArticleUpdateBody', 'BlogArticleDetailEnvelope'],
      ['put', 'replace_blog_article', 'BlogArticleReplaceBody', 'BlogArticleDetailEnvelope'],
    ]);
  });

  it('answers bare arrays with renamed limit/offset, PUT only, and the resource overrides', () => {
    const project = ir('shape-bare-arrays');
    const list = project.operations.find((op) => op.handler === 'list_notes');
    expect(list?.response).toMatchObject({ name: 'NoteRead', list: true });
    expect(list?.params.slice(0, 2).map((p) => [p.name, p.wire])).toEqual([
      ['limit', 'take'],
      ['offset', 'skip'],
    ]);
    expect(list?.params.find((p) => p.source.kind === 'filter')?.wire).toBe('is_pinned');
    const updates = project.operations.filter((op) => op.kind === 'update');
    expect(updates.map((op) => [op.handler, op.method])).toEqual([
      ['update_note', 'put'],
      ['update_label', 'patch'],
    ]);
    const note = project.entities.find((e) => e.className === 'Note');
    expect(note?.resource.shape.objectKey).toBeNull();
    expect(note?.wire.get('created_at')).toBe('created');
    expect(note?.wire.get('updated_at')).toBe('modified');
  });

  it('takes no paging parameters without paging', () => {
    const list = ir('shape-unpaged').operations.find((op) => op.kind === 'list');
    expect(list?.params.map((p) => p.name)).toEqual(['sort']);
    expect(list?.description).toMatch(/^Every one of the City rows/);
  });
});
