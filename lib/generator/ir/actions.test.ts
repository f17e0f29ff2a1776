import { describe, expect, it } from 'vitest';
import { openApiFor } from '../openapi/document';
import { actionsBlog, actionsThrough } from '../testing/actions-designs';
import { buildIr } from './build';
import type { IrEntity } from './types';

const ir = buildIr(actionsBlog());
const entity = (name: string) => ir.entities.find((e) => e.className === name) as IrEntity;
const row = (e: IrEntity) =>
  e.actionOperations.map((op) => `${op.method} ${op.path} ${op.handler} ${op.status} ${op.errors.join(',')}`);

describe('actions in the operation table', () => {
  it('serves links at POST/DELETE {item}/{name}[/{other}] and set actions with their verb, after the CRUD ones', () => {
    expect(row(entity('Article'))).toEqual([
      'post /articles/{slug}/favorite favorite_article 200 401,404,409,422',
      'delete /articles/{slug}/favorite unfavorite_article 200 401,404,422',
      'post /articles/{slug}/tags/{name} tags_article 200 401,404,409,422',
      'delete /articles/{slug}/tags/{name} untags_article 200 401,404,422',
      'post /articles/{slug}/publish publish_article 200 401,404,409,422',
      'put /articles/{slug}/claim claim_article 200 401,404,409,422',
    ]);
    const ops = ir.operations.map((op) => op.handler);
    expect(ops.indexOf('favorite_article')).toBe(ops.indexOf('delete_article') + 1);
  });

  it('stores a link with the row on its side of the relation', () => {
    const follow = entity('User').resource.actions[0];
    // The followed user is on the backref side: the follower (the caller) holds `following`, the left column.
    expect(follow).toMatchObject({
      kind: 'link',
      target: 'viewer',
      store: { kind: 'table', table: 'follows', rowColumn: 'related_user_id', otherColumn: 'user_id' },
    });
    const through = buildIr(actionsThrough()).entities.find((e) => e.className === 'Article') as IrEntity;
    expect(through.resource.actions[0]).toMatchObject({
      store: { kind: 'through', rowColumn: 'article_id', otherColumn: 'user_id' },
    });
  });

  it('plans the other row of a self-relation link clear of the item lookup', () => {
    const design = actionsBlog();
    const user = design.entities[0];
    if (user?.resource.actions?.[0]?.kind === 'link') user.resource.actions[0].target = 'row';
    const link = buildIr(design).entities.find((e) => e.className === 'User')?.actionOperations[0];
    expect(link?.path).toBe('/profiles/{username}/follow/{other_username}');
    expect(link?.params.map((p) => [p.name, p.source.kind])).toEqual([
      ['username', 'lookup'],
      ['other_username', 'lookup'],
    ]);
  });

  it("never answers an open action with owner-only fields, even when the get is the owner's", () => {
    const design = actionsBlog();
    const user = design.entities[0];
    if (user) user.resource.operations.get.access = { kind: 'owner' };
    const follow = buildIr(design).entities.find((e) => e.className === 'User')?.actionOperations[0];
    expect(follow?.response?.name).toBe('UserPublic');
    const own = buildIr(actionsBlog()).entities.find((e) => e.className === 'Article');
    // The publish action is the owner's: it answers what the get answers.
    expect(own?.actionOperations.find((o) => o.handler === 'publish_article')?.response?.name).toBe(
      'ArticleDetail',
    );
  });

  it('documents actions in OpenAPI: the token, the answer in the resource shape, errors in the design format', () => {
    const doc = openApiFor(actionsThrough()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown; responses: Record<string, { content?: unknown }> }>
      >;
    };
    const bookmark = doc.paths['/articles/{slug}/bookmark'];
    expect(Object.keys(bookmark ?? {})).toEqual(['post', 'delete']);
    expect(bookmark?.post?.security).toEqual([{ APIKeyHeader: [] }]);
    expect(Object.keys(bookmark?.post?.responses ?? {})).toEqual(['200', '401', '404', '409', '422']);
    expect(JSON.stringify(bookmark?.post?.responses['200'])).toContain(
      '#/components/schemas/ArticleReadEnvelope',
    );
    expect(JSON.stringify(bookmark?.post?.responses['404'])).toContain('FieldErrors');
    expect(Object.keys(doc.paths['/articles/{slug}/archive'] ?? {})).toEqual(['patch']);
  });
});
