import { describe, expect, it } from 'vitest';
import { feedsDesign } from '../testing/feeds-designs';
import { buildIr } from './build';
import type { IrEntity } from './types';

const ir = () => buildIr(feedsDesign());
const entity = (id: string): IrEntity => {
  const found = ir().entityById.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('viewer lists in the IR', () => {
  it('plans the feed before the item routes, with the list parameters and signed-in access', () => {
    const ops = entity('e_fd_article').operations;
    const routes = ops.map((op) => `${op.method} ${op.route}`);
    expect(routes.indexOf('get /feed')).toBeLessThan(routes.indexOf('get /{slug}'));
    const feed = ops.find((op) => op.kind === 'viewer_list');
    expect(feed).toMatchObject({
      path: '/articles/feed',
      handler: 'list_articles_feed',
      access: { kind: 'authenticated' },
      response: { name: 'ArticleList', list: false },
      errors: [401, 422],
      summary: 'Articles by the authors the caller follows',
    });
    expect(feed?.params.map((p) => p.wire)).toEqual(['limit', 'offset', 'sort', 'title']);
    expect(entity('e_fd_article').resource.viewerLists?.[0]?.hops).toEqual([
      { attr: 'author', many: false, targetId: 'e_fd_user', fkColumn: 'author_id' },
      { attr: 'followers', many: true, targetId: 'e_fd_user', fkColumn: null },
    ]);
  });

  it('mounts "my orders" under the me path and takes the page class the disabled list leaves free', () => {
    const ops = entity('e_fd_order').operations;
    const mine = ops.at(-1);
    expect(mine).toMatchObject({ kind: 'viewer_list', path: '/auth/me/orders', route: '/auth/me/orders' });
    expect(mine?.response?.name).toBe('OrderList');
    // Orders are read by their owner only: the list stays limited to the caller's own rows.
    expect(mine?.access).toEqual({ kind: 'owner' });
    expect(
      ir()
        .operations.filter((op) => op.kind === 'viewer_list')
        .map((op) => op.path),
    ).toEqual(['/articles/feed', '/orders/deliveries', '/auth/me/orders']);
    // Both order lists show the same items: one page class.
    expect(ops.find((op) => op.path === '/orders/deliveries')?.response?.name).toBe('OrderList');
  });

  it('looks a profile up through its user and embeds the author in the chosen view', () => {
    const profile = entity('e_fd_profile').resource.lookup;
    expect(profile).toMatchObject({ param: 'username', via: { attr: 'user', targetId: 'e_fd_user' } });
    expect(profile.field?.name).toBe('username');
    expect(entity('e_fd_article').resource.embeds).toEqual([
      { attr: 'author', targetId: 'e_fd_user', many: false, view: 'UserCard' },
    ]);
    // Without an embed view of its own, the user's `following` embeds with the user's default view.
    expect(entity('e_fd_user').resource.embeds[0]?.view).toBeUndefined();
  });
});
