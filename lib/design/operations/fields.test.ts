import { describe, expect, it } from 'vitest';
import { validateDesign } from '../validate';
import { addField, deleteField, moveField, renameField, updateField } from './fields';
import { entityOf, expectConsistent, expectOperationError, frozenBlog } from './test-helpers';

const names = (design: ReturnType<typeof frozenBlog>, entityId: string) =>
  entityOf(design, entityId).fields.map((f) => f.name);

describe('addField', () => {
  it('appends a field with defaults', () => {
    const design = addField(frozenBlog(), {
      entityId: 'e_tag',
      field: { id: 'x', name: 'color', type: 'string' },
    });
    expect(entityOf(design, 'e_tag').fields[1]).toEqual({
      id: 'x',
      name: 'color',
      type: 'string',
      nullable: false,
      unique: false,
      indexed: false,
      readOnly: false,
      writeOnly: false,
      visibility: 'public',
      description: '',
      constraints: {},
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('inserts at an index and keeps given props', () => {
    const design = addField(frozenBlog(), {
      entityId: 'e_tag',
      index: 0,
      field: { id: 'x', name: 'rank', type: 'integer', nullable: true, constraints: { min: 0 } },
    });
    expect(names(design, 'e_tag')).toEqual(['rank', 'name']);
    expect(entityOf(design, 'e_tag').fields[0]).toMatchObject({ nullable: true, constraints: { min: 0 } });
  });

  it('rejects unknown entities and enums, and used ids', () => {
    const blog = frozenBlog();
    expectOperationError(
      () => addField(blog, { entityId: 'nope', field: { id: 'x', name: 'a', type: 'text' } }),
      'not-found',
    );
    expectOperationError(
      () =>
        addField(blog, { entityId: 'e_tag', field: { id: 'x', name: 'a', type: 'enum', enumId: 'nope' } }),
      'not-found',
    );
    expectOperationError(
      () => addField(blog, { entityId: 'e_tag', field: { id: 'e_tag', name: 'a', type: 'text' } }),
      'duplicate-id',
    );
  });
});

describe('renameField', () => {
  it('renames by field id', () => {
    const design = renameField(frozenBlog(), { fieldId: 'f_post_body', name: 'content' });
    expect(names(design, 'e_post')).toContain('content');
    expect(validateDesign(design)).toEqual([]);
  });
  it('rejects an unknown field', () => {
    expectOperationError(
      () => renameField(frozenBlog(), { fieldId: 'nope', name: 'x' }),
      'not-found',
      /no field with id 'nope'/,
    );
  });
});

describe('updateField', () => {
  it('applies a partial patch, null clears', () => {
    let design = updateField(frozenBlog(), {
      fieldId: 'f_post_title',
      patch: { nullable: true, default: { kind: 'literal', value: 'Untitled' } },
    });
    expect(entityOf(design, 'e_post').fields[0]).toMatchObject({
      nullable: true,
      default: { kind: 'literal', value: 'Untitled' },
    });
    design = updateField(design, { fieldId: 'f_post_title', patch: { default: null } });
    expect(entityOf(design, 'e_post').fields[0]).not.toHaveProperty('default');
  });

  it('drops props of the old type when the type changes', () => {
    let design = updateField(frozenBlog(), {
      fieldId: 'f_user_role',
      patch: { type: 'decimal', precision: 8, scale: 2 },
    });
    const role = entityOf(design, 'e_user').fields.find((f) => f.id === 'f_user_role');
    expect(role).not.toHaveProperty('enumId');
    expect(role).toMatchObject({ precision: 8, scale: 2 });
    design = updateField(design, { fieldId: 'f_user_role', patch: { type: 'password' } });
    const password = entityOf(design, 'e_user').fields.find((f) => f.id === 'f_user_role');
    expect(password).not.toHaveProperty('precision');
    expect(password?.writeOnly).toBe(true);
  });

  it('rejects unknown fields and enums', () => {
    expectOperationError(() => updateField(frozenBlog(), { fieldId: 'nope', patch: {} }), 'not-found');
    expectOperationError(
      () => updateField(frozenBlog(), { fieldId: 'f_post_title', patch: { enumId: 'nope' } }),
      'not-found',
    );
  });
});

describe('deleteField', () => {
  it('removes the field and cleans lookups, filters and sorts', () => {
    let design = deleteField(frozenBlog(), { fieldId: 'f_post_slug' });
    expect(entityOf(design, 'e_post').resource.lookupFieldId).toBe('id');
    expect(entityOf(design, 'e_comment').resource.operations.list.filters).toEqual([]);
    design = deleteField(design, { fieldId: 'f_post_published_at' });
    const list = entityOf(design, 'e_post').resource.operations.list;
    expect(list.sortable).toEqual([{ fieldId: 'f_post_title' }]);
    expect(list.defaultOrder).toBeUndefined();
    design = deleteField(design, { fieldId: 'f_user_username' });
    expect(entityOf(design, 'e_post').resource.operations.list.filters).toEqual([
      { fieldId: 'f_post_published' },
    ]);
    expect(validateDesign(design)).toEqual([]);
  });

  it('drops the role from auth, and auth itself without its login or password field', () => {
    let design = deleteField(frozenBlog(), { fieldId: 'f_user_role' });
    expect(design.auth).not.toHaveProperty('roleFieldId');
    expect(design.auth?.loginFieldId).toBe('f_user_email');
    design = deleteField(design, { fieldId: 'f_user_password' });
    expect(design.auth).toBeNull();
    expectConsistent(design);
  });

  it('rejects an unknown field', () => {
    expectOperationError(() => deleteField(frozenBlog(), { fieldId: 'nope' }), 'not-found');
  });
});

describe('moveField', () => {
  it('reorders within the entity', () => {
    const design = moveField(frozenBlog(), { fieldId: 'f_post_body', toIndex: 0 });
    expect(names(design, 'e_post')).toEqual(['body', 'title', 'slug', 'published', 'published_at']);
    expect(names(moveField(design, { fieldId: 'f_post_body', toIndex: 4 }), 'e_post')).toEqual([
      'title',
      'slug',
      'published',
      'published_at',
      'body',
    ]);
  });
  it('rejects an index past the end and unknown fields', () => {
    expectOperationError(
      () => moveField(frozenBlog(), { fieldId: 'f_post_body', toIndex: 5 }),
      'invalid-argument',
      /has 5 fields/,
    );
    expectOperationError(() => moveField(frozenBlog(), { fieldId: 'nope', toIndex: 0 }), 'not-found');
  });
});
