import { describe, expect, it } from 'vitest';
import { derivedValues } from '@/lib/generator/testing/derive-designs';
import type { FieldDerive } from '../schema';
import { field, problemsOf, withFields } from './test-helpers';

const derive = (kind: FieldDerive['kind'], fromFieldId: string, onUpdate = true): FieldDerive => ({
  kind,
  fromFieldId,
  onUpdate,
});

describe('derived values', () => {
  it('the derive test design is valid', () => {
    expect(problemsOf(derivedValues())).toEqual([]);
  });

  it('a slug of a text field into a string; a lower-cased copy; a time of a boolean', () => {
    const design = withFields(
      field('title', 'title', 'string', { constraints: { maxLength: 80 } }),
      field('slug', 'slug', 'string', { unique: true, derive: derive('slug', 'title') }),
      field('email', 'email', 'email'),
      field('low', 'email_lower', 'email', { derive: derive('lower', 'email', false) }),
      field('pub', 'published', 'boolean'),
      field('at', 'published_at', 'datetime', { nullable: true, derive: derive('now', 'pub') }),
    );
    expect(problemsOf(design)).toEqual([]);
  });

  it('a derived field is read-only in bodies: read-only and required needs no default', () => {
    const design = withFields(
      field('title', 'title', 'string'),
      field('slug', 'slug', 'string', { readOnly: true, derive: derive('slug', 'title') }),
    );
    expect(problemsOf(design, 'read-only-required')).toEqual([]);
  });

  it('refuses a missing source, one of another entity and cycles', () => {
    const design = withFields(
      field('a', 'a', 'string', { derive: derive('lower', 'gone') }),
      field('b', 'b', 'string', { derive: derive('lower', 'b') }),
      field('c', 'c', 'string', { derive: derive('lower', 'd') }),
      field('d', 'd', 'string', { derive: derive('lower', 'c') }),
    );
    expect(problemsOf(design, 'unknown-field')).toMatchObject([
      { elementId: 'a', path: 'entities[0].fields[0].derive.fromFieldId' },
    ]);
    expect(problemsOf(design, 'invalid-derive').map((p) => [p.elementId, p.message])).toEqual([
      ['b', expect.stringMatching(/derived from itself/)],
      ['c', expect.stringMatching(/derived from itself/)],
      ['d', expect.stringMatching(/derived from itself/)],
    ]);
  });

  it('checks the types, nullability, room and the other server-set settings', () => {
    const design = withFields(
      field('title', 'title', 'string', { nullable: true }),
      field('n', 'n', 'integer'),
      field('pw', 'pw', 'password'),
      field('s1', 's1', 'text', { nullable: true, derive: derive('slug', 'title') }),
      field('s2', 's2', 'string', { derive: derive('slug', 'n') }),
      field('s3', 's3', 'string', { derive: derive('slug', 'title') }),
      field('s4', 's4', 'string', {
        nullable: true,
        constraints: { maxLength: 5 },
        derive: derive('slug', 'title'),
      }),
      field('l1', 'l1', 'string', {
        nullable: true,
        constraints: { maxLength: 10 },
        derive: derive('lower', 'title'),
      }),
      field('l2', 'l2', 'string', { derive: derive('lower', 'pw') }),
      field('t1', 't1', 'date', { nullable: true, derive: derive('now', 'n') }),
      field('t2', 't2', 'datetime', { derive: derive('now', 'n') }),
      field('x', 'x', 'string', {
        nullable: true,
        default: { kind: 'literal', value: 'a' },
        copyFrom: { relationId: 'r', fieldId: 'title' },
        derive: derive('lower', 'title'),
      }),
    );
    const messages = problemsOf(design, 'invalid-derive').map((p) => [p.elementId, p.message]);
    expect(messages).toEqual([
      ['s1', expect.stringMatching(/must be a string field/)],
      ['s2', expect.stringMatching(/made of text: 'n' is integer/)],
      ['s3', expect.stringMatching(/may be empty, so 's3' may be too/)],
      ['s4', expect.stringMatching(/maxLength of 8 or more/)],
      ['l1', expect.stringMatching(/shorter than 'title'/)],
      ['l2', expect.stringMatching(/'pw' is never returned/)],
      ['l2', expect.stringMatching(/Only text can be lower-cased/)],
      ['t1', expect.stringMatching(/must be a datetime field/)],
      ['t2', expect.stringMatching(/make it nullable/)],
      ['x', expect.stringMatching(/both copied from a relation and derived/)],
      ['x', expect.stringMatching(/remove its default/)],
    ]);
  });

  it('refuses a source in another entity', () => {
    const design = withFields(field('a', 'a', 'string'));
    const other = structuredClone(design.entities[0]);
    if (!other) throw new Error('no entity');
    design.entities.push({
      ...other,
      id: 'o',
      name: 'Other',
      fields: [field('b', 'b', 'string', { derive: derive('lower', 'a') })],
    });
    expect(problemsOf(design, 'invalid-derive')).toMatchObject([
      {
        elementId: 'b',
        path: 'entities[1].fields[0].derive.fromFieldId',
        message: expect.stringMatching(/of 'Other'/),
      },
    ]);
  });
});
