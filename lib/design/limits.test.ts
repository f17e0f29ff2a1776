import { describe, expect, it } from 'vitest';
import { newField } from './factories';
import { jsonValueProblem, LIMITS, utf8Length } from './limits';
import { loadDesign } from './load';
import type { Design } from './schema';
import { syntheticDesign } from './testing/synthetic';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** The issues of loading a small design after `edit`. */
function issuesAfter(edit: (design: Design) => void) {
  const design = syntheticDesign(2);
  edit(design);
  const loaded = loadDesign(design);
  return loaded.ok ? [] : loaded.issues;
}

describe('JSON values', () => {
  it('measures depth and size iteratively (no stack overflow at 100,000 levels)', () => {
    expect(jsonValueProblem(nested(LIMITS.jsonDepth))).toBeNull();
    expect(jsonValueProblem(nested(LIMITS.jsonDepth + 1))).toMatch(/deeper than 32/);
    expect(jsonValueProblem(nested(100_000))).toMatch(/deeper/);
    expect(jsonValueProblem('x'.repeat(LIMITS.jsonBytes))).toMatch(/larger than 64 KiB/);
    expect(jsonValueProblem({ list: [1, 'two', null, true, { three: 3.5 }] })).toBeNull();
  });

  it('counts the compact JSON text in UTF-8 bytes', () => {
    const value = { key: ['é', 12, null, false], other: { x: 'ab' } };
    expect(jsonValueProblem(value, 10, JSON.stringify(value).length + 2)).toBeNull();
    expect(jsonValueProblem(value, 10, JSON.stringify(value).length)).toMatch(/larger/);
    expect(utf8Length('aé€😀')).toBe(Buffer.byteLength('aé€😀'));
  });

  it('a deep example or default is refused with its path; nothing recursive runs on it', () => {
    expect(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeInstanceOf(Array);
    const issues = issuesAfter((d) => {
      const fields = (d.entities[1] as Design['entities'][number]).fields;
      fields.push({ ...newField('deep', 'meta', 'json'), example: nested(1_000) as never });
      fields.push({
        ...newField('deep2', 'meta2', 'json'),
        default: { kind: 'literal', value: nested(100_000) as never },
      });
    });
    expect(issues).toEqual([
      { path: 'entities[1].fields[4].example', message: 'The value is nested deeper than 32 levels.' },
      {
        path: 'entities[1].fields[5].default.value',
        message: 'The value is nested deeper than 32 levels.',
      },
    ]);
  });
});

describe('document limits', () => {
  it('accepts a design at the entity limit', () => {
    expect(loadDesign(JSON.parse(JSON.stringify(syntheticDesign(LIMITS.entities)))).ok).toBe(true);
  });

  it('refuses more entities than the limit, naming the path', () => {
    const loaded = loadDesign(JSON.parse(JSON.stringify(syntheticDesign(LIMITS.entities + 1))));
    expect(loaded.ok ? [] : loaded.issues).toEqual([{ path: 'entities', message: 'At most 1000 entities.' }]);
  });

  it('refuses names, paths and descriptions past their lengths', () => {
    const issues = issuesAfter((d) => {
      const entity = d.entities[0] as Design['entities'][number];
      entity.name = 'A'.repeat(LIMITS.nameLength + 1);
      (entity.fields[0] as Design['entities'][number]['fields'][number]).name = 'x'.repeat(40_000);
      entity.resource.path = `/${'p'.repeat(LIMITS.pathLength)}`;
      entity.description = 'd'.repeat(LIMITS.descriptionLength + 1);
      d.enums.push({ id: 'e', name: 'Kind', values: ['v'.repeat(LIMITS.enumValueLength + 1)] });
    });
    expect(issues.map((i) => i.path)).toEqual([
      'entities[0].name',
      'entities[0].description',
      'entities[0].fields[0].name',
      'entities[0].resource.path',
      'enums[0].values[0]',
    ]);
  });

  it('refuses too many fields in one entity', () => {
    const issues = issuesAfter((d) => {
      const entity = d.entities[0] as Design['entities'][number];
      for (let i = 0; i < LIMITS.fieldsPerEntity; i++)
        entity.fields.push(newField(`f${i}`, `f${i}`, 'string'));
    });
    expect(issues).toEqual([{ path: 'entities[0].fields', message: 'At most 200 fields per entity.' }]);
  });
});
