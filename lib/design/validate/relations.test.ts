import { describe, expect, it } from 'vitest';
import { newEntity, newRelation } from '../factories';
import { templates } from '../templates';
import { blog, problemsOf, withFields } from './test-helpers';

function relation(id: string, from: string, to: string, props: Parameters<typeof newRelation>[3] = {}) {
  return newRelation(id, from, to, { fieldName: 'link', backrefName: 'links', ...props });
}

describe('relations', () => {
  it('reports relations to unknown entities', () => {
    const design = withFields();
    design.relations.push(
      relation('r', 't', 'gone'),
      relation('s', 'gone', 't', { fieldName: 'other', backrefName: 'others' }),
    );
    expect(problemsOf(design, 'unknown-entity').map((p) => p.path)).toEqual([
      'relations[0].toEntityId',
      'relations[1].fromEntityId',
    ]);
  });

  it('allows self-relations', () => {
    const design = withFields();
    design.relations.push(
      relation('r', 't', 't', { fieldName: 'parent', backrefName: 'children', nullable: true }),
    );
    expect(problemsOf(design)).toEqual([]);
  });

  it('set-null needs a nullable relation', () => {
    const design = withFields();
    design.entities.push(newEntity('o', 'Other'));
    design.relations.push(relation('r', 't', 'o', { nullable: false, onDelete: 'set-null' }));
    expect(problemsOf(design, 'invalid-on-delete')).toMatchObject([
      { elementId: 'r', path: 'relations[0].onDelete' },
    ]);
  });

  it('association table and through only apply to many-to-many', () => {
    const design = withFields();
    design.entities.push(newEntity('o', 'Other'));
    design.relations.push(relation('r', 't', 'o', { associationTable: 'x' }));
    expect(problemsOf(design, 'invalid-relation-option')).toMatchObject([{ elementId: 'r' }]);
  });

  it('a through entity needs many-to-one relations to both ends', () => {
    const design = structuredClone(templates.shop());
    expect(problemsOf(design)).toEqual([]);
    design.relations = design.relations.filter((r) => r.id !== 'r_order_line_product');
    const problems = problemsOf(design, 'invalid-through');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/needs a many-to-one relation to 'Product'/);
  });

  it('a through entity cannot be one of the ends, or missing, or combined with a table name', () => {
    const design = structuredClone(templates.shop());
    const m2m = design.relations.find((r) => r.id === 'r_order_products');
    if (!m2m) throw new Error('fixture');
    m2m.throughEntityId = 'e_order';
    expect(problemsOf(design, 'invalid-through')[0]?.message).toMatch(/own ends/);
    m2m.throughEntityId = 'gone';
    expect(problemsOf(design, 'unknown-entity')).toMatchObject([{ path: 'relations[3].throughEntityId' }]);
    m2m.throughEntityId = 'e_order_line';
    m2m.associationTable = 'order_products';
    expect(problemsOf(design, 'invalid-relation-option')).toMatchObject([
      { path: 'relations[3].associationTable' },
    ]);
  });

  it('association tables must not clash with entity tables', () => {
    const design = blog();
    const tags = design.relations.find((r) => r.id === 'r_post_tags');
    if (tags) tags.associationTable = 'comments';
    expect(problemsOf(design, 'duplicate-table-name')).toMatchObject([{ elementId: 'r_post_tags' }]);
  });

  it('an FK column that is an SQL reserved word', () => {
    const design = blog();
    const author = design.relations.find((r) => r.id === 'r_post_author');
    if (author) author.fieldName = 'current';
    // `current_id` is fine; only the column matters
    expect(problemsOf(design, 'reserved-name')).toEqual([]);
  });
});
