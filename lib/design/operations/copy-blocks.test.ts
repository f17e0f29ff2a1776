import { describe, expect, it } from 'vitest';
import { feedsDesign } from '@/lib/generator/testing/feeds-designs';
import type { Design, Entity } from '../schema';
import { templates } from '../templates';
import { socialTemplate } from '../templates/social';
import { validateDesign } from '../validate';
import { type Clipboard, copyNodes, pasteOperations, readClipboard } from './clipboard';
import { duplicateEntity } from './entities';
import { allIds } from './helpers';
import { applyOperations } from './operation';
import { entityOf, expectConsistent } from './test-helpers';

/** Behaviour blocks travel with copies: fresh ids, references through the copy, dropped when they would dangle. */

function paste(design: Design, nodeIds: string[]) {
  const read = readClipboard(JSON.stringify(copyNodes(design, nodeIds) as Clipboard));
  if (read.kind !== 'clipboard') throw new Error(`not read back: ${JSON.stringify(read)}`);
  let n = 0;
  const plan = pasteOperations(design, read.clipboard, (prefix) => `${prefix}_${++n}`);
  const next = applyOperations(design, plan.operations);
  return { next, copies: plan.nodeIds.flatMap((id) => next.entities.filter((e) => e.id === id)) };
}

/** Ids of every block of an entity. */
const blockIds = (entity: Entity) => [
  ...(entity.computed ?? []).map((c) => c.id),
  ...(entity.uniques ?? []).map((u) => u.id),
  ...(entity.resource.actions ?? []).map((a) => a.id),
  ...(entity.resource.viewerLists ?? []).map((l) => l.id),
];

/** Every relation id a copy's blocks name. */
const namedRelations = (entity: Entity) => [
  ...(entity.computed ?? []).map((c) => c.relationId),
  ...(entity.resource.actions ?? []).flatMap((a) => (a.kind === 'link' ? [a.relationId] : [])),
  ...(entity.resource.viewerLists ?? []).flatMap((l) => l.path.map((h) => h.relationId)),
  ...(entity.resource.valueLists ?? []).map((v) => v.relationId),
  ...(entity.resource.embedViews ?? []).map((e) => e.relationId),
  ...(entity.resource.lookupRelationId ? [entity.resource.lookupRelationId] : []),
];

function expectNoDuplicateIds(design: Design) {
  expect(validateDesign(design).filter((p) => p.code === 'duplicate-id')).toEqual([]);
}

describe('pasting behaviour blocks', () => {
  it('copies computed fields, actions and viewer lists with fresh ids through the copied relations', () => {
    const social = socialTemplate();
    const before = allIds(social);
    const { next, copies } = paste(social, ['e_user', 'e_post']);
    expectConsistent(next);
    expectNoDuplicateIds(next);
    const [user, post] = copies as [Entity, Entity];
    const copiedRelations = new Set(next.relations.map((r) => r.id).filter((id) => !before.has(id)));
    expect(post.computed?.map((c) => c.name)).toEqual(['likes_count', 'liked']);
    expect(user.computed?.map((c) => c.name)).toEqual(['followers_count', 'following_count', 'followed']);
    expect(post.resource.actions?.map((a) => a.name)).toEqual(['like']);
    expect(user.resource.actions?.map((a) => [a.name, a.viewId])).toEqual([['follow', 'v_user_profile']]);
    expect(post.resource.viewerLists?.map((l) => l.name)).toEqual(['feed', 'liked']);
    for (const entity of [user, post]) {
      for (const id of blockIds(entity)) expect(before.has(id)).toBe(false);
      for (const id of namedRelations(entity)) expect(copiedRelations.has(id)).toBe(true);
    }
    // The copied view shows the copied computed fields.
    const profile = user.views?.find((v) => v.id === 'v_user_profile');
    expect(profile?.fieldIds).toEqual([
      ...user.fields.filter((f) => f.name === 'username' || f.name === 'bio').map((f) => f.id),
      ...(user.computed ?? []).map((c) => c.id),
    ]);
    expect(user.embedViewId).toBe('v_user_profile');
  });

  it('drops the blocks whose relations stayed behind', () => {
    const { next, copies } = paste(socialTemplate(), ['e_post']);
    expectConsistent(next);
    const [post] = copies as [Entity];
    expect(post.computed).toBeUndefined();
    expect(post.resource.actions).toBeUndefined();
    expect(post.resource.viewerLists).toBeUndefined();
  });

  it('copies value lists, embed views and lookups through relations only when both ends come along', () => {
    const conduit = templates.conduit();
    const both = paste(conduit, ['e_article', 'e_tag']);
    expectConsistent(both.next);
    const article = both.copies[0] as Entity;
    const tag = both.copies[1] as Entity;
    expect(article.resource.valueLists).toEqual([
      expect.objectContaining({ fieldId: tag.fields.find((f) => f.name === 'name')?.id, apiName: 'tagList' }),
    ]);
    expect(paste(conduit, ['e_article']).copies[0]?.resource.valueLists).toBeUndefined();

    const feeds = feedsDesign();
    const withUser = paste(feeds, ['e_fd_user', 'e_fd_article', 'e_fd_profile']);
    expectConsistent(withUser.next);
    expectNoDuplicateIds(withUser.next);
    const [user, copiedArticle, profile] = withUser.copies as [Entity, Entity, Entity];
    const author = withUser.next.relations.find(
      (r) => r.fromEntityId === copiedArticle.id && r.toEntityId === user.id,
    );
    expect(copiedArticle.resource.embedViews).toEqual([{ relationId: author?.id, viewId: 'v_fd_user_card' }]);
    expect(copiedArticle.resource.viewerLists?.map((l) => l.path.length)).toEqual([2]);
    const profileUser = withUser.next.relations.find((r) => r.fromEntityId === profile.id);
    expect(profile.resource.lookupRelationId).toBe(profileUser?.id);
    expect(profile.resource.lookupFieldId).toBe(user.fields.find((f) => f.name === 'username')?.id);

    const alone = paste(feeds, ['e_fd_article', 'e_fd_profile']);
    expectConsistent(alone.next);
    const [lonelyArticle, lonelyProfile] = alone.copies as [Entity, Entity];
    expect(lonelyArticle.resource.embedViews).toBeUndefined();
    expect(lonelyArticle.resource.viewerLists).toBeUndefined();
    expect(lonelyProfile.resource.lookupRelationId).toBeUndefined();
    expect(lonelyProfile.resource.lookupFieldId).toBe('id');
  });

  it('gives composite uniques fresh ids and keeps them only with two copied columns', () => {
    const social = socialTemplate();
    const post = entityOf(social, 'e_post');
    const body = post.fields.find((f) => f.name === 'body')?.id as string;
    post.uniques = [{ id: 'u_post_author_body', members: ['r_post_author', body] }];
    const both = paste(social, ['e_user', 'e_post']);
    expectConsistent(both.next);
    const copy = both.copies[1] as Entity;
    expect(copy.uniques).toHaveLength(1);
    expect(copy.uniques?.[0]?.id).not.toBe('u_post_author_body');
    expect(allIds(social).has(copy.uniques?.[0]?.id as string)).toBe(false);
    expect(paste(social, ['e_post']).copies[0]?.uniques).toBeUndefined();
  });
});

describe('duplicating an entity with behaviour blocks', () => {
  it('keeps set actions and field uniques under fresh ids and drops what needs relations', () => {
    const blog = templates.blog();
    const post = entityOf(blog, 'e_post');
    const [a, b] = post.fields.map((f) => f.id) as [string, string];
    post.uniques = [
      { id: 'u_fields', members: [a, b] },
      { id: 'u_author', members: ['r_post_author', a] },
    ];
    const next = duplicateEntity(blog, { entityId: 'e_post', newId: 'e_copy' });
    expectConsistent(next);
    expectNoDuplicateIds(next);
    const copy = entityOf(next, 'e_copy');
    expect(copy.uniques).toEqual([{ id: 'e_copy.u_fields', members: [`e_copy.${a}`, `e_copy.${b}`] }]);
    expect(copy.resource.actions?.map((x) => x.id)).toEqual(['e_copy.a_post_publish']);
    for (const id of blockIds(copy)) expect(allIds(blog).has(id)).toBe(false);

    const social = socialTemplate();
    const copied = entityOf(duplicateEntity(social, { entityId: 'e_post', newId: 'e_copy' }), 'e_copy');
    expect(copied.computed).toBeUndefined();
    expect(copied.resource.actions).toBeUndefined();
    expect(copied.resource.viewerLists).toBeUndefined();
  });

  it('refuses a copy whose block ids are taken', () => {
    const blog = templates.blog();
    const user = entityOf(blog, 'e_user');
    user.resource.actions = [
      {
        id: 'e_copy.a_post_publish',
        kind: 'set',
        name: 'ban',
        method: 'POST',
        access: { kind: 'owner' },
        sets: [],
      },
    ];
    expect(() => duplicateEntity(blog, { entityId: 'e_post', newId: 'e_copy' })).toThrow(
      /e_copy\.a_post_publish/,
    );
  });
});

describe('block ids in the identity check', () => {
  it('reports an action, viewer list, unique or computed id that another element uses', () => {
    const social = socialTemplate();
    const post = entityOf(social, 'e_post');
    const actions = post.resource.actions ?? [];
    post.resource.actions = actions.map((a) => ({ ...a, id: 'e_comment' }));
    post.resource.viewerLists = (post.resource.viewerLists ?? []).map((l, i) =>
      i === 0 ? { ...l, id: 'c_post_likes' } : l,
    );
    post.uniques = [{ id: 'r_likes', members: ['r_post_author', post.fields[0]?.id as string] }];
    const problems = validateDesign(social).filter((p) => p.code === 'duplicate-id');
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'entities[2]', // e_comment, after the post's action that took its id
        'entities[1].resource.viewerLists[0]',
        'relations[3]',
      ].sort(),
    );
    expect(allIds(social).has('e_comment')).toBe(true);
  });
});
