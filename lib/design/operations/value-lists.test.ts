import { describe, expect, it } from 'vitest';
import { valueLists } from '@/lib/generator/testing/values-designs';
import { validateDesign } from '../validate';
import { deleteEntity } from './entities';
import { deleteField } from './fields';
import { deleteRelation } from './relations';

const listsOf = (design: ReturnType<typeof valueLists>, entityId: string) =>
  design.entities.find((e) => e.id === entityId)?.resource.valueLists;

describe('value lists follow deletes', () => {
  it('deleting the relation drops its lists, the others stay', () => {
    const next = deleteRelation(valueLists(), { relationId: 'r_vl_post_tags' });
    expect(listsOf(next, 'e_vl_post')).toEqual([
      { relationId: 'r_vl_post_categories', fieldId: 'f_vl_category_name', writable: false },
    ]);
    expect(validateDesign(next)).toEqual([]);
  });

  it('deleting the value field drops the list; the last one leaves no valueLists', () => {
    let next = deleteField(valueLists(), { fieldId: 'f_vl_person_handle' });
    expect(listsOf(next, 'e_vl_person')).toBeUndefined();
    expect(next.entities.find((e) => e.id === 'e_vl_person')?.resource).not.toHaveProperty('valueLists');
    next = deleteField(next, { fieldId: 'f_vl_tag_name' });
    expect(listsOf(next, 'e_vl_post')?.map((l) => l.relationId)).toEqual(['r_vl_post_categories']);
    expect(validateDesign(next)).toEqual([]);
  });

  it('deleting the target entity drops the lists through its relations', () => {
    const next = deleteEntity(valueLists(), { entityId: 'e_vl_tag' });
    expect(listsOf(next, 'e_vl_post')?.map((l) => l.relationId)).toEqual(['r_vl_post_categories']);
    expect(validateDesign(next)).toEqual([]);
  });
});
