import { describe, expect, it } from 'vitest';
import { nestedBlog } from '@/lib/generator/testing/nesting-designs';
import { validateDesign } from '../validate';
import { applyOperation } from './index';

const entity = (design: ReturnType<typeof nestedBlog>, id: string) => {
  const found = design.entities.find((e) => e.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('operations keep nesting and views consistent', () => {
  it('sets and clears a parent relation, a response view and an embed view', () => {
    let design = applyOperation(nestedBlog(), {
      op: 'updateResource',
      entityId: 'e_nb_comment',
      patch: { parentRelationId: null, operations: { get: { viewId: null } } },
    });
    expect(entity(design, 'e_nb_comment').resource.parentRelationId).toBeUndefined();
    design = applyOperation(design, {
      op: 'updateEntity',
      entityId: 'e_nb_user',
      patch: { embedViewId: null },
    });
    expect(entity(design, 'e_nb_user').embedViewId).toBeUndefined();
    design = applyOperation(design, {
      op: 'updateResource',
      entityId: 'e_nb_user',
      patch: { operations: { get: { viewId: null } } },
    });
    expect(entity(design, 'e_nb_user').resource.operations.get.viewId).toBeUndefined();
  });

  it('deleting the parent relation un-nests; deleting a field leaves the views', () => {
    let design = applyOperation(nestedBlog(), { op: 'deleteRelation', relationId: 'r_nb_comment_article' });
    expect(entity(design, 'e_nb_comment').resource.parentRelationId).toBeUndefined();
    design = applyOperation(design, { op: 'deleteField', fieldId: 'f_nb_user_name' });
    expect(entity(design, 'e_nb_user').views?.[0]?.fieldIds).toEqual([]);
    expect(validateDesign(design).filter((p) => p.code === 'unknown-field')).toEqual([]);
  });

  it("a duplicated entity's views show the copied fields", () => {
    const design = applyOperation(nestedBlog(), {
      op: 'duplicateEntity',
      entityId: 'e_nb_user',
      newId: 'copy',
    });
    expect(entity(design, 'copy').views?.[0]?.fieldIds).toEqual(['copy.f_nb_user_name']);
  });
});
