import { describe, expect, it } from 'vitest';
import { feedsDesign } from '@/lib/generator/testing/feeds-designs';
import { PRIMARY_KEY_REF } from '../schema';
import { validateDesign } from '../validate';
import { applyOperation } from './index';

const entity = (design: ReturnType<typeof feedsDesign>, id: string) => {
  const found = design.entities.find((e) => e.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('viewer lists, relation lookups and embed views follow deletes', () => {
  it('deleting the follow relation drops the feed; the orders list stays', () => {
    const design = applyOperation(feedsDesign(), { op: 'deleteRelation', relationId: 'r_fd_follows' });
    expect(entity(design, 'e_fd_article').resource.viewerLists).toEqual([]);
    expect(entity(design, 'e_fd_order').resource.viewerLists).toHaveLength(2);
    expect(validateDesign(design)).toEqual([]);
  });

  it('deleting the lookup relation goes back to the id; deleting the author drops its embed view', () => {
    let design = applyOperation(feedsDesign(), { op: 'deleteRelation', relationId: 'r_fd_profile_user' });
    const profile = entity(design, 'e_fd_profile').resource;
    expect(profile.lookupRelationId).toBeUndefined();
    expect(profile.lookupFieldId).toBe(PRIMARY_KEY_REF);
    design = applyOperation(design, { op: 'deleteRelation', relationId: 'r_fd_article_author' });
    expect(entity(design, 'e_fd_article').resource.embedViews).toEqual([]);
    // Owner rules lose their relation too (reported as such); nothing of these blocks dangles.
    const mine = ['unknown-relation', 'invalid-lookup-relation', 'invalid-embed-view', 'invalid-viewer-list'];
    expect(validateDesign(design).filter((p) => mine.includes(p.code))).toEqual([]);
  });

  it('deleting the looked-up field drops the lookup relation', () => {
    const design = applyOperation(feedsDesign(), { op: 'deleteField', fieldId: 'f_fd_user_username' });
    const profile = entity(design, 'e_fd_profile').resource;
    expect(profile.lookupRelationId).toBeUndefined();
    expect(profile.lookupFieldId).toBe(PRIMARY_KEY_REF);
  });

  it('updateResource sets a lookup through a relation and un-embedding drops the embed view', () => {
    let design = applyOperation(feedsDesign(), {
      op: 'updateResource',
      entityId: 'e_fd_profile',
      patch: { lookupRelationId: null },
    });
    expect(entity(design, 'e_fd_profile').resource.lookupFieldId).toBe(PRIMARY_KEY_REF);
    design = applyOperation(design, {
      op: 'updateResource',
      entityId: 'e_fd_profile',
      patch: { lookupRelationId: 'r_fd_profile_user', lookupFieldId: 'f_fd_user_username' },
    });
    expect(entity(design, 'e_fd_profile').resource.lookupFieldId).toBe('f_fd_user_username');
    design = applyOperation(design, {
      op: 'updateResource',
      entityId: 'e_fd_article',
      patch: { embed: [] },
    });
    expect(entity(design, 'e_fd_article').resource.embedViews).toEqual([]);
    expect(() =>
      applyOperation(design, {
        op: 'updateResource',
        entityId: 'e_fd_article',
        patch: { viewerLists: [{ id: 'x', name: 'x', mount: 'resource', path: [{ relationId: 'gone' }] }] },
      }),
    ).toThrow(/no relation/);
  });
});

describe('removed views', () => {
  it('leave the embed views and viewer lists that picked them', () => {
    const start = feedsDesign();
    const article = start.entities.find((e) => e.id === 'e_fd_article');
    if (!article) throw new Error('no article');
    article.views = [{ id: 'v_fd_article_teaser', name: 'Teaser', fieldIds: ['f_fd_article_title'] }];
    const feed = article.resource.viewerLists?.[0];
    if (feed) feed.viewId = 'v_fd_article_teaser';
    expect(validateDesign(start)).toEqual([]);
    let design = applyOperation(start, {
      op: 'updateEntity',
      entityId: 'e_fd_article',
      patch: { views: [] },
    });
    expect(entity(design, 'e_fd_article').resource.viewerLists?.[0]?.viewId).toBeUndefined();
    design = applyOperation(design, {
      op: 'updateEntity',
      entityId: 'e_fd_user',
      patch: { views: [{ id: 'v_fd_user_profile', name: 'Profile', fieldIds: ['f_fd_user_username'] }] },
    });
    expect(entity(design, 'e_fd_article').resource.embedViews).toEqual([]);
    expect(validateDesign(design)).toEqual([]);
  });
});
