/**
 * tree-sitter (WASM and grammar, ~270 ms on a cold thread) starts only when a file needs it: a generated
 * project is all formatter output and is checked without it; a file with a syntax error that no formatter
 * produced is still parsed by it. Each test loads the modules afresh, so no parser is left from another.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { templates } from '@/lib/design/templates';

async function fresh() {
  vi.resetModules();
  const { Parser } = await import('web-tree-sitter');
  const init = vi.spyOn(Parser, 'init');
  const parse = vi.spyOn(Parser.prototype, 'parse');
  const { generateProject } = await import('../generate');
  const { checkProject } = await import('.');
  const result = generateProject(templates.todo());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { init, parse, checkProject, files: result.files };
}

beforeEach(() => vi.restoreAllMocks());
afterEach(() => vi.restoreAllMocks());

describe('tree-sitter started on demand', () => {
  it('is not started for a generated project', async () => {
    const { init, parse, checkProject, files } = await fresh();
    expect(await checkProject(files)).toEqual([]);
    expect(init).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses a file with a syntax error that the formatter did not produce', async () => {
    const { init, parse, checkProject, files } = await fresh();
    const broken = 'def broken(:\n    return 1\n';
    const found = await checkProject({ ...files, 'app/handlers/broken.py': broken });
    expect(init).toHaveBeenCalledTimes(1);
    // Only the user's file: the generated ones are still formatter output.
    expect(parse.mock.calls.map((call) => call[0])).toEqual([broken]);
    const rules = found.filter((d) => d.file === 'app/handlers/broken.py').map((d) => d.rule);
    expect(rules).toContain('parse-missing'); // tree-sitter's: `def broken(:` misses its `)`
    expect(rules).toContain('invalid-syntax'); // ruff's
    expect(found.every((d) => d.file === 'app/handlers/broken.py')).toBe(true);
  });
});
