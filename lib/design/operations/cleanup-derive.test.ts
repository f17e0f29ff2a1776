import { describe, expect, it } from 'vitest';
import { derivedValues } from '@/lib/generator/testing/derive-designs';
import type { Design } from '../schema';
import { validateDesign } from '../validate';
import { copyNodes, pasteOperations } from './clipboard';
import { duplicateEntity, updateEntity } from './entities';
import { deleteField, updateField } from './fields';
import { applyOperations } from './operation';
import { deleteRelation } from './relations';
import { entityOf, expectConsistent, expectOperationError } from './test-helpers';

const field = (design: Design, id: string) =>
  design.entities.flatMap((e) => e.fields).find((f) => f.id === id);

describe('derived values and composite uniques follow deletes', () => {
  it('deleting a derive source turns the derived field into a plain one', () => {
    const design = deleteField(derivedValues(), { fieldId: 'f_dv_post_title' });
    expect(field(design, 'f_dv_post_slug')?.derive).toBeUndefined();
    expect(field(design, 'f_dv_post_published_at')?.derive).toBeDefined();
    expectConsistent(design);
  });

  it('deleting a member drops it from the constraint, and a constraint left with one column goes', () => {
    const design = derivedValues();
    entityOf(design, 'e_dv_subscriber').uniques = [
      { id: 'u1', members: ['f_dv_sub_list', 'f_dv_sub_normalized', 'f_dv_sub_email'] },
      { id: 'u2', members: ['f_dv_sub_list', 'f_dv_sub_email'] },
    ];
    const next = deleteField(design, { fieldId: 'f_dv_sub_email' });
    expect(entityOf(next, 'e_dv_subscriber').uniques).toEqual([
      { id: 'u1', members: ['f_dv_sub_list', 'f_dv_sub_normalized'] },
    ]);
    // The normalised e-mail lost its source too.
    expect(field(next, 'f_dv_sub_normalized')?.derive).toBeUndefined();
    const last = deleteField(next, { fieldId: 'f_dv_sub_list' });
    expect(entityOf(last, 'e_dv_subscriber').uniques).toBeUndefined();
    expectConsistent(last);
  });

  it('deleting a relation (or its entity) drops its foreign key from the constraints', () => {
    const design = deleteRelation(derivedValues(), { relationId: 'r_dv_like_post' });
    expect(entityOf(design, 'e_dv_like').uniques).toBeUndefined();
    expectConsistent(design);
    expect(validateDesign(design)).toEqual([]);
  });

  it('a duplicated entity keeps its derives and field-only constraints, on its own fields', () => {
    const design = duplicateEntity(derivedValues(), { entityId: 'e_dv_subscriber', newId: 'copy' });
    const copy = entityOf(design, 'copy');
    expect(copy.fields.find((f) => f.name === 'email_normalized')?.derive?.fromFieldId).toBe(
      'copy.f_dv_sub_email',
    );
    expect(copy.uniques).toEqual([
      { id: 'copy.u_dv_sub_list_email', members: ['copy.f_dv_sub_list', 'copy.f_dv_sub_normalized'] },
    ]);
    // Relations are not copied: a constraint of foreign keys goes with them.
    const likes = duplicateEntity(derivedValues(), { entityId: 'e_dv_like', newId: 'like2' });
    expect(entityOf(likes, 'like2').uniques).toBeUndefined();
    expectConsistent(likes);
  });

  it('operations refuse derives and members that point nowhere', () => {
    expectOperationError(
      () =>
        updateField(derivedValues(), {
          fieldId: 'f_dv_post_slug',
          patch: { derive: { kind: 'slug', fromFieldId: 'nothing', onUpdate: false } },
        }),
      'not-found',
    );
    expectOperationError(
      () =>
        updateEntity(derivedValues(), {
          entityId: 'e_dv_like',
          patch: { uniques: [{ id: 'u', members: ['r_dv_like_user', 'nothing'] }] },
        }),
      'not-found',
    );
  });
});

describe('copy and paste', () => {
  it('pasted boxes keep their derives and composite uniques, on the pasted ids', () => {
    const source = derivedValues();
    const clip = copyNodes(source, ['e_dv_user', 'e_dv_post', 'e_dv_like', 'e_dv_subscriber']);
    if (!clip) throw new Error('nothing copied');
    let n = 0;
    const plan = pasteOperations(source, clip, (prefix) => `${prefix}_${++n}`);
    const pasted = applyOperations(source, plan.operations);
    // The pasted users are not the auth user: only the owner rules complain.
    const mine = new Set(['invalid-derive', 'invalid-unique', 'unknown-field', 'unknown-relation']);
    expect(validateDesign(pasted).filter((p) => mine.has(p.code))).toEqual([]);
    const added = pasted.entities.slice(source.entities.length);
    const posts = added.find((e) => e.name.startsWith('Post'));
    const slug = posts?.fields.find((f) => f.name === 'slug');
    expect(slug?.derive?.fromFieldId).toBe(posts?.fields.find((f) => f.name === 'title')?.id);
    const likes = added.find((e) => e.name.startsWith('Like'));
    const relations = pasted.relations.filter((r) => r.fromEntityId === likes?.id).map((r) => r.id);
    expect(likes?.uniques?.[0]?.members.sort()).toEqual(relations.sort());
  });
});
