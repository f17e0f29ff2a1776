import { describe, expect, it } from 'vitest';
import type { FieldDefault } from '../schema';
import { field, problemsOf, withFields } from './test-helpers';

const literal = (value: unknown): FieldDefault => ({ kind: 'literal', value: value as never });

describe('type-specific props', () => {
  it('enum field without enum or with a deleted enum', () => {
    const design = withFields(field('a', 'kind', 'enum'), field('b', 'level', 'enum', { enumId: 'gone' }));
    expect(problemsOf(design, 'missing-enum')).toMatchObject([
      { elementId: 'a', path: 'entities[0].fields[0].enumId' },
    ]);
    expect(problemsOf(design, 'unknown-enum')).toMatchObject([{ elementId: 'b' }]);
  });

  it('decimal needs precision and scale, scale <= precision', () => {
    const design = withFields(
      field('a', 'price', 'decimal'),
      field('b', 'rate', 'decimal', { precision: 4, scale: 6 }),
      field('c', 'ok', 'decimal', { precision: 10, scale: 2 }),
    );
    expect(problemsOf(design, 'invalid-decimal').map((p) => p.elementId)).toEqual(['a', 'b']);
  });

  it('read-only and write-only together, or a read-only password', () => {
    const design = withFields(
      field('a', 'secret', 'string', { readOnly: true, writeOnly: true }),
      field('b', 'password', 'password', { readOnly: true }),
    );
    expect(problemsOf(design, 'read-write-conflict').map((p) => p.elementId)).toEqual(['a', 'b', 'b']);
  });
});

describe('constraints', () => {
  it('min > max and minLength > maxLength', () => {
    const design = withFields(
      field('a', 'n', 'integer', { constraints: { min: 5, max: 1 } }),
      field('b', 's', 'string', { constraints: { minLength: 9, maxLength: 3 } }),
    );
    expect(problemsOf(design, 'constraint-range').map((p) => p.path)).toEqual([
      'entities[0].fields[0].constraints.min',
      'entities[0].fields[1].constraints.minLength',
    ]);
  });

  it('invalid regular expression', () => {
    const design = withFields(field('a', 'code', 'string', { constraints: { pattern: '([a-z' } }));
    expect(problemsOf(design, 'invalid-pattern')[0]?.message).toMatch(/not a valid regular expression/);
  });

  it('lookaround and backreferences are refused, naming the accepted syntax', () => {
    const design = withFields(
      field('a', 'code', 'string', { constraints: { pattern: '^(?=.*[0-9])[a-z0-9]+$' } }),
      field('b', 'twice', 'string', { constraints: { pattern: '^(a)\\1$' } }),
      field('c', 'named', 'string', { constraints: { pattern: '^(?P<word>[a-z]+)\\d{2}$' } }),
    );
    const problems = problemsOf(design, 'invalid-pattern');
    expect(problems.map((p) => [p.elementId, p.path])).toEqual([
      ['a', 'entities[0].fields[0].constraints.pattern'],
      ['b', 'entities[0].fields[1].constraints.pattern'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/RE2 syntax.*no lookaround.*no backreferences/);
  });

  it('matches user patterns in linear time (no catastrophic backtracking)', () => {
    // With a backtracking engine, one of these takes minutes: 2^40 ways to split the a's.
    const evil = `${'a'.repeat(40)}!`;
    const fields = Array.from({ length: 8 }, (_, i) =>
      field(`f${i}`, `s${i}`, 'string', { constraints: { pattern: '^(a+)+$' }, default: literal(evil) }),
    );
    const started = performance.now();
    const problems = problemsOf(withFields(...fields), 'invalid-default');
    expect(problems).toHaveLength(8);
    expect(problems[0]?.message).toMatch(/does not match the pattern/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('constraints that do not apply to the type', () => {
    const design = withFields(
      field('a', 'flag', 'boolean', { constraints: { maxLength: 3 } }),
      field('b', 'title', 'string', { constraints: { min: 1 } }),
    );
    expect(problemsOf(design, 'constraint-not-applicable').map((p) => p.path)).toEqual([
      'entities[0].fields[0].constraints.maxLength',
      'entities[0].fields[1].constraints.min',
    ]);
  });
});

describe('defaults', () => {
  it.each([
    [
      'string longer than maxLength',
      field('a', 's', 'string', { constraints: { maxLength: 2 }, default: literal('abc') }),
      /longer than maxLength 2/,
    ],
    [
      'string shorter than minLength',
      field('a', 's', 'string', { constraints: { minLength: 5 }, default: literal('abc') }),
      /shorter/,
    ],
    [
      'regex mismatch',
      field('a', 's', 'string', { constraints: { pattern: '^[a-z]+$' }, default: literal('ABC') }),
      /pattern/,
    ],
    [
      'number below min',
      field('a', 'n', 'integer', { constraints: { min: 1 }, default: literal(0) }),
      /below the minimum 1/,
    ],
    [
      'number above max',
      field('a', 'n', 'float', { constraints: { max: 1 }, default: literal(1.5) }),
      /above the maximum 1/,
    ],
    ['fraction in an integer', field('a', 'n', 'integer', { default: literal(1.5) }), /whole number/],
    [
      'text in a number',
      field('a', 'n', 'decimal', { precision: 5, scale: 2, default: literal('1') }),
      /must be a number/,
    ],
    ['number in a string', field('a', 's', 'string', { default: literal(1) }), /must be text/],
    ['non-boolean', field('a', 'b', 'boolean', { default: literal('yes') }), /true or false/],
    ['bad date', field('a', 'd', 'date', { default: literal('31/01/2024') }), /date like/],
    [
      'datetime without zone',
      field('a', 'd', 'datetime', { default: literal('2024-01-31T12:00:00') }),
      /time zone/,
    ],
    ['bad uuid', field('a', 'u', 'uuid', { default: literal('nope') }), /UUID/],
    ['bad email', field('a', 'e', 'email', { default: literal('nope') }), /email/],
    ['bad url', field('a', 'u', 'url', { default: literal('ftp://x') }), /URL/],
    ['null on non-nullable', field('a', 's', 'string', { default: literal(null) }), /not nullable/],
    ['now on a string', field('a', 's', 'string', { default: { kind: 'now' } }), /'now'/],
    ['uuid on an integer', field('a', 'n', 'integer', { default: { kind: 'uuid' } }), /UUID default/],
    [
      'any default on a password',
      field('a', 'password', 'password', { default: literal('secret123') }),
      /password/,
    ],
  ])('%s', (_label, badField, message) => {
    const problems = problemsOf(withFields(badField), 'invalid-default');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ elementId: 'a', path: 'entities[0].fields[0].default' });
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts fitting defaults', () => {
    const design = withFields(
      field('a', 's', 'string', {
        constraints: { maxLength: 3, pattern: '^[a-z]+$' },
        default: literal('abc'),
      }),
      field('b', 'n', 'integer', { constraints: { min: 0, max: 9 }, default: literal(9) }),
      field('c', 'd', 'datetime', { default: { kind: 'now' } }),
      field('d', 'e', 'date', { default: literal('2024-01-31') }),
      field('e', 'u', 'uuid', { default: { kind: 'uuid' } }),
      field('f', 'j', 'json', { default: literal({ any: ['thing'] }) }),
      field('g', 'x', 'string', { nullable: true, default: literal(null) }),
      field('h', 'w', 'url', { default: literal('https://example.com') }),
      field('i', 't', 'datetime', { default: literal('2024-01-31T12:00:00+02:00') }),
    );
    expect(problemsOf(design)).toEqual([]);
  });

  it('enum default must be one of the values', () => {
    const design = withFields(
      field('a', 'level', 'enum', { enumId: 'n', default: literal('high') }),
      field('b', 'other', 'enum', { enumId: 'n', default: literal('low') }),
    );
    design.enums.push({ id: 'n', name: 'Level', values: ['low', 'mid'] });
    expect(problemsOf(design, 'invalid-default')).toMatchObject([{ elementId: 'a' }]);
    expect(problemsOf(design, 'invalid-default')[0]?.message).toMatch(/one of the values of 'Level'/);
  });
});

describe('enums', () => {
  it('empty enums, empty values and duplicate values', () => {
    const design = withFields();
    design.enums.push(
      { id: 'a', name: 'Empty', values: [] },
      { id: 'b', name: 'Twice', values: ['x', '', 'x'] },
    );
    expect(problemsOf(design, 'empty-enum')).toMatchObject([{ elementId: 'a', path: 'enums[0].values' }]);
    expect(problemsOf(design, 'invalid-enum-value')).toMatchObject([{ path: 'enums[1].values[1]' }]);
    expect(problemsOf(design, 'duplicate-enum-value')).toMatchObject([
      { path: 'enums[1].values[2]', elementId: 'b' },
    ]);
  });
});
