import { describe, expect, it } from 'vitest';
import { derivedValues } from '@/lib/generator/testing/derive-designs';
import { problemsOf } from './test-helpers';

function withUniques(members: string[][]) {
  const design = derivedValues();
  const like = design.entities.find((e) => e.id === 'e_dv_like');
  if (!like) throw new Error('no like');
  like.uniques = members.map((m, i) => ({ id: `u${i}`, members: m }));
  return design;
}

describe('composite unique constraints', () => {
  it('fields and to-one relations of the entity are members', () => {
    expect(problemsOf(withUniques([['r_dv_like_user', 'r_dv_like_post', 'f_dv_like_note']]))).toEqual([]);
  });

  it('needs two distinct members, each of this entity, with a foreign key', () => {
    const design = withUniques([
      ['r_dv_like_user'],
      ['r_dv_like_user', 'r_dv_like_user'],
      ['r_dv_like_user', 'f_dv_post_title'],
      ['r_dv_like_user', 'r_dv_post_author'],
      ['r_dv_like_user', 'nothing'],
    ]);
    expect(problemsOf(design, 'invalid-unique').map((p) => [p.path, p.message])).toEqual([
      ['entities[3].uniques[0].members', expect.stringMatching(/at least two columns/)],
      ['entities[3].uniques[1].members[1]', expect.stringMatching(/same column twice/)],
      ['entities[3].uniques[1].members', expect.stringMatching(/at least two columns/)],
      ['entities[3].uniques[2].members[1]', expect.stringMatching(/field of another entity/)],
      ['entities[3].uniques[3].members[1]', expect.stringMatching(/'author' has no foreign key on 'Like'/)],
    ]);
    expect(problemsOf(design, 'unknown-field')).toMatchObject([
      { path: 'entities[3].uniques[4].members[1]', elementId: 'e_dv_like' },
    ]);
  });

  it('the same columns twice (in any order) and JSON members are refused', () => {
    const design = withUniques([
      ['r_dv_like_user', 'r_dv_like_post'],
      ['r_dv_like_post', 'r_dv_like_user'],
    ]);
    expect(problemsOf(design, 'invalid-unique')).toMatchObject([
      { path: 'entities[3].uniques[1].members', message: expect.stringMatching(/twice/) },
    ]);
    const like = design.entities[3];
    const note = like?.fields[0];
    if (note) note.type = 'json';
    if (like) like.uniques = [{ id: 'u', members: ['r_dv_like_user', 'f_dv_like_note'] }];
    expect(problemsOf(design, 'invalid-unique')).toMatchObject([{ message: expect.stringMatching(/JSON/) }]);
  });
});
