import { describe, expect, it } from 'vitest';
import { booleanDefault, booleanDefaultOf } from './field-default';

describe('boolean defaults', () => {
  it('round-trips none / true / false through the select value', () => {
    for (const choice of ['none', 'true', 'false'] as const) {
      expect(booleanDefaultOf(booleanDefault(choice) ?? undefined)).toBe(choice);
    }
    expect(booleanDefault('false')).toEqual({ kind: 'literal', value: false });
    expect(booleanDefault('none')).toBeNull();
  });

  it('reads old text values and ignores other default kinds', () => {
    expect(booleanDefaultOf({ kind: 'literal', value: 'true' })).toBe('true');
    expect(booleanDefaultOf({ kind: 'literal', value: 'yes' })).toBe('none');
    expect(booleanDefaultOf({ kind: 'now' })).toBe('none');
  });
});
