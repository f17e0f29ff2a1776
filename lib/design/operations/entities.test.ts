import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../factories';
import { validateDesign } from '../validate';
import { addEntity, deleteEntity, duplicateEntity, renameEntity, updateEntity } from './entities';
import { entityOf, expectConsistent, expectOperationError, frozenBlog } from './test-helpers';

describe('addEntity', () => {
  it('adds an entity with defaults and a layout node', () => {
    const design = addEntity(emptyDesign('x'), { id: 'e', name: 'BlogPost', position: { x: 1, y: 2 } });
    expect(design.entities[0]).toMatchObject({
      id: 'e',
      name: 'BlogPost',
      primaryKey: 'int',
      timestamps: true,
      fields: [],
    });
    expect(design.layout.nodes.e).toEqual({ x: 1, y: 2 });
    expect(validateDesign(design)).toEqual([]);
  });

  it('takes optional settings', () => {
    const design = addEntity(emptyDesign('x'), {
      id: 'e',
      name: 'A',
      position: { x: 0, y: 0 },
      primaryKey: 'uuid',
      timestamps: false,
    });
    expect(design.entities[0]).toMatchObject({ primaryKey: 'uuid', timestamps: false });
  });

  it('rejects an id already in use (by any element) and the reserved id', () => {
    expectOperationError(
      () => addEntity(frozenBlog(), { id: 'f_post_title', name: 'X', position: { x: 0, y: 0 } }),
      'duplicate-id',
    );
    expectOperationError(
      () => addEntity(frozenBlog(), { id: 'id', name: 'X', position: { x: 0, y: 0 } }),
      'invalid-argument',
    );
  });
});

describe('renameEntity', () => {
  it('renames without touching references', () => {
    const before = frozenBlog();
    const design = renameEntity(before, { entityId: 'e_post', name: 'Article' });
    expect(entityOf(design, 'e_post').name).toBe('Article');
    expect(design.relations).toBe(before.relations);
    expect(validateDesign(design)).toEqual([]);
  });
  it('rejects an unknown entity', () => {
    expectOperationError(
      () => renameEntity(frozenBlog(), { entityId: 'nope', name: 'X' }),
      'not-found',
      /no entity with id 'nope'/,
    );
  });
});

describe('updateEntity', () => {
  it('updates settings and clears the table override with null', () => {
    let design = updateEntity(frozenBlog(), {
      entityId: 'e_post',
      patch: { description: 'd', primaryKey: 'uuid', timestamps: false, tableName: 'articles' },
    });
    expect(entityOf(design, 'e_post')).toMatchObject({
      description: 'd',
      primaryKey: 'uuid',
      timestamps: false,
      tableName: 'articles',
    });
    design = updateEntity(design, { entityId: 'e_post', patch: { tableName: null } });
    expect(entityOf(design, 'e_post')).not.toHaveProperty('tableName');
    expect(validateDesign(design)).toEqual([]);
  });
  it('rejects an unknown entity', () => {
    expectOperationError(() => updateEntity(frozenBlog(), { entityId: 'nope', patch: {} }), 'not-found');
  });
});

describe('deleteEntity', () => {
  it('removes the entity and everything pointing at it', () => {
    const design = deleteEntity(frozenBlog(), { entityId: 'e_user' });
    expect(design.entities.map((e) => e.id)).toEqual(['e_post', 'e_comment', 'e_tag']);
    expect(design.relations.map((r) => r.id)).toEqual(['r_comment_post', 'r_post_tags']);
    expect(design.auth).toBeNull();
    expect(design.layout.nodes.e_user).toBeUndefined();
    const post = entityOf(design, 'e_post').resource;
    expect(post.ownerRelationId).toBeUndefined();
    expect(post.embed).toEqual(['r_post_tags']);
    expect(post.operations.list.filters).toEqual([{ fieldId: 'f_post_published' }]);
    expect(design.customEndpoints.map((c) => c.id)).toEqual(['c_me']);
    expect(design.customEndpoints[0]).not.toHaveProperty('response');
    expectConsistent(design);
  });

  it('drops custom endpoints of the entity and request/response refs to it', () => {
    const design = deleteEntity(frozenBlog(), { entityId: 'e_post' });
    expect(design.customEndpoints.map((c) => c.id)).toEqual(['c_me']);
    expect(entityOf(design, 'e_comment').resource.operations.list.filters).toEqual([]);
    expectConsistent(design);
  });

  it('turns a many-to-many through the entity into a plain association', async () => {
    const { templates } = await import('../templates');
    const design = deleteEntity(templates.shop(), { entityId: 'e_order_line' });
    const m2m = design.relations.find((r) => r.id === 'r_order_products');
    expect(m2m).toBeDefined();
    expect(m2m?.throughEntityId).toBeUndefined();
    expectConsistent(design);
  });

  it('rejects an unknown entity', () => {
    expectOperationError(() => deleteEntity(frozenBlog(), { entityId: 'nope' }), 'not-found');
  });
});

describe('duplicateEntity', () => {
  it('copies fields with deterministic ids, a free name and an offset position', () => {
    const design = duplicateEntity(frozenBlog(), { entityId: 'e_post', newId: 'p2' });
    const copy = entityOf(design, 'p2');
    expect(copy.name).toBe('PostCopy');
    expect(copy.fields.map((f) => f.id)).toEqual(entityOf(design, 'e_post').fields.map((f) => `p2.${f.id}`));
    expect(copy.resource.lookupFieldId).toBe('p2.f_post_slug');
    expect(copy.resource.ownerRelationId).toBeUndefined();
    expect(copy.resource.operations.list.filters).toEqual([{ fieldId: 'p2.f_post_published' }]);
    expect(copy.resource.operations.list.defaultOrder?.field).toEqual({ fieldId: 'p2.f_post_published_at' });
    expect(design.layout.nodes.p2).toEqual({ x: 460, y: 80 });
    expect(duplicateEntity(frozenBlog(), { entityId: 'e_post', newId: 'p2' })).toEqual(design);
    expectConsistent(design);
  });

  it('takes a name and position, and picks the next free name', () => {
    let design = duplicateEntity(frozenBlog(), {
      entityId: 'e_tag',
      newId: 't2',
      name: 'Label',
      position: { x: 5, y: 5 },
    });
    expect(entityOf(design, 't2').name).toBe('Label');
    expect(design.layout.nodes.t2).toEqual({ x: 5, y: 5 });
    design = duplicateEntity(duplicateEntity(frozenBlog(), { entityId: 'e_tag', newId: 'a' }), {
      entityId: 'e_tag',
      newId: 'b',
    });
    expect(entityOf(design, 'b').name).toBe('TagCopy2');
  });

  it('rejects unknown entities and used ids', () => {
    expectOperationError(() => duplicateEntity(frozenBlog(), { entityId: 'nope', newId: 'x' }), 'not-found');
    expectOperationError(
      () => duplicateEntity(frozenBlog(), { entityId: 'e_tag', newId: 'e_post' }),
      'duplicate-id',
    );
  });
});
