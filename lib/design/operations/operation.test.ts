import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../factories';
import { validateDesign } from '../validate';
import { OperationError } from './errors';
import {
  applyOperation,
  applyOperations,
  OPERATION_NAMES,
  type Operation,
  OperationSchema,
} from './operation';
import { expectOperationError, frozenBlog } from './test-helpers';

describe('applyOperation', () => {
  it('runs a script of operations as data', () => {
    const ops: Operation[] = [
      { op: 'addEntity', id: 'a', name: 'Author', position: { x: 0, y: 0 } },
      { op: 'addEntity', id: 'b', name: 'Book', position: { x: 300, y: 0 } },
      {
        op: 'addField',
        entityId: 'b',
        field: { id: 'b1', name: 'title', type: 'string', constraints: { maxLength: 100 } },
      },
      { op: 'connect', id: 'r', fromEntityId: 'b', toEntityId: 'a' },
      { op: 'renameDesign', name: 'Library' },
    ];
    const design = applyOperations(emptyDesign('x'), ops);
    expect(design.name).toBe('Library');
    expect(design.relations[0]).toMatchObject({ fieldName: 'author', backrefName: 'books' });
    expect(validateDesign(design)).toEqual([]);
  });

  it('survives a JSON round trip of the operation', () => {
    const op: Operation = {
      op: 'updateField',
      fieldId: 'f_post_title',
      patch: { default: null, nullable: true },
    };
    const viaJson = JSON.parse(JSON.stringify(op)) as Operation;
    expect(applyOperation(frozenBlog(), viaJson)).toEqual(applyOperation(frozenBlog(), op));
  });

  it('rejects malformed operations with OperationError and a readable message', () => {
    expectOperationError(
      () => applyOperation(frozenBlog(), { op: 'nope' } as unknown as Operation),
      'invalid-operation',
    );
    expectOperationError(
      () => applyOperation(frozenBlog(), { op: 'addEntity', id: 'x', name: 'X' } as unknown as Operation),
      'invalid-operation',
      /at position/,
    );
    expectOperationError(
      () => applyOperation(frozenBlog(), { op: 'moveNode', id: '', x: 0, y: 0 }),
      'invalid-operation',
      /at id/,
    );
  });

  it('passes through errors from the operation itself', () => {
    expect(() => applyOperation(frozenBlog(), { op: 'deleteEntity', entityId: 'nope' })).toThrow(
      OperationError,
    );
  });

  it('has a schema variant for every operation name', () => {
    expect(OPERATION_NAMES).toHaveLength(27);
    for (const op of OPERATION_NAMES) {
      const result = OperationSchema.safeParse({ op });
      // every variant is known: failures are about its arguments, never about `op`
      if (!result.success) expect(result.error.issues.some((i) => i.path[0] === 'op')).toBe(false);
    }
  });
});

describe('setApiShape: the error format', () => {
  it('sets the error format and refuses unknown ones', () => {
    const design = frozenBlog();
    expect(applyOperation(design, { op: 'setApiShape', api: { errors: 'problem' } }).api.errors).toBe(
      'problem',
    );
    expect(() => applyOperation(design, { op: 'setApiShape', api: { errors: 'xml' } } as never)).toThrow(
      OperationError,
    );
  });
});
