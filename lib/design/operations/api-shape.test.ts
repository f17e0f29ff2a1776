import { describe, expect, it } from 'vitest';
import { defaultApiShape, emptyDesign } from '../factories';
import { OperationError } from './errors';
import { applyOperation } from './operation';

describe('setApiShape', () => {
  it('replaces the keys given and keeps the others', () => {
    const design = emptyDesign('x');
    const next = applyOperation(design, {
      op: 'setApiShape',
      api: { naming: 'camelCase', paging: { style: 'page', pageParam: 'page', sizeParam: 'size' } },
    });
    expect(next.api).toEqual({
      ...defaultApiShape(),
      naming: 'camelCase',
      paging: { style: 'page', pageParam: 'page', sizeParam: 'size' },
    });
    expect(design.api).toEqual(defaultApiShape());
  });

  it('refuses a shape the schema does not allow', () => {
    const design = emptyDesign('x');
    expect(() => applyOperation(design, { op: 'setApiShape', api: { naming: 'kebab' } } as never)).toThrow(
      OperationError,
    );
  });

  it('sets and clears a field API name and a resource shape', () => {
    let design = applyOperation(emptyDesign('x'), {
      op: 'addEntity',
      id: 'e',
      name: 'Post',
      position: { x: 0, y: 0 },
    });
    design = applyOperation(design, {
      op: 'addField',
      entityId: 'e',
      field: { id: 'f', name: 'title', type: 'string' },
    });
    design = applyOperation(design, { op: 'updateField', fieldId: 'f', patch: { apiName: 'heading' } });
    design = applyOperation(design, {
      op: 'updateResource',
      entityId: 'e',
      patch: { shape: { objectKey: 'data' } },
    });
    expect(design.entities[0]?.fields[0]?.apiName).toBe('heading');
    expect(design.entities[0]?.resource.shape).toEqual({ objectKey: 'data' });
    design = applyOperation(design, { op: 'updateField', fieldId: 'f', patch: { apiName: null } });
    design = applyOperation(design, { op: 'updateResource', entityId: 'e', patch: { shape: null } });
    expect(design.entities[0]?.fields[0]).not.toHaveProperty('apiName');
    expect(design.entities[0]?.resource).not.toHaveProperty('shape');
  });
});
