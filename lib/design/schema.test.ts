import { describe, expect, it } from 'vitest';
import { emptyDesign, newField } from './factories';
import { DesignSchema, FieldSchema, FORMAT_VERSION } from './schema';
import { templates } from './templates';
import { syntheticDesign } from './testing/arbitraries';

describe('DesignSchema', () => {
  it.each(Object.keys(templates) as (keyof typeof templates)[])(
    'round-trips the %s template through JSON',
    (name) => {
      const design = templates[name]();
      const parsed = DesignSchema.parse(JSON.parse(JSON.stringify(design)));
      expect(parsed).toEqual(design);
    },
  );

  it('round-trips a large synthetic design', () => {
    const design = syntheticDesign(50);
    expect(DesignSchema.parse(JSON.parse(JSON.stringify(design)))).toEqual(design);
  });

  it('rejects an unknown field type and a wrong format version', () => {
    const field = { ...newField('f', 'x', 'string'), type: 'varchar' };
    expect(FieldSchema.safeParse(field).success).toBe(false);
    expect(DesignSchema.safeParse({ ...emptyDesign('x'), formatVersion: FORMAT_VERSION + 1 }).success).toBe(false);
  });

  it('accepts in-progress names (validateDesign reports them instead)', () => {
    expect(FieldSchema.safeParse(newField('f', '', 'string')).success).toBe(true);
  });

  it('rejects empty ids and negative lengths', () => {
    expect(FieldSchema.safeParse(newField('', 'x', 'string')).success).toBe(false);
    expect(
      FieldSchema.safeParse(newField('f', 'x', 'string', { constraints: { maxLength: -1 } })).success,
    ).toBe(false);
  });

  it('newField makes password fields write-only', () => {
    expect(newField('p', 'password', 'password').writeOnly).toBe(true);
    expect(newField('e', 'email', 'email').writeOnly).toBe(false);
  });
});
