import { describe, expect, it } from 'vitest';
import { feedsDesign } from '@/lib/generator/testing/feeds-designs';
import type { Design, ViewerList } from '../schema';
import { entity, problemsOf } from './test-helpers';

const feed = (design: Design): ViewerList => {
  const list = entity(design, 'e_fd_article').resource.viewerLists?.[0];
  if (!list) throw new Error('no feed');
  return list;
};

describe('viewer lists', () => {
  it('accepts the feed and the me-mounted orders', () => {
    expect(problemsOf(feedsDesign())).toEqual([]);
  });

  it('needs authentication', () => {
    const design = { ...feedsDesign(), auth: null };
    expect(problemsOf(design, 'auth-required').map((p) => p.path)).toContain(
      'entities[1].resource.viewerLists[0]',
    );
  });

  it('reports an unknown relation and a self-relation without a side', () => {
    const design = feedsDesign();
    feed(design).path = [{ relationId: 'r_fd_article_author' }, { relationId: 'r_fd_follows' }];
    expect(problemsOf(design, 'invalid-viewer-list')).toMatchObject([
      { path: 'entities[1].resource.viewerLists[0].path[1]', elementId: 'e_fd_article' },
    ]);
    expect(problemsOf(design, 'invalid-viewer-list')[0]?.message).toMatch(/which side/);
    feed(design).path = [{ relationId: 'gone' }];
    expect(problemsOf(design, 'unknown-relation')).toMatchObject([
      { path: 'entities[1].resource.viewerLists[0].path[0]' },
    ]);
  });

  it('needs connected hops ending at the user entity', () => {
    const design = feedsDesign();
    // The order's owner relation does not start at Article.
    feed(design).path = [{ relationId: 'r_fd_order_owner' }];
    expect(problemsOf(design, 'invalid-viewer-list')[0]?.message).toMatch(/does not start at 'Article'/);
    // Leaving the user through `articles` ends at Article, not at the user.
    feed(design).path = [{ relationId: 'r_fd_article_author' }, { relationId: 'r_fd_article_author' }];
    expect(problemsOf(design, 'invalid-viewer-list')[0]?.message).toMatch(/ends at 'Article'/);
    feed(design).path = [];
    expect(problemsOf(design, 'invalid-viewer-list')[0]?.message).toMatch(/needs a path/);
  });

  it('needs a path segment for a name and a free route', () => {
    const design = feedsDesign();
    feed(design).name = 'My Feed';
    expect(problemsOf(design, 'invalid-name')).toMatchObject([
      { path: 'entities[1].resource.viewerLists[0].name' },
    ]);
    const clash = feedsDesign();
    clash.customEndpoints.push({
      id: 'c_feed',
      entityId: 'e_fd_article',
      method: 'GET',
      path: '/{slug}',
      summary: '',
      access: { kind: 'public' },
    });
    expect(problemsOf(clash, 'duplicate-route')[0]?.message).toMatch(/GET \/articles\/feed clashes/);
    const twice = feedsDesign();
    const order = entity(twice, 'e_fd_order');
    order.resource.viewerLists?.push({ ...(order.resource.viewerLists?.[0] as ViewerList), id: 'vl_2' });
    expect(problemsOf(twice, 'duplicate-route')).toMatchObject([
      { path: 'entities[2].resource.viewerLists[2].name' },
    ]);
  });

  it('refuses nested resources and views with owner-only fields', () => {
    const design = feedsDesign();
    const user = entity(design, 'e_fd_user');
    user.resource.viewerLists = [
      {
        id: 'vl_u',
        name: 'followed',
        mount: 'resource',
        path: [{ relationId: 'r_fd_follows', side: 'field' }],
      },
    ];
    user.views?.push({ id: 'v_fd_user_private', name: 'Private', fieldIds: ['f_fd_user_email'] });
    const list = user.resource.viewerLists[0] as ViewerList;
    list.viewId = 'v_fd_user_private';
    expect(problemsOf(design, 'private-field-in-view').map((p) => p.path)).toContain(
      'entities[0].resource.viewerLists[0].viewId',
    );
    list.viewId = 'missing';
    expect(problemsOf(design, 'unknown-view').map((p) => p.path)).toContain(
      'entities[0].resource.viewerLists[0].viewId',
    );
  });
});
