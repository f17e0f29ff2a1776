import { describe, expect, it } from 'vitest';
import { feedsDesign } from '@/lib/generator/testing/feeds-designs';
import { entity, problemsOf } from './test-helpers';

describe('lookups through a relation', () => {
  it('takes a unique field of the one-to-one relation target', () => {
    expect(problemsOf(feedsDesign())).toEqual([]);
  });

  it('refuses a relation that is not one-to-one, and a field of another entity', () => {
    const design = feedsDesign();
    const profile = entity(design, 'e_fd_profile');
    profile.resource.lookupRelationId = 'r_fd_article_author';
    expect(problemsOf(design, 'invalid-lookup-relation')).toMatchObject([
      { path: 'entities[3].resource.lookupRelationId', elementId: 'e_fd_profile' },
    ]);
    profile.resource.lookupRelationId = 'r_fd_profile_user';
    profile.resource.lookupFieldId = 'f_fd_profile_headline';
    expect(problemsOf(design, 'invalid-lookup-relation')).toMatchObject([
      { path: 'entities[3].resource.lookupFieldId' },
    ]);
    profile.resource.lookupRelationId = 'gone';
    expect(problemsOf(design, 'unknown-relation')).toMatchObject([
      { path: 'entities[3].resource.lookupRelationId' },
    ]);
  });

  it('needs the field to be unique and readable', () => {
    const design = feedsDesign();
    entity(design, 'e_fd_profile').resource.lookupFieldId = 'f_fd_user_bio';
    expect(problemsOf(design, 'lookup-not-unique')).toMatchObject([
      { path: 'entities[3].resource.lookupFieldId' },
    ]);
    // The user's e-mail is owner-only: public profile URLs would reveal it.
    entity(design, 'e_fd_profile').resource.lookupFieldId = 'f_fd_user_email';
    expect(problemsOf(design, 'private-field-exposed')).toMatchObject([
      { path: 'entities[3].resource.lookupFieldId' },
    ]);
    entity(design, 'e_fd_profile').resource.lookupFieldId = 'f_fd_user_password';
    expect(problemsOf(design, 'password-exposed')).toMatchObject([
      { path: 'entities[3].resource.lookupFieldId' },
    ]);
  });
});

describe('per-relation embed views', () => {
  it('needs an embedded relation and a view of its target without owner-only fields', () => {
    const design = feedsDesign();
    const article = entity(design, 'e_fd_article');
    article.resource.embedViews = [{ relationId: 'r_fd_follows', viewId: 'v_fd_user_card' }];
    expect(problemsOf(design, 'invalid-embed-view')[0]?.message).toMatch(/does not embed/);
    article.resource.embedViews = [{ relationId: 'r_fd_article_author', viewId: 'nope' }];
    expect(problemsOf(design, 'invalid-embed-view')).toMatchObject([
      { path: 'entities[1].resource.embedViews[0].viewId' },
    ]);
    entity(design, 'e_fd_user').views?.push({
      id: 'v_fd_user_mail',
      name: 'Mail',
      fieldIds: ['f_fd_user_email'],
    });
    article.resource.embedViews = [{ relationId: 'r_fd_article_author', viewId: 'v_fd_user_mail' }];
    expect(problemsOf(design, 'private-field-in-view').map((p) => p.path)).toEqual([
      'entities[1].resource.embedViews[0].viewId',
    ]);
  });
});
