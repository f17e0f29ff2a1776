/**
 * No object literal in the generator starts with a spread and goes on (`{ ...a, key: x }`, `{ ...a, ...b }`):
 * on Node 20 such an object costs ~1.5 µs per later property and gets a map of its own, so every read of it is
 * megamorphic (lib/generator/patched.ts). The IR's objects are read thousands of times per generation: one such
 * literal in the IR made a 200-entity render ~25 % slower. Use `patched(a, { key: x })`, or put the spread last
 * when the keys are disjoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // Test fixtures are built once per test run, not per generation.
    if (entry.isDirectory())
      return ['__tests__', '__golden__', 'testing'].includes(entry.name) ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** `file:line` of each object literal that starts with a spread and has anything after it. */
function leadingSpreads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const [first, ...rest] = node.properties;
      if (first && ts.isSpreadAssignment(first) && rest.length > 0)
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('object literals in the generator', () => {
  it('finds a leading spread with anything after it, and nothing else', () => {
    const text = [
      'const a = { ...b, c: 1 };',
      'const d = { c: 1, ...b };',
      'const e = { ...b };',
      'const f = { ...b, ...g };',
      'const h = {\n  ...b,\n  c: 1,\n};',
      'const i = { c: 1, ...b, d: 2 };',
    ].join('\n');
    expect(leadingSpreads('x.ts', text)).toEqual(['x.ts:1', 'x.ts:4', 'x.ts:5']);
  });

  it('never start with a spread that something follows', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      leadingSpreads(path.relative(ROOT, file), fs.readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
