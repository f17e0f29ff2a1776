import { describe, expect, it } from 'vitest';
import { actionsBlog } from '@/lib/generator/testing/actions-designs';
import { validateDesign } from '../validate';
import { deleteEntity, updateEntity } from './entities';
import { deleteField } from './fields';
import { deleteRelation } from './relations';
import { entityOf } from './test-helpers';

const actionsOf = (design: ReturnType<typeof actionsBlog>, entityId: string) =>
  entityOf(design, entityId).resource.actions ?? [];

describe('actions clean-up', () => {
  it('drops link actions through a deleted relation, and viewer values set into one', () => {
    const next = deleteRelation(deleteRelation(actionsBlog(), { relationId: 'r_ab_favorites' }), {
      relationId: 'r_ab_article_editor',
    });
    const ids = actionsOf(next, 'e_ab_article').map((a) => a.id);
    expect(ids).toEqual(['a_ab_tag', 'a_ab_publish', 'a_ab_claim']);
    const claim = actionsOf(next, 'e_ab_article').find((a) => a.id === 'a_ab_claim');
    expect(claim?.kind === 'set' && claim.sets).toEqual([]);
    // Nothing dangles: what is left is an action that sets nothing, reported as such.
    expect(validateDesign(next).map((p) => p.code)).toEqual(['invalid-action']);
  });

  it('stops setting a deleted field', () => {
    const next = deleteField(actionsBlog(), { fieldId: 'f_ab_article_published_at' });
    const publish = actionsOf(next, 'e_ab_article').find((a) => a.id === 'a_ab_publish');
    expect(publish?.kind === 'set' && publish.sets.map((s) => s.fieldId)).toEqual(['f_ab_article_published']);
    expect(validateDesign(next)).toEqual([]);
  });

  it('answers with the get response once the action view is removed', () => {
    const withView = updateEntity(actionsBlog(), {
      entityId: 'e_ab_article',
      patch: { views: [{ id: 'v_card', name: 'Card', fieldIds: ['f_ab_article_title'] }] },
    });
    const chosen = structuredClone(withView);
    const favorite = actionsOf(chosen, 'e_ab_article')[0];
    if (favorite) favorite.viewId = 'v_card';
    expect(validateDesign(chosen)).toEqual([]);
    const next = updateEntity(chosen, { entityId: 'e_ab_article', patch: { views: [] } });
    expect(actionsOf(next, 'e_ab_article')[0]?.viewId).toBeUndefined();
    expect(validateDesign(next)).toEqual([]);
  });

  it('deleting the other end of a link takes the action with it', () => {
    const next = deleteEntity(actionsBlog(), { entityId: 'e_ab_tag' });
    expect(actionsOf(next, 'e_ab_article').map((a) => a.id)).not.toContain('a_ab_tag');
    expect(validateDesign(next)).toEqual([]);
  });
});
