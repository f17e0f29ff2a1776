import { describe, expect, it } from 'vitest';
import { validateDesign } from '../validate';
import { addEnum, deleteEnum, renameEnum, updateEnumValues } from './enums';
import { entityOf, expectConsistent, expectOperationError, frozenBlog } from './test-helpers';

describe('enums', () => {
  it('addEnum with and without a position', () => {
    let design = addEnum(frozenBlog(), { id: 'n', name: 'Color', values: ['red'], position: { x: 3, y: 4 } });
    expect(design.enums.at(-1)).toEqual({ id: 'n', name: 'Color', values: ['red'] });
    expect(design.layout.nodes.n).toEqual({ x: 3, y: 4 });
    design = addEnum(design, { id: 'm', name: 'Size' });
    expect(design.enums.at(-1)?.values).toEqual([]);
    expect(design.layout.nodes.m).toBeUndefined();
    expectOperationError(() => addEnum(design, { id: 'n', name: 'X' }), 'duplicate-id');
  });

  it('renameEnum and updateEnumValues', () => {
    let design = renameEnum(frozenBlog(), { enumId: 'enum_role', name: 'UserRole' });
    design = updateEnumValues(design, { enumId: 'enum_role', values: ['reader', 'admin'] });
    expect(design.enums[0]).toEqual({ id: 'enum_role', name: 'UserRole', values: ['reader', 'admin'] });
    expect(validateDesign(design)).toEqual([]);
    // removing the default's value is allowed and reported by validation
    design = updateEnumValues(design, { enumId: 'enum_role', values: ['admin'] });
    expect(validateDesign(design).map((p) => p.code)).toEqual(['invalid-default']);
    expectOperationError(() => renameEnum(frozenBlog(), { enumId: 'nope', name: 'X' }), 'not-found');
    expectOperationError(() => updateEnumValues(frozenBlog(), { enumId: 'nope', values: [] }), 'not-found');
  });

  it('deleteEnum turns its fields into strings and removes its node', () => {
    const design = deleteEnum(frozenBlog(), { enumId: 'enum_role' });
    const role = entityOf(design, 'e_user').fields.find((f) => f.id === 'f_user_role');
    expect(role?.type).toBe('string');
    expect(role).not.toHaveProperty('enumId');
    expect(role?.default).toEqual({ kind: 'literal', value: 'reader' });
    expect(design.enums).toEqual([]);
    expect(design.layout.nodes.enum_role).toBeUndefined();
    expectConsistent(design);
    expectOperationError(() => deleteEnum(frozenBlog(), { enumId: 'nope' }), 'not-found');
  });
});
