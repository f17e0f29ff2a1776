import { describe, expect, it } from 'vitest';
import { newField, newRelation } from '@/lib/design/factories';
import { valueLists } from '@/lib/generator/testing/values-designs';
import type { Design } from '../schema';
import { validateDesign } from './index';
import { entity, problemsOf } from './test-helpers';

const post = (design: Design) => entity(design, 'e_vl_post');
const tag = (design: Design) => entity(design, 'e_vl_tag');
const tagsList = (design: Design) =>
  post(design).resource.valueLists?.[0] as NonNullable<unknown> & {
    relationId: string;
    fieldId: string;
    apiName?: string;
    side?: 'field' | 'backref';
    writable: boolean;
  };
/** The problems of value lists (others a change causes are checked elsewhere). */
const codes = (design: Design) =>
  problemsOf(design)
    .filter((p) => p.path.includes('.valueLists['))
    .map((p) => ({ code: p.code, path: p.path, message: p.message }));

describe('value lists', () => {
  it('accepts plain, through-entity and self-relation lists', () => {
    expect(validateDesign(valueLists())).toEqual([]);
  });

  it('needs an existing many-to-many relation that leaves the entity', () => {
    const design = valueLists();
    tagsList(design).relationId = 'r_gone';
    expect(codes(design)).toMatchObject([
      { code: 'unknown-relation', path: 'entities[1].resource.valueLists[0].relationId' },
    ]);
    tagsList(design).relationId = 'r_vl_placement_post';
    expect(codes(design)).toMatchObject([
      { code: 'invalid-value-list', message: expect.stringMatching(/many-to-many .*many-to-one/) },
    ]);
    tagsList(design).relationId = 'r_vl_follows';
    tagsList(design).side = 'field';
    expect(codes(design)).toMatchObject([
      { code: 'invalid-value-list', message: expect.stringMatching(/does not leave Post/) },
    ]);
  });

  it('asks which side of a self-relation a list reads', () => {
    const design = valueLists();
    const person = entity(design, 'e_vl_person');
    delete person.resource.valueLists?.[1]?.side;
    expect(codes(design)).toMatchObject([
      {
        code: 'invalid-value-list',
        path: 'entities[4].resource.valueLists[1].side',
        message: expect.stringMatching(/self-relation/),
      },
    ]);
  });

  it('shows a unique, non-nullable, public text field of the other end', () => {
    const design = valueLists();
    tagsList(design).fieldId = 'f_vl_post_title';
    expect(codes(design)).toMatchObject([
      { message: expect.stringMatching(/a field of Tag, not 'Post.title'/) },
    ]);
    tagsList(design).fieldId = 'f_vl_tag_note';
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/'Tag.note' must be unique/) }]);
    const name = tag(design).fields[0] as Design['entities'][number]['fields'][number];
    tagsList(design).fieldId = name.id;
    name.nullable = true;
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/must not be nullable/) }]);
    name.nullable = false;
    name.type = 'integer';
    name.constraints = {};
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/a integer: only string/) }]);
    name.type = 'string';
    name.visibility = 'owner';
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/not shown to everyone/) }]);
  });

  it('writes only lists whose rows the server can create from a value', () => {
    const design = valueLists();
    const categories = post(design).resource.valueLists?.[1];
    if (categories) categories.writable = true;
    expect(codes(design)).toMatchObject([
      {
        path: 'entities[1].resource.valueLists[1].writable',
        message: expect.stringMatching(/only be shown/),
      },
    ]);
    if (categories) categories.writable = false;
    tag(design).fields.push(newField('f_vl_tag_color', 'color', 'string'));
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/'color' needs a default/) }]);
    tag(design).fields.pop();
    design.relations.push(
      newRelation('r_vl_tag_post', 'e_vl_tag', 'e_vl_post', {
        fieldName: 'first_post',
        backrefName: 'first_tags',
      }),
    );
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/required 'first_post'/) }]);
    // Read only, the same list is fine.
    tagsList(design).writable = false;
    expect(codes(design)).toEqual([]);
  });

  it('lists no rows that have an owner or public rows', () => {
    const design = valueLists();
    tag(design).fields.push(
      newField('f_vl_tag_public', 'public', 'boolean', { default: { kind: 'literal', value: true } }),
    );
    tag(design).resource.publicRowsFieldId = 'f_vl_tag_public';
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/owner or public rows/) }]);
  });

  it('refuses a list twice, beside an embed of its relation, and clashing or invalid keys', () => {
    const design = valueLists();
    const lists = post(design).resource.valueLists ?? [];
    lists.push({ ...tagsList(design), apiName: 'more_tags' });
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/listed twice/) }]);
    lists.pop();
    post(design).resource.embed = ['r_vl_post_tags'];
    expect(codes(design)).toMatchObject([{ message: expect.stringMatching(/embedded already/) }]);
    post(design).resource.embed = [];
    tagsList(design).apiName = 'title';
    expect(codes(design)).toMatchObject([
      {
        code: 'duplicate-api-name',
        path: 'entities[1].resource.valueLists[0].apiName',
        message: expect.stringMatching(/answered as 'title', like field 'title'/),
      },
    ]);
    tagsList(design).apiName = 'categories';
    expect(codes(design)).toMatchObject([
      { code: 'duplicate-api-name', message: expect.stringMatching(/another value list/) },
    ]);
    tagsList(design).apiName = 'tag list';
    expect(codes(design)).toMatchObject([{ code: 'invalid-api-name' }]);
  });
});
