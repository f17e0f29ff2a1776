import type { IrField } from '../../ir/types';
import type { Imports } from '../../python/imports';
import { pyFloat, pyNumber } from '../../python/literal';
import { sampleFor } from './samples';

/**
 * Two values of a field in ascending order, for tests that check sorting and filtering: `value(0)` sorts
 * before `value(1)` on SQLite and PostgreSQL alike (same-length digits in text, enum declaration order).
 * Each value is a model expression with the lines to run first (`n = ...` for counter-based samples). Unique
 * columns get values derived from `seed`, far from the factories' counter.
 */
export type OrderedPair = { value: (which: 0 | 1) => { lines: string[]; expr: string } };

/** A number in [100000, 899999] from a test name: distinct tests rarely share values of a unique column. */
export function seedOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619) >>> 0;
  return 100000 + (hash % 799998);
}

const fixed = (low: string, high: string): OrderedPair => ({
  value: (which) => ({ lines: [], expr: which === 0 ? low : high }),
});

export function orderedPair(field: IrField, imports: Imports, seed: number): OrderedPair | null {
  const { min, max } = field.constraints;
  const dt = () => imports.module('datetime', 'dt');
  switch (field.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url': {
      const sample = sampleFor(field, imports, 'model');
      if (!/\bn\b/.test(sample)) return null;
      return { value: (which) => ({ lines: [`n = ${seed + which}`], expr: sample }) };
    }
    case 'integer':
    case 'bigint': {
      if (field.unique && max !== undefined) return null;
      const low = field.unique ? Math.ceil(min ?? 0) + seed : Math.ceil(min ?? 1);
      if (max !== undefined && low + 1 > max) return null;
      return fixed(pyNumber(low), pyNumber(low + 1));
    }
    case 'float': {
      if (field.unique) return null;
      const low = max !== undefined ? Math.min(min ?? 1.5, max) : (min ?? 1.5);
      const high = max !== undefined ? Math.min(low + 1, max) : low + 1;
      return high > low ? fixed(pyFloat(low), pyFloat(high)) : null;
    }
    case 'decimal': {
      const scale = field.scale ?? 2;
      const intDigits = (field.precision ?? 10) - scale;
      const low = Math.max(Math.ceil(min ?? 1), 0);
      const high = low + 1;
      if (field.unique || high >= 10 ** intDigits || (max !== undefined && high > max)) return null;
      const decimal = imports.from('decimal', 'Decimal');
      return fixed(`${decimal}("${low.toFixed(scale)}")`, `${decimal}("${high.toFixed(scale)}")`);
    }
    case 'boolean':
      return field.unique ? null : fixed('False', 'True');
    case 'date':
      return field.unique ? null : fixed(`${dt()}.date(2024, 1, 15)`, `${dt()}.date(2024, 1, 16)`);
    case 'datetime': {
      if (field.unique) return null;
      const at = (day: number) => `${dt()}.datetime(2024, 1, ${day}, 12, 0, tzinfo=${dt()}.UTC)`;
      return fixed(at(15), at(16));
    }
    case 'uuid': {
      const uuid = imports.module('uuid');
      return fixed(`${uuid}.UUID(int=${seed})`, `${uuid}.UUID(int=${seed + 1})`);
    }
    case 'enum': {
      const e = field.enum;
      const [first, second] = e?.members ?? [];
      if (!e || !first || !second || field.unique) return null;
      const cls = imports.from('app.enums', e.className);
      return fixed(`${cls}.${first.name}`, `${cls}.${second.name}`);
    }
    default:
      return null;
  }
}
