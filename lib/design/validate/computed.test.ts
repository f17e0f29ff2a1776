import { describe, expect, it } from 'vitest';
import { focusedDesigns } from '@/lib/generator/testing/designs';
import type { Design, Entity } from '../schema';
import { problemsOf } from './test-helpers';

const social = (): Design => structuredClone((focusedDesigns['computed-social'] as () => Design)());
const catalog = (): Design => structuredClone((focusedDesigns['computed-catalog'] as () => Design)());
const entity = (design: Design, id: string): Entity => design.entities.find((e) => e.id === id) as Entity;
const computed = (design: Design, entityId: string, id: string) => {
  const found = entity(design, entityId).computed?.find((c) => c.id === id);
  if (!found) throw new Error(`no computed ${id}`);
  return found;
};
const paths = (design: Design, code = 'invalid-computed') => problemsOf(design, code).map((p) => p.path);

describe('computed fields', () => {
  it('accepts the test designs, views, sorts and default orders naming computed ids', () => {
    expect(problemsOf(social())).toEqual([]);
    expect(problemsOf(catalog())).toEqual([]);
  });

  it('refuses a relation that is no to-many of the entity', () => {
    const design = social();
    const c = computed(design, 'e_post', 'c_post_likes');
    c.relationId = 'r_post_author'; // Post -> User: one author per post
    expect(paths(design)).toEqual(['entities[1].computed[0].relationId']);
    c.relationId = 'r_comment_post';
    expect(paths(design)).toEqual([]);
    c.relationId = 'r_gone';
    expect(paths(design, 'unknown-relation')).toEqual(['entities[1].computed[0].relationId']);
  });

  it('asks for a side on self-relations, and refuses a relation that does not involve the entity', () => {
    const design = social();
    delete computed(design, 'e_user', 'c_user_followers').side;
    const problems = problemsOf(design, 'invalid-computed');
    expect(problems.map((p) => p.path)).toEqual(['entities[0].computed[0].relationId']);
    expect(problems[0]?.message).toMatch(/choose a side/);
    computed(design, 'e_user', 'c_user_followers').relationId = 'r_comment_post';
    expect(problemsOf(design, 'invalid-computed')[0]?.message).toMatch(/does not involve 'User'/);
    // The to-one side of a self many-to-one counts nothing.
    const cat = catalog();
    computed(cat, 'e_cat', 'c_cat_children').side = 'field';
    expect(paths(cat)).toEqual(['entities[0].computed[0].relationId']);
  });

  it('aggregates numeric fields of the related entity only', () => {
    const design = social();
    const c = computed(design, 'e_post', 'c_post_rating');
    c.fieldId = 'f_comment_body';
    expect(problemsOf(design, 'invalid-computed')[0]?.message).toMatch(/text, not a number/);
    c.fieldId = 'f_post_title'; // a field of the post itself
    expect(paths(design)).toEqual(['entities[1].computed[3].fieldId']);
    delete c.fieldId;
    expect(paths(design)).toEqual(['entities[1].computed[3].fieldId']);
  });

  it('checks the where field and its value', () => {
    const design = social();
    const c = computed(design, 'e_post', 'c_post_comments');
    c.where = { fieldId: 'f_comment_approved', equals: 'yes' };
    expect(paths(design)).toEqual(['entities[1].computed[2].where.equals']);
    c.where = { fieldId: 'f_user_bio', equals: 'x' };
    expect(paths(design)).toEqual(['entities[1].computed[2].where.fieldId']);
  });

  it('needs a relation to the user entity and a known caller for viewer-linked values', () => {
    const design = social();
    const post = entity(design, 'e_post');
    post.resource.operations.get.access = { kind: 'public' };
    // Its own `liked`, and `following` of the author's profile it embeds.
    const problems = problemsOf(design, 'invalid-computed');
    expect(problems.map((p) => p.path)).toEqual([
      'entities[1].resource.operations.get.access',
      'entities[1].resource.operations.get.access',
    ]);
    expect(problems[0]?.message).toMatch(/'following' of 'User', which depends on the caller/);
    expect(problems[1]?.message).toMatch(/'liked' of 'Post', which depends on the caller/);
    post.resource.operations.get.access = { kind: 'authenticated' };
    expect(paths(design)).toEqual([]);
    // Posts embed their author's profile, which shows `following`: the list must know its caller too.
    post.resource.operations.list.access = { kind: 'public' };
    expect(paths(design)).toEqual([
      'entities[1].resource.operations.list.access',
      'entities[1].resource.operations.list.access',
    ]);
    const noAuth = social();
    noAuth.auth = null;
    const computedPaths = problemsOf(noAuth, 'viewer-without-auth')
      .map((p) => p.path)
      .filter((p) => p.includes('.computed['));
    expect(computedPaths).toEqual(['entities[0].computed[1].kind', 'entities[1].computed[1].kind']);
    const wrongTarget = social();
    computed(wrongTarget, 'e_post', 'c_post_liked').relationId = 'r_comment_post';
    expect(paths(wrongTarget)).toEqual(['entities[1].computed[1].relationId']);
  });

  it('refuses names clashing with fields, relations and JSON names, and sorts or filters it cannot serve', () => {
    const design = social();
    computed(design, 'e_post', 'c_post_likes').name = 'title';
    computed(design, 'e_post', 'c_post_rated').name = 'author';
    expect(problemsOf(design, 'duplicate-field-name').map((p) => p.path)).toEqual([
      'entities[1].computed[0].name',
      'entities[1].computed[4].name',
    ]);
    const reserved = social();
    computed(reserved, 'e_post', 'c_post_likes').name = 'model_count';
    computed(reserved, 'e_post', 'c_post_liked').name = 'LikedIt';
    expect(problemsOf(reserved, 'invalid-name').map((p) => p.path)).toEqual([
      'entities[1].computed[0].name',
      'entities[1].computed[1].name',
    ]);
    const json = social();
    computed(json, 'e_post', 'c_post_rated').apiName = 'approvedComments';
    expect(problemsOf(json, 'duplicate-api-name').map((p) => p.path)).toEqual([
      'entities[1].computed[4].apiName',
    ]);
    const sorts = social();
    const list = entity(sorts, 'e_post').resource.operations.list;
    list.sortable.push({ fieldId: 'c_post_liked' });
    list.filters.push({ fieldId: 'c_post_likes' });
    expect(paths(sorts)).toEqual([
      'entities[1].resource.operations.list.sortable[3]',
      'entities[1].resource.operations.list.filters[0]',
    ]);
  });

  it('claims computed ids like every other id', () => {
    const design = social();
    computed(design, 'e_post', 'c_post_likes').id = 'f_post_title';
    expect(problemsOf(design, 'duplicate-id').length).toBeGreaterThan(0);
  });
});
