import { describe, expect, it } from 'vitest';
import { emptyDesign, newEntity, newField, newRelation } from '@/lib/design/factories';
import { templates } from '@/lib/design/templates';
import { buildIr } from '../ir/build';
import { endpointFunctionName, enumMemberNames, pluralVariable } from '../ir/naming';
import { dependencyOrder } from '../ir/order';

describe('naming', () => {
  it('derives Python names', () => {
    expect(pluralVariable('BlogPost')).toBe('blog_posts');
    expect(pluralVariable('Category')).toBe('categories');
    expect(endpointFunctionName('POST', '/posts/{slug}/publish')).toBe('post_posts_slug_publish');
    expect(enumMemberNames(['in progress', '2nd', 'name', 'In-Progress', 'été', ''])).toEqual([
      'IN_PROGRESS',
      'V_2ND',
      'NAME_',
      'IN_PROGRESS_2',
      'T',
      'VALUE_',
    ]);
    // Names ruff refuses as ambiguous (E741).
    expect(enumMemberNames(['X', 'O', 'i', 'l'])).toEqual(['X', 'O_', 'I_', 'L_']);
  });
});

describe('dependencyOrder', () => {
  it('puts referenced tables first and keeps design order otherwise', () => {
    const edges = [
      { from: 'comment', to: 'post', key: 'r1' },
      { from: 'post', to: 'user', key: 'r2' },
      { from: 'comment', to: 'user', key: 'r3' },
    ];
    expect(dependencyOrder(['comment', 'post', 'tag', 'user'], edges)).toEqual({
      order: ['tag', 'user', 'post', 'comment'],
      deferred: new Set(),
    });
  });

  it('ignores self-relations', () => {
    const result = dependencyOrder(
      ['cat', 'item'],
      [
        { from: 'cat', to: 'cat', key: 'parent' },
        { from: 'item', to: 'cat', key: 'category' },
      ],
    );
    expect(result.order).toEqual(['cat', 'item']);
    expect(result.deferred.size).toBe(0);
  });

  it('breaks a cycle by deferring the foreign keys of the first entity', () => {
    const result = dependencyOrder(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b', key: 'ab' },
        { from: 'b', to: 'a', key: 'ba' },
        { from: 'c', to: 'a', key: 'ca' },
      ],
    );
    expect(result.order).toEqual(['a', 'b', 'c']);
    expect(result.deferred).toEqual(new Set(['ab']));
  });
});

describe('buildIr', () => {
  it('orders the blog tables by their foreign keys', () => {
    const ir = buildIr(templates.blog());
    expect(ir.entities.map((e) => e.tableName)).toEqual(['users', 'posts', 'comments', 'tags']);
    expect(ir.associations.map((a) => a.table)).toEqual(['posts_tags', 'follows']);
    const follows = ir.associations[1];
    expect(follows?.left.column).toBe('user_id');
    expect(follows?.right.column).toBe('related_user_id');
  });

  it('resolves lookups, filters, owner and schema membership once', () => {
    const ir = buildIr(templates.blog());
    const post = ir.entities.find((e) => e.className === 'Post');
    expect(post?.resource.lookup.param).toBe('slug');
    expect(post?.resource.list?.filters.map((f) => f.query)).toEqual(['published', 'author_username']);
    expect(post?.resource.owner?.column).toBe('author_id');
    expect(post?.fks.find((fk) => fk.column === 'author_id')?.inCreate).toBe(false);
    const user = ir.entities.find((e) => e.className === 'User');
    const role = user?.fields.find((f) => f.name === 'role');
    expect(role?.inCreate).toBe(false); // public create: nobody picks their own role
    expect(role?.inUpdate).toBe(true); // admin-only update
    expect(user?.fields.find((f) => f.name === 'password')?.inRead).toBe(false);
  });

  it('marks a foreign key cycle as deferred', () => {
    const design = {
      ...emptyDesign('Cycle'),
      entities: [
        newEntity('a', 'Author', { fields: [newField('fa', 'name', 'string')] }),
        newEntity('b', 'Book', { fields: [newField('fb', 'title', 'string')] }),
      ],
      relations: [
        newRelation('r1', 'a', 'b', { fieldName: 'favourite', backrefName: 'fans', nullable: true }),
        newRelation('r2', 'b', 'a', { fieldName: 'writer', backrefName: 'books' }),
      ],
    };
    const ir = buildIr(design);
    expect(ir.entities.map((e) => e.className)).toEqual(['Author', 'Book']);
    expect(ir.entities[0]?.fks[0]?.deferred).toBe(true);
    expect(ir.entities[1]?.fks[0]?.deferred).toBe(false);
  });

  it('renames modules that would clash with fixed files', () => {
    const design = { ...emptyDesign('X'), entities: [newEntity('c', 'Common'), newEntity('d', 'Auth')] };
    const ir = buildIr(design);
    expect(ir.entities.map((e) => e.module)).toEqual(['common_2', 'auth_2']);
  });
});
