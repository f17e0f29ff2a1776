import { compilePattern } from '@/lib/design/pattern';
import type { IrField } from '../../ir/types';
import type { Imports } from '../../python/imports';
import { pyFloat, pyNumber, pySingleStr, pyStr, pyValue } from '../../python/literal';

/**
 * Deterministic sample values for generated tests, as Python expressions of the counter variable `n`:
 * `json` goes into request bodies, `model` into ORM constructors. Values respect the field's constraints;
 * strings carry `n` so unique columns get distinct values.
 */
export type SampleKind = 'json' | 'model';
type Sample = { json: () => string; model: () => string };

const TEXT_TYPES = new Set(['string', 'text', 'password']);
export const SAMPLE_PASSWORD_N = 0;

/** The user's pattern with linear-time RE2 matching (the same engine as validation), or null. */
function compile(pattern: string | undefined): { test: (value: string) => boolean } | null {
  if (pattern === undefined) return null;
  const compiled = compilePattern(pattern);
  return compiled.ok ? compiled : null;
}

/** A string template with `{n}` that satisfies the constraints for every counter value tried. */
function stringTemplate(field: IrField, candidates: string[]): string | null {
  const c = field.constraints;
  const regex = compile(c.pattern);
  const min = c.minLength ?? 0;
  const max = Math.min(c.maxLength ?? Number.POSITIVE_INFINITY, field.length ?? Number.POSITIVE_INFINITY);
  for (const base of candidates) {
    for (const pad of ['x', 'a', '0', 'X']) {
      // Padded for n=1; larger counters only make the value longer, which is checked too.
      const extra = Math.max(0, min - base.replace('{n}', '1').length);
      const template = `${base}${pad.repeat(extra)}`;
      const ok = [1, 7, 42, 999, 123456].every((n) => {
        const s = template.replace('{n}', String(n));
        return s.length <= max && (regex === null || regex.test(s));
      });
      if (ok) return template;
    }
  }
  return null;
}

function fString(template: string): string {
  // Templates are built from field names (validated identifiers) and fixed text: no quotes or braces but {n}.
  return template.includes('{n}') ? `f${pySingleStr(template)}` : pyStr(template);
}

function textSample(field: IrField): string {
  const name = field.name.replace(/_/g, '-');
  const candidates =
    field.type === 'email'
      ? ['user{n}@example.com', 'u{n}@example.com', 'u{n}@ex.co']
      : field.type === 'url'
        ? ['https://example.com/{n}', 'https://ex.co/{n}', 'http://e.co/{n}']
        : [
            `${name}-{n}`,
            `${name.replace(/-/g, '')}{n}`,
            `${name.replace(/-/g, '_')}_{n}`,
            'x{n}',
            '{n}',
            'X{n}',
            'a{n}',
          ];
  const template = stringTemplate(field, candidates);
  if (template !== null) return fString(template);
  if (typeof field.example === 'string') return pyStr(field.example);
  if (field.default?.kind === 'literal' && typeof field.default.value === 'string')
    return pyStr(field.default.value);
  return fString('{n}');
}

function clampNumber(field: IrField, preferred: number): number {
  const { min, max } = field.constraints;
  let value = preferred;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  return value;
}

/** A sample as a Python expression; only the imports of the requested kind are registered. */
export function sampleFor(field: IrField, imports: Imports, kind: SampleKind): string {
  return sampleOf(field, imports)[kind]();
}

function sampleOf(field: IrField, imports: Imports): Sample {
  const same = (expr: string): Sample => ({ json: () => expr, model: () => expr });
  const dt = () => imports.module('datetime', 'dt');
  if (field.type === 'password') {
    const password = passwordSample(field);
    return {
      json: () => password,
      model: () => `${imports.from('app.core.security', 'hash_password')}(${password})`,
    };
  }
  if (TEXT_TYPES.has(field.type) || field.type === 'email' || field.type === 'url')
    return same(textSample(field));
  switch (field.type) {
    case 'integer':
    case 'bigint': {
      const { min, max } = field.constraints;
      if (field.unique && max === undefined) return same(`${pyNumber(Math.ceil(min ?? 0))} + n`);
      return same(pyNumber(Math.round(clampNumber(field, Math.ceil(min ?? 1)))));
    }
    case 'float':
      return same(pyFloat(clampNumber(field, field.constraints.min ?? 1.5)));
    case 'decimal': {
      const scale = field.scale ?? 2;
      const intDigits = (field.precision ?? 10) - scale;
      const { min, max } = field.constraints;
      let value = intDigits > 0 ? 1 : 0;
      if (min !== undefined && value < min) value = Math.ceil(min);
      if (max !== undefined && value > max) value = Math.floor(max);
      const text = value.toFixed(scale);
      return {
        json: () => pyStr(text),
        model: () => `${imports.from('decimal', 'Decimal')}(${pyStr(text)})`,
      };
    }
    case 'boolean':
      return same('True');
    case 'date':
      return { json: () => '"2024-01-15"', model: () => `${dt()}.date(2024, 1, 15)` };
    case 'datetime':
      return {
        json: () => '"2024-01-15T12:00:00Z"',
        model: () => `${dt()}.datetime(2024, 1, 15, 12, 0, tzinfo=${dt()}.UTC)`,
      };
    case 'uuid':
      return {
        json: () => `str(${imports.module('uuid')}.UUID(int=n))`,
        model: () => `${imports.module('uuid')}.UUID(int=n)`,
      };
    case 'json':
      return same('{"n": n}');
    case 'enum': {
      const enumDef = field.enum;
      const member = enumDef?.members[0];
      if (!enumDef || !member) return same('None');
      return {
        json: () => pyStr(member.value),
        model: () => `${imports.from('app.enums', enumDef.className)}.${member.name}`,
      };
    }
    default:
      return same(pyValue(field.example ?? null));
  }
}

/** A fixed password that satisfies the field's constraints (tests log in with it). */
export function passwordSample(field: IrField): string {
  const c = field.constraints;
  const regex = compile(c.pattern);
  const max = c.maxLength ?? Number.POSITIVE_INFINITY;
  for (const base of [
    'Correct-Horse-7-Battery',
    'correcthorse7battery',
    'Password1',
    'password',
    '12345678',
  ]) {
    let s = base;
    while (s.length < (c.minLength ?? 0)) s += 'x';
    if (s.length <= max && (regex === null || regex.test(s))) return pyStr(s);
  }
  if (typeof field.example === 'string') return pyStr(field.example);
  return pyStr('Correct-Horse-7-Battery');
}

/** A JSON value of the wrong type for the field (422), or null when any JSON is accepted. */
export function invalidJson(field: IrField): string | null {
  if (field.type === 'json') return null;
  if (field.type === 'boolean') return '{"not": "a boolean"}';
  return '{"not": "valid"}';
}
