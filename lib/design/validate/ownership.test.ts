import { describe, expect, it } from 'vitest';
import { templates } from '../templates';
import { blog, entity, problemsOf } from './test-helpers';

describe('ownership', () => {
  it('warns when the auth user can be changed or deleted by anyone signed in', () => {
    const design = blog();
    entity(design, 'e_user').resource.operations.update.access = { kind: 'authenticated' };
    entity(design, 'e_user').resource.operations.delete.access = { kind: 'public' };
    expect(problemsOf(design, 'user-writable-by-others')).toMatchObject([
      { elementId: 'e_user', path: 'entities[0].resource.operations.update.access' },
      { elementId: 'e_user', path: 'entities[0].resource.operations.delete.access' },
    ]);
    entity(design, 'e_user').resource.operations.update.access = { kind: 'owner' };
    entity(design, 'e_user').resource.operations.delete.enabled = false;
    expect(problemsOf(design)).toEqual([]);
  });

  it('owner paths follow to-one relations and end at the user', () => {
    const design = structuredClone(templates.todo());
    const item = entity(design, 'e_todo_item');
    expect(problemsOf(design)).toEqual([]);
    item.resource.ownerPath = ['r_todo_item_list'];
    expect(problemsOf(design, 'invalid-owner-path')[0]?.message).toMatch(/must end at the user/);
    item.resource.ownerPath = ['r_todo_list_owner'];
    expect(problemsOf(design, 'invalid-owner-path')[0]?.message).toMatch(/from 'TodoItem'/);
    item.resource.ownerPath = ['gone'];
    expect(problemsOf(design, 'unknown-relation')).toMatchObject([{ elementId: 'e_todo_item' }]);
    item.resource.ownerPath = [];
    expect(problemsOf(design, 'invalid-owner-path')).toHaveLength(1);
    // Without a path the owner rules of items have nothing to follow.
    delete item.resource.ownerPath;
    expect(problemsOf(design, 'owner-without-relation').length).toBeGreaterThan(0);
  });

  it('warns when a public create or update points at rows only their owner reads', () => {
    const design = structuredClone(templates.todo());
    const item = entity(design, 'e_todo_item');
    expect(problemsOf(design, 'public-write-to-owned')).toEqual([]);
    item.resource.operations.create.access = { kind: 'public' };
    expect(problemsOf(design, 'public-write-to-owned')).toMatchObject([
      { elementId: 'e_todo_item', path: expect.stringMatching(/operations\.create\.access$/) },
    ]);
    // Lists everyone may read can be pointed at by anyone.
    const list = entity(design, 'e_todo_list');
    list.resource.operations.get.access = { kind: 'public' };
    expect(problemsOf(design, 'public-write-to-owned')).toEqual([]);
  });

  it('public rows need a boolean field and an owner', () => {
    const design = blog();
    const post = entity(design, 'e_post');
    post.resource.publicRowsFieldId = 'f_post_title';
    expect(problemsOf(design, 'invalid-public-rows')).toMatchObject([{ elementId: 'f_post_title' }]);
    const tag = entity(design, 'e_tag');
    tag.fields.push({
      ...tag.fields[0],
      id: 'f_tag_shown',
      name: 'shown',
      type: 'boolean',
      unique: false,
    } as never);
    tag.resource.publicRowsFieldId = 'f_tag_shown';
    expect(problemsOf(design, 'invalid-public-rows').map((p) => p.elementId)).toContain('e_tag');
  });
});

describe('operations keep ownership settings consistent', () => {
  it('a new login field becomes owner-only; deleting path relations or the flag clears them', async () => {
    const { applyOperation } = await import('../operations');
    const todo = structuredClone(templates.todo());
    expect(entity(todo, 'e_user').fields.find((f) => f.id === 'f_user_email')?.visibility).toBe('owner');
    const cleared = applyOperation(todo, { op: 'deleteRelation', relationId: 'r_todo_list_owner' });
    expect(entity(cleared, 'e_todo_item').resource.ownerPath).toBeUndefined();
    const design = blog();
    const noFlag = applyOperation(design, { op: 'deleteField', fieldId: 'f_post_published' });
    expect(entity(noFlag, 'e_post').resource.publicRowsFieldId).toBeUndefined();
  });
});

describe('setAuth', () => {
  it('makes the new auth user safe by default: writes by the user themself, login owner-only', async () => {
    const { applyOperations } = await import('../operations');
    const design = applyOperations(templates.blank(), [
      { op: 'addEntity', id: 'u', name: 'Account', position: { x: 0, y: 0 } },
      { op: 'addField', entityId: 'u', field: { id: 'u_email', name: 'email', type: 'email', unique: true } },
      { op: 'addField', entityId: 'u', field: { id: 'u_pw', name: 'password', type: 'password' } },
      {
        op: 'setAuth',
        auth: {
          userEntityId: 'u',
          loginFieldId: 'u_email',
          passwordFieldId: 'u_pw',
          tokenLifetimeMinutes: 5,
        },
      },
    ]);
    const user = entity(design, 'u');
    expect(user.resource.operations.update.access).toEqual({ kind: 'owner' });
    expect(user.resource.operations.delete.access).toEqual({ kind: 'owner' });
    expect(user.resource.operations.get.access).toEqual({ kind: 'public' });
    expect(user.fields[0]?.visibility).toBe('owner');
    expect(problemsOf(design)).toEqual([]);
  });
});

describe('private fields', () => {
  it('may not be filtered, sorted or looked up where others read', () => {
    const design = blog();
    const post = entity(design, 'e_post');
    post.resource.operations.list.filters.push({ relationId: 'r_post_author', fieldId: 'f_user_email' });
    expect(problemsOf(design, 'private-field-exposed')).toMatchObject([
      { elementId: 'e_post', path: 'entities[1].resource.operations.list.filters[2]' },
    ]);
    post.resource.operations.list.access = { kind: 'owner' };
    expect(problemsOf(design, 'private-field-exposed')).toEqual([]);
    entity(design, 'e_user').resource.lookupFieldId = 'f_user_email';
    expect(problemsOf(design, 'private-field-exposed')).toMatchObject([
      { path: 'entities[0].resource.lookupFieldId' },
    ]);
  });
});

describe('copied fields', () => {
  it('copy a same-typed field through a to-one relation, and are read-only', async () => {
    const design = structuredClone(templates.shop());
    expect(problemsOf(design)).toEqual([]);
    const line = entity(design, 'e_order_line');
    const price = line.fields.find((f) => f.id === 'f_order_line_unit_price');
    if (!price?.copyFrom) throw new Error('no copy');
    price.readOnly = false;
    expect(problemsOf(design, 'invalid-copy')[0]?.message).toMatch(/mark it read-only/);
    price.readOnly = true;
    price.copyFrom = { relationId: 'r_order_line_product', fieldId: 'f_product_name' };
    expect(problemsOf(design, 'invalid-copy')[0]?.message).toMatch(/cannot hold/);
    price.copyFrom = { relationId: 'r_order_line_order', fieldId: 'f_product_price' };
    expect(problemsOf(design, 'invalid-copy')[0]?.message).toMatch(/not a field of the row/);
    const { applyOperation } = await import('../operations');
    price.copyFrom = { relationId: 'r_order_line_product', fieldId: 'f_product_price' };
    const cleared = applyOperation(design, { op: 'deleteField', fieldId: 'f_product_price' });
    expect(entity(cleared, 'e_order_line').fields[1]?.copyFrom).toBeUndefined();
  });
});
