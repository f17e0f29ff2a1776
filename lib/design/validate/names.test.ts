import { describe, expect, it } from 'vitest';
import { newEntity } from '../factories';
import { blog, entity, field, problemsOf, withFields } from './test-helpers';

describe('identity', () => {
  it('reports duplicate ids and the reserved id "id"', () => {
    const design = withFields(
      field('x', 'a', 'string'),
      field('x', 'b', 'string'),
      field('id', 'c', 'string'),
    );
    const problems = problemsOf(design, 'duplicate-id');
    expect(problems.map((p) => p.path)).toEqual(['entities[0].fields[1]', 'entities[0].fields[2]']);
    expect(problems[0]?.message).toMatch(/also used at entities\[0\]\.fields\[0\]/);
  });
});

describe('entity names', () => {
  it('reports empty, non-PascalCase and reserved class names', () => {
    const design = withFields();
    design.entities.push(newEntity('a', ''), newEntity('b', 'blog_post'), newEntity('c', 'BaseModel'));
    expect(problemsOf(design, 'invalid-name').map((p) => p.elementId)).toEqual(['a', 'b']);
    expect(problemsOf(design, 'reserved-name')).toMatchObject([{ elementId: 'c', path: 'entities[3].name' }]);
  });

  it('reports duplicate entity names and duplicate table names', () => {
    const design = withFields();
    design.entities.push(newEntity('u', 'Thing'), newEntity('v', 'Other', { tableName: 'things' }));
    expect(problemsOf(design, 'duplicate-entity-name')).toMatchObject([{ elementId: 'u' }]);
    expect(problemsOf(design, 'duplicate-table-name').map((p) => p.elementId)).toEqual(['u', 'v']);
  });

  it('checks table name overrides: snake_case and not SQL-reserved', () => {
    const design = withFields();
    design.entities.push(
      newEntity('a', 'Alpha', { tableName: 'Alpha Table' }),
      newEntity('b', 'Beta', { tableName: 'user' }),
    );
    expect(problemsOf(design, 'invalid-name')).toMatchObject([
      { elementId: 'a', path: 'entities[1].tableName' },
    ]);
    expect(problemsOf(design, 'reserved-name')[0]?.message).toMatch(/reserved word in SQL/);
  });

  it('allows User and Order (tables users, orders)', () => {
    const design = withFields();
    design.entities.push(newEntity('u', 'User'), newEntity('o', 'Order'));
    expect(problemsOf(design)).toEqual([]);
  });

  it('reports an enum named like an entity', () => {
    const design = withFields();
    design.enums.push({ id: 'n', name: 'Thing', values: ['a'] });
    expect(problemsOf(design, 'duplicate-enum-name')).toMatchObject([
      { elementId: 'n', path: 'enums[0].name' },
    ]);
  });
});

describe('field names', () => {
  it('reports invalid and reserved field names, allows id-like ones', () => {
    const design = withFields(
      field('a', 'Title', 'string'),
      field('b', '', 'string'),
      field('c', 'class', 'string'),
      field('d', 'order', 'integer'),
      field('e', 'metadata', 'json'),
      field('f', 'type', 'string'),
    );
    expect(problemsOf(design, 'invalid-name').map((p) => p.elementId)).toEqual(['a', 'b']);
    expect(problemsOf(design, 'reserved-name').map((p) => [p.elementId, p.path])).toEqual([
      ['c', 'entities[0].fields[2].name'],
      ['d', 'entities[0].fields[3].name'],
      ['e', 'entities[0].fields[4].name'],
    ]);
  });

  it('reports duplicate field names in one entity', () => {
    const design = withFields(field('a', 'title', 'string'), field('b', 'title', 'text'));
    expect(problemsOf(design, 'duplicate-field-name')).toMatchObject([
      {
        elementId: 'b',
        path: 'entities[0].fields[1].name',
        message: "'Thing' has two fields named 'title'.",
      },
    ]);
  });

  it('reports fields colliding with the primary key and timestamps', () => {
    const design = withFields(field('a', 'id', 'integer'), field('b', 'created_at', 'datetime'));
    expect(problemsOf(design, 'name-collision').map((p) => p.elementId)).toEqual(['a', 'b']);
    entity(design, 't').timestamps = false;
    expect(problemsOf(design, 'name-collision').map((p) => p.elementId)).toEqual(['a']);
  });

  it('reports a field colliding with a relation name or its FK column', () => {
    const design = blog();
    const post = entity(design, 'e_post');
    post.fields.push(field('x1', 'author_id', 'integer'), field('x2', 'tags', 'json'));
    const problems = problemsOf(design, 'name-collision');
    expect(problems.map((p) => p.elementId)).toEqual(['x1', 'x2']);
    expect(problems[0]?.message).toMatch(/foreign key column/);
  });

  it('reports two relations using the same name on an entity', () => {
    const design = blog();
    const comments = design.relations.find((r) => r.id === 'r_comment_author');
    if (comments) comments.backrefName = 'posts';
    expect(problemsOf(design, 'name-collision')).toMatchObject([{ elementId: 'r_comment_author' }]);
  });

  it('reports a self-relation whose two names are equal', () => {
    const design = blog();
    const follows = design.relations.find((r) => r.id === 'r_user_follows');
    if (follows) follows.backrefName = 'following';
    expect(problemsOf(design, 'name-collision')).toMatchObject([{ elementId: 'r_user_follows' }]);
  });
});

describe('relation names', () => {
  it('must be snake_case and not Python keywords; SQL words are fine for relations', () => {
    const design = blog();
    const [first, second, third] = design.relations;
    if (!first || !second || !third) throw new Error('fixture');
    first.fieldName = 'Author';
    second.backrefName = 'from';
    third.fieldName = 'order';
    expect(problemsOf(design, 'invalid-name')).toMatchObject([{ path: 'relations[0].fieldName' }]);
    expect(problemsOf(design, 'reserved-name')).toMatchObject([{ path: 'relations[1].backrefName' }]);
  });
});
