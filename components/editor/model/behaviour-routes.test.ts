import { describe, expect, it } from 'vitest';
import { type Design, type Entity, templates } from '@/lib/design';
import { behaviourRouteLabel, behaviourRoutes } from './behaviour-routes';

function withBlocks(): { design: Design; post: Entity; user: Entity } {
  const design = templates.blog();
  const post = design.entities.find((e) => e.id === 'e_post');
  const user = design.entities.find((e) => e.id === 'e_user');
  if (!post || !user) throw new Error('blog template changed');
  post.resource.actions = [
    { id: 'a_pub', kind: 'set', name: 'publish', method: 'POST', sets: [], access: { kind: 'owner' } },
    {
      id: 'a_tag',
      kind: 'link',
      name: 'tags',
      relationId: 'r_post_tags',
      target: 'row',
      access: { kind: 'owner' },
    },
  ];
  post.resource.viewerLists = [
    { id: 'v_feed', name: 'feed', mount: 'resource', path: [{ relationId: 'r_post_author' }] },
    { id: 'v_mine', name: 'posts', mount: 'me', path: [{ relationId: 'r_post_author' }] },
  ];
  user.resource.actions = [
    {
      id: 'a_follow',
      kind: 'link',
      name: 'follow',
      relationId: 'r_user_follows',
      side: 'backref',
      target: 'viewer',
      access: { kind: 'authenticated' },
    },
  ];
  return { design, post, user };
}

describe('behaviourRoutes', () => {
  it('lists actions on the item path and viewer lists under the resource or the current user', () => {
    const { design, post, user } = withBlocks();
    expect(behaviourRoutes(post, design).map(behaviourRouteLabel)).toEqual([
      'POST /posts/{slug}/publish',
      'POST and DELETE /posts/{slug}/tags/{id}',
      'GET /posts/feed',
      'GET /auth/me/posts',
    ]);
    expect(behaviourRoutes(user, design).map(behaviourRouteLabel)).toEqual([
      'POST and DELETE /users/{username}/follow',
    ]);
    expect(behaviourRoutes(user, design)[0]).toMatchObject({
      kind: 'link',
      locked: true,
      access: 'Signed-in users',
    });
  });
});
