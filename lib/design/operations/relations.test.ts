import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../factories';
import { validateDesign } from '../validate';
import { addEntity } from './entities';
import { connect, deleteRelation, updateRelation } from './relations';
import { entityOf, expectConsistent, expectOperationError, frozenBlog } from './test-helpers';

const twoEntities = () =>
  addEntity(addEntity(emptyDesign('x'), { id: 'p', name: 'BlogPost', position: { x: 0, y: 0 } }), {
    id: 'u',
    name: 'Person',
    position: { x: 0, y: 0 },
  });

describe('connect', () => {
  it('defaults to many-to-one with derived names and restrict', () => {
    const design = connect(twoEntities(), { id: 'r', fromEntityId: 'p', toEntityId: 'u' });
    expect(design.relations[0]).toEqual({
      id: 'r',
      kind: 'many-to-one',
      fromEntityId: 'p',
      toEntityId: 'u',
      fieldName: 'person',
      backrefName: 'blog_posts',
      nullable: false,
      onDelete: 'restrict',
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('uses set-null when nullable, singular back-reference for one-to-one, plurals for many-to-many', () => {
    const base = twoEntities();
    expect(
      connect(base, { id: 'r', fromEntityId: 'p', toEntityId: 'u', nullable: true }).relations[0]?.onDelete,
    ).toBe('set-null');
    expect(
      connect(base, { id: 'r', fromEntityId: 'p', toEntityId: 'u', kind: 'one-to-one' }).relations[0],
    ).toMatchObject({
      fieldName: 'person',
      backrefName: 'blog_post',
    });
    expect(
      connect(base, { id: 'r', fromEntityId: 'p', toEntityId: 'u', kind: 'many-to-many' }).relations[0],
    ).toMatchObject({
      fieldName: 'people',
      backrefName: 'blog_posts',
      onDelete: 'cascade',
    });
  });

  it('self-relations get parent/children, and repeated connects get free names', () => {
    let design = connect(twoEntities(), { id: 'r1', fromEntityId: 'u', toEntityId: 'u' });
    expect(design.relations[0]).toMatchObject({ fieldName: 'parent', backrefName: 'children' });
    design = connect(design, { id: 'r2', fromEntityId: 'p', toEntityId: 'u' });
    design = connect(design, { id: 'r3', fromEntityId: 'p', toEntityId: 'u' });
    expect(design.relations[2]).toMatchObject({ fieldName: 'person_2', backrefName: 'blog_posts_2' });
    design = connect(design, { id: 'r4', fromEntityId: 'u', toEntityId: 'u', kind: 'many-to-many' });
    expect(design.relations[3]).toMatchObject({ fieldName: 'people', backrefName: 'people_2' });
    expect(validateDesign(design)).toEqual([]);
  });

  it('avoids a name whose FK column is already a field', () => {
    const blog = frozenBlog();
    const design = connect(blog, { id: 'r', fromEntityId: 'e_post', toEntityId: 'e_user' });
    expect(design.relations.at(-1)?.fieldName).toBe('user');
    const withField = connect(
      {
        ...blog,
        entities: blog.entities.map((e) =>
          e.id === 'e_tag'
            ? { ...e, fields: [...e.fields, { ...e.fields[0]!, id: 'x', name: 'post_id' }] }
            : e,
        ),
      },
      { id: 'r', fromEntityId: 'e_tag', toEntityId: 'e_post' },
    );
    expect(withField.relations.at(-1)?.fieldName).toBe('post_2');
  });

  it('keeps explicit options', () => {
    const design = connect(twoEntities(), {
      id: 'r',
      fromEntityId: 'p',
      toEntityId: 'u',
      kind: 'many-to-many',
      fieldName: 'readers',
      backrefName: 'read_posts',
      associationTable: 'readings',
    });
    expect(design.relations[0]).toMatchObject({
      fieldName: 'readers',
      backrefName: 'read_posts',
      associationTable: 'readings',
    });
  });

  it('rejects unknown entities and used ids', () => {
    expectOperationError(
      () => connect(twoEntities(), { id: 'r', fromEntityId: 'p', toEntityId: 'nope' }),
      'not-found',
    );
    expectOperationError(
      () => connect(twoEntities(), { id: 'r', fromEntityId: 'p', toEntityId: 'u', throughEntityId: 'nope' }),
      'not-found',
    );
    expectOperationError(
      () => connect(twoEntities(), { id: 'p', fromEntityId: 'p', toEntityId: 'u' }),
      'duplicate-id',
    );
  });
});

describe('updateRelation', () => {
  it('patches, null clears optional props', () => {
    let design = updateRelation(frozenBlog(), {
      relationId: 'r_post_tags',
      patch: { associationTable: 'post_tag_links', fieldName: 'labels' },
    });
    expect(design.relations.find((r) => r.id === 'r_post_tags')).toMatchObject({
      associationTable: 'post_tag_links',
      fieldName: 'labels',
    });
    design = updateRelation(design, { relationId: 'r_post_tags', patch: { associationTable: null } });
    expect(design.relations.find((r) => r.id === 'r_post_tags')).not.toHaveProperty('associationTable');
    design = updateRelation(design, {
      relationId: 'r_post_author',
      patch: { nullable: true, onDelete: 'set-null', toEntityId: 'e_user' },
    });
    expect(validateDesign(design)).toEqual([]);
  });
  it('rejects unknown relations and entities', () => {
    expectOperationError(() => updateRelation(frozenBlog(), { relationId: 'nope', patch: {} }), 'not-found');
    expectOperationError(
      () => updateRelation(frozenBlog(), { relationId: 'r_post_tags', patch: { toEntityId: 'nope' } }),
      'not-found',
    );
  });
});

describe('deleteRelation', () => {
  it('removes owner rules, embeds and filters that used it', () => {
    const design = deleteRelation(frozenBlog(), { relationId: 'r_post_author' });
    const post = entityOf(design, 'e_post').resource;
    expect(post.ownerRelationId).toBeUndefined();
    expect(post.embed).toEqual(['r_post_tags']);
    expect(post.operations.list.filters).toEqual([{ fieldId: 'f_post_published' }]);
    expectConsistent(design);
    // the owner rules are now reported, not silently changed
    expect(validateDesign(design).map((p) => p.code)).toContain('owner-without-relation');
  });
  it('rejects an unknown relation', () => {
    expectOperationError(() => deleteRelation(frozenBlog(), { relationId: 'nope' }), 'not-found');
  });
});
