import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import type { Design, Field } from '@/lib/design/schema';
import { checkProject } from '../checks';
import { pythonParser } from '../checks/tree-sitter';
import { generateProject } from '../generate';
import { focusedDesigns } from '../testing/designs';

const NASTY = [
  '"',
  "'",
  '"""',
  "'''",
  '\\',
  '\\"""',
  '\n',
  '\r\n',
  '\x00',
  '\u2028',
  '{n}',
  '$' + '{x}',
  '%s',
  'import os',
  'class',
  'None',
  '#',
  '\t',
  'é',
  '🐍',
  '\ud800',
  ' ',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));
const jsonValue = fc.oneof(
  hostile,
  fc.integer(),
  fc.dictionary(hostile, hostile, { maxKeys: 2 }),
  fc.array(hostile, { maxLength: 2 }),
);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Injection = {
  name: string;
  description: string;
  fieldDescriptions: string[];
  examples: unknown[];
  textDefault: string;
  pattern: string;
  enumValues: string[];
  summary: string;
};

/** The types-and-defaults design with user text replaced everywhere it can go. */
function inject(text: Injection): Design {
  const design = focusedDesigns['types-and-defaults']?.() as Design;
  const entity = design.entities[0];
  if (!entity) throw new Error('design');
  entity.description = text.description;
  entity.fields.forEach((field, i) => {
    field.description = text.fieldDescriptions[i % text.fieldDescriptions.length] ?? '';
    if (field.name !== 'sku') field.example = text.examples[i % text.examples.length] as Field['example'];
  });
  const notes = entity.fields.find((f) => f.name === 'notes');
  if (notes) notes.default = { kind: 'literal', value: text.textDefault };
  const sku = entity.fields.find((f) => f.name === 'sku');
  if (sku) sku.constraints = { maxLength: 200, pattern: `^(${escapeRegex(text.pattern)}|[A-Z0-9-]+)$` };
  // Two fixed values: tests of the enum (sorting by declaration order) need a second one, whatever the text.
  const values = ['in progress', 'done', ...text.enumValues.filter((v) => v.trim() !== '')];
  design.enums[0] = { id: 'enum_kind', name: 'ItemKind', values: [...new Set(values)] };
  design.name = text.name;
  design.customEndpoints = [
    {
      id: 'c1',
      entityId: entity.id,
      method: 'POST',
      path: '/{sku}/recount',
      summary: text.summary,
      access: { kind: 'public' },
    },
  ];
  return design;
}

const BENIGN: Injection = {
  name: 'x',
  description: 'x',
  fieldDescriptions: ['x'],
  examples: ['x'],
  textDefault: 'x',
  pattern: 'x',
  enumValues: ['x'],
  summary: 'x',
};

/** Top-level statement kinds and defined names: the structure user text must never change. */
function outline(parser: Parser, source: string): string[] {
  const tree = parser.parse(source);
  if (!tree) return ['<unparsed>'];
  const out = tree.rootNode.namedChildren.flatMap((node) => {
    if (!node) return [];
    const def = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    const name = def?.childForFieldName('name')?.text;
    return [name ? `${def?.type}:${name}` : node.type];
  });
  tree.delete();
  return out;
}

describe('hostile user text', () => {
  it('never changes the structure of the generated code and keeps it parseable and lint-clean', async () => {
    const parser = await pythonParser();
    const reference = generateProject(inject(BENIGN));
    if (!reference.ok) throw new Error(JSON.stringify(reference.problems));
    const expected = Object.fromEntries(
      Object.entries(reference.files)
        .filter(([path]) => path.endsWith('.py'))
        .map(([path, source]) => [path, outline(parser, source)]),
    );
    const injection = fc.record({
      name: hostile,
      description: hostile,
      fieldDescriptions: fc.array(hostile, { minLength: 1, maxLength: 4 }),
      examples: fc.array(jsonValue, { minLength: 1, maxLength: 3 }),
      textDefault: hostile,
      pattern: hostile,
      enumValues: fc.array(hostile, { maxLength: 4 }),
      summary: hostile,
    });
    await fc.assert(
      fc.asyncProperty(injection, async (text) => {
        const result = generateProject(inject(text));
        if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.problems)}`);
        expect(await checkProject(result.files)).toEqual([]);
        for (const [path, outlined] of Object.entries(expected)) {
          const source = result.files[path];
          expect(source, path).toBeDefined();
          expect(outline(parser, source as string), path).toEqual(outlined);
        }
      }),
      { numRuns: 25, seed: 20240601 },
    );
  }, 120_000);
});
