import { describe, expect, it } from 'vitest';
import { nestedBlog } from '@/lib/generator/testing/nesting-designs';
import { newRelation } from '../factories';
import type { Design } from '../schema';
import { entity, problemsOf } from './test-helpers';

const design = (): Design => structuredClone(nestedBlog());

describe('nested resources', () => {
  it('accepts the nested blog', () => {
    expect(problemsOf(design())).toEqual([]);
  });

  it('refuses a parent relation that is not a many-to-one from the entity', () => {
    const d = design();
    entity(d, 'e_nb_comment').resource.parentRelationId = 'r_nb_article_author';
    const problems = problemsOf(d, 'invalid-parent-relation');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      elementId: 'e_nb_comment',
      path: 'entities[2].resource.parentRelationId',
    });
  });

  it('refuses nesting the user entity', () => {
    const d = design();
    d.relations.push(
      newRelation('r_nb_home', 'e_nb_user', 'e_nb_article', { fieldName: 'home', backrefName: 'homed' }),
    );
    entity(d, 'e_nb_user').resource.parentRelationId = 'r_nb_home';
    expect(problemsOf(d, 'invalid-parent-relation')[0]?.message).toMatch(/user entity/);
  });

  it('refuses an optional parent relation', () => {
    const d = design();
    const relation = d.relations.find((r) => r.id === 'r_nb_comment_article');
    if (relation) relation.nullable = true;
    expect(problemsOf(d, 'invalid-parent-relation')[0]?.message).toMatch(/optional/);
  });

  it('refuses nesting two levels deep and cycles of nesting', () => {
    const d = design();
    d.relations.push(
      newRelation('r_nb_reply', 'e_nb_note', 'e_nb_comment', { fieldName: 'comment', backrefName: 'notes' }),
    );
    entity(d, 'e_nb_note').resource.parentRelationId = 'r_nb_reply';
    expect(problemsOf(d, 'nesting-too-deep')).toHaveLength(1);
    const cyc = design();
    cyc.relations.push(
      newRelation('r_nb_back', 'e_nb_article', 'e_nb_comment', {
        fieldName: 'pinned',
        backrefName: 'pinned_on',
      }),
    );
    entity(cyc, 'e_nb_article').resource.parentRelationId = 'r_nb_back';
    expect(
      problemsOf(cyc, 'nesting-cycle')
        .map((p) => p.elementId)
        .sort(),
    ).toEqual(['e_nb_article', 'e_nb_comment']);
  });

  it('finds nested routes that clash with another resource', () => {
    const d = design();
    entity(d, 'e_nb_note').resource.path = '/comments';
    expect(problemsOf(d, 'duplicate-route')[0]?.message).toContain('/articles/{}/comments');
  });

  it('finds custom endpoints that clash with nested routes', () => {
    const d = design();
    d.customEndpoints.push({
      id: 'c_nb_clash',
      entityId: 'e_nb_article',
      method: 'GET',
      path: '/{slug}/comments',
      summary: 'Clash',
      access: { kind: 'public' },
    });
    expect(problemsOf(d, 'duplicate-route')[0]).toMatchObject({ elementId: 'c_nb_clash' });
  });

  it('needs a nested parent with an owner for owner-of-parent rules', () => {
    const d = design();
    delete entity(d, 'e_nb_note').resource.parentRelationId;
    expect(problemsOf(d, 'parent-owner-without-parent')).toHaveLength(3);
    const unowned = design();
    delete entity(unowned, 'e_nb_article').resource.ownerRelationId;
    delete entity(unowned, 'e_nb_article').resource.publicRowsFieldId;
    for (const op of ['update', 'delete'] as const)
      entity(unowned, 'e_nb_article').resource.operations[op].access = { kind: 'authenticated' };
    expect(problemsOf(unowned, 'parent-owner-without-parent')[0]?.message).toMatch(/'Article' has no owner/);
  });

  it('needs auth for rules that know their viewer', () => {
    const d = design();
    d.auth = null;
    expect(problemsOf(d, 'viewer-without-auth')).toHaveLength(2);
  });
});

describe('entity views', () => {
  it('refuses view names that clash with generated schemas', () => {
    const d = design();
    const user = entity(d, 'e_nb_user');
    user.views?.push({ id: 'v_read', name: 'Read', fieldIds: [] });
    const problems = problemsOf(d, 'view-name-clash');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("'UserRead'");
  });

  it('refuses unknown fields, write-only fields, and owner-only fields in views read by others', () => {
    const d = design();
    const user = entity(d, 'e_nb_user');
    const profile = user.views?.[0];
    if (!profile) throw new Error('no view');
    profile.fieldIds = ['f_nb_user_name', 'f_nb_article_title', 'f_nb_user_password', 'f_nb_user_email'];
    expect(problemsOf(d, 'unknown-field').map((p) => p.path)).toEqual(['entities[0].views[0].fieldIds[1]']);
    const privateOnes = problemsOf(d, 'private-field-in-view').map((p) => p.path);
    // The password everywhere; the e-mail where the view is read by others (embed view, public get).
    expect(privateOnes).toEqual([
      'entities[0].views[0].fieldIds[2]',
      'entities[0].embedViewId',
      'entities[0].resource.operations.get.viewId',
    ]);
  });

  it('reports views that no longer exist', () => {
    const d = design();
    entity(d, 'e_nb_article').resource.operations.get.viewId = 'v_gone';
    expect(problemsOf(d, 'unknown-view')).toHaveLength(1);
  });
});
