import { describe, expect, it } from 'vitest';
import type { Problem } from '@/lib/design';
import { templates } from '@/lib/design/templates';
import { problemSelection } from './problem-target';

const design = templates.blog();
const postIndex = design.entities.findIndex((e) => e.id === 'e_post');
const problem = (path: string, elementId?: string): Problem => ({
  code: 'unknown-field',
  message: 'm',
  path,
  ...(elementId ? { elementId } : {}),
});

describe('problemSelection', () => {
  it('opens the endpoint settings for actions and viewer lists, whatever element the problem names', () => {
    expect(
      problemSelection(problem(`entities[${postIndex}].resource.actions[0].name`, 'act_1'), design),
    ).toEqual({
      kind: 'endpoint',
      entityId: 'e_post',
      operation: 'get',
    });
    expect(problemSelection(problem(`entities[${postIndex}].resource.viewerLists[1].path`), design)).toEqual({
      kind: 'endpoint',
      entityId: 'e_post',
      operation: 'list',
    });
  });

  it('opens the entity for computed fields and unique constraints', () => {
    expect(
      problemSelection(problem(`entities[${postIndex}].computed[0].relationId`, 'cmp_1'), design),
    ).toEqual({
      kind: 'element',
      id: 'e_post',
    });
  });

  it('keeps the element of other problems, and CRUD endpoints', () => {
    expect(
      problemSelection(problem(`entities[${postIndex}].fields[0].derive.fromFieldId`, 'f_post_slug'), design),
    ).toEqual({
      kind: 'element',
      id: 'f_post_slug',
    });
    expect(
      problemSelection(problem(`entities[${postIndex}].resource.operations.list.viewId`, 'e_post')),
    ).toEqual({
      kind: 'endpoint',
      entityId: 'e_post',
      operation: 'list',
    });
    expect(problemSelection(problem('auth.loginFieldId'))).toEqual({ kind: 'auth' });
  });
});
