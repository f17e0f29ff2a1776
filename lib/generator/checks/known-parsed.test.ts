/**
 * `checkProject` skips tree-sitter for texts ruff's formatter produced (`isKnownParsed`). These tests hold the
 * shortcut to what the full checks say: for every golden design (with and without user code) the diagnostics
 * equal those of a `checkProject` whose caches know nothing (so tree-sitter parses every file), and texts the
 * generator did not format (the user's files) are still parsed by tree-sitter.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'web-tree-sitter';
import { GOLDEN_DESIGNS } from '../__tests__/helpers';
import { clearContentCaches } from '../content-cache';
import { isKnownParsed } from '../format/ruff';
import { generateProject } from '../generate';
import { userCodeDesigns } from '../testing/user-code-designs';
import type { UserCode } from '../user-code/types';
import { checkProject } from '.';

/** Every text tree-sitter parses from now on. */
function parsedTexts(): string[] {
  const texts: string[] = [];
  const parse = Parser.prototype.parse;
  vi.spyOn(Parser.prototype, 'parse').mockImplementation(function (this: Parser, ...args) {
    if (typeof args[0] === 'string') texts.push(args[0]);
    return parse.apply(this, args);
  });
  return texts;
}

function generated(name: string, userCode?: UserCode) {
  const design = GOLDEN_DESIGNS[name] ?? userCodeDesigns[name]?.design;
  if (!design) throw new Error(name);
  const result = generateProject(design(), userCode ? { userCode } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** The shortcut's diagnostics, what tree-sitter parsed meanwhile, and the full checks' diagnostics. */
async function bothWays(result: ReturnType<typeof generated>) {
  const parsed = parsedTexts();
  const shortcut = await checkProject(result.files);
  const parsedByShortcut = [...parsed];
  clearContentCaches(); // Nothing known formatted or parsed: every file goes through ruff and tree-sitter.
  const full = await checkProject(result.files);
  return { shortcut, full, parsedByShortcut, parsedByFull: parsed.slice(parsedByShortcut.length) };
}

const pythonFiles = (files: Record<string, string>) => Object.keys(files).filter((f) => f.endsWith('.py'));

beforeEach(() => clearContentCaches());
afterEach(() => vi.restoreAllMocks());

describe('tree-sitter skipped for the formatter output', () => {
  it.each(Object.keys(GOLDEN_DESIGNS))('%s: the same diagnostics as the full checks', async (name) => {
    const result = generated(name);
    const python = pythonFiles(result.files);
    for (const file of python) expect(isKnownParsed(result.files[file] as string), file).toBe(true);
    const { shortcut, full, parsedByShortcut, parsedByFull } = await bothWays(result);
    expect(shortcut).toEqual(full);
    expect(parsedByShortcut).toEqual([]);
    expect(parsedByFull.length).toBe(new Set(python.map((f) => result.files[f])).size);
  });

  it.each(Object.keys(userCodeDesigns))('%s: user files still parsed, same diagnostics', async (name) => {
    const userCode = userCodeDesigns[name]?.userCode();
    if (!userCode) throw new Error(name);
    const result = generated(name, userCode);
    const { shortcut, full, parsedByShortcut } = await bothWays(result);
    expect(shortcut).toEqual(full);
    for (const [path, owner] of Object.entries(result.owners)) {
      if (!path.endsWith('.py')) continue;
      const text = result.files[path] as string;
      // A user file that is byte for byte a formatted scaffold is formatter output too.
      if (owner === 'user' && !isKnownParsed(text)) expect(parsedByShortcut, path).toContain(text);
      if (owner === 'generator') expect(parsedByShortcut, path).not.toContain(text);
    }
  });

  it("reports tree-sitter's diagnostic for a user file with a syntax error", async () => {
    const entry = userCodeDesigns['blog-user-code'];
    if (!entry) throw new Error('blog-user-code');
    const userCode = entry.userCode();
    const path = 'app/handlers/get_me.py';
    const file = userCode.files[path];
    if (!file) throw new Error(path);
    file.content = `${file.content}\n\ndef broken(:\n    return 1\n`;
    const result = generated('blog-user-code', userCode);
    expect(result.files[path]).toBe(file.content);
    const { shortcut, full } = await bothWays(result);
    expect(shortcut).toEqual(full);
    const rules = shortcut.filter((d) => d.file === path).map((d) => d.rule);
    expect(rules).toContain('parse-missing'); // tree-sitter's: `def broken(:` misses its `)`
    expect(rules).toContain('invalid-syntax');
  });
});
