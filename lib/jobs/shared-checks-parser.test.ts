/**
 * The job thread's and the helpers' checks start tree-sitter only for a file that needs it, as `checkProject`
 * does (lib/generator/checks/lazy-parser.test.ts): not for the generator's output (known formatted here, or
 * flagged so by the asking thread), yes for a broken file no formatter produced. Fresh modules per test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templates } from '@/lib/design/templates';

const BROKEN = { file: 'app/handlers/broken.py', source: 'def broken(:\n    return 1\n' };

async function fresh() {
  vi.resetModules();
  const { Parser } = await import('web-tree-sitter');
  const init = vi.spyOn(Parser, 'init');
  const { generateProject } = await import('@/lib/generator/generate');
  const shared = await import('./shared-checks');
  const result = generateProject(templates.todo());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { init, shared, files: result.files };
}

afterEach(() => vi.restoreAllMocks());

describe('tree-sitter on the job and helper threads', () => {
  it('is not started for files this thread formatted; it is for a broken file of the user', async () => {
    const { init, shared, files } = await fresh();
    expect(await shared.checkWithHelpers(files, undefined)).toEqual([]);
    expect(init).not.toHaveBeenCalled();
    const found = await shared.checkWithHelpers({ ...files, [BROKEN.file]: BROKEN.source }, undefined);
    expect(init).toHaveBeenCalledTimes(1);
    expect(found.map((d) => d.file)).toContain(BROKEN.file);
    expect(found.map((d) => d.rule)).toContain('parse-missing');
  });

  it('is not started by a helper for files flagged formatted, nor for chunks it formats', async () => {
    const { init, shared, files } = await fresh();
    // A helper's caches know nothing of these texts: only the flags say they are formatter output.
    const { clearContentCaches } = await import('@/lib/generator/content-cache');
    clearContentCaches();
    const python = Object.keys(files)
      .filter((file) => file.endsWith('.py'))
      .map((file) => ({ file, source: files[file] as string, formatted: true }));
    const checked = await shared.checkShare({
      files: shared.packFiles(python),
      claims: new SharedArrayBuffer(4),
    });
    expect(checked.failed).toBeUndefined();
    expect(checked.chunks.flatMap(([, r]) => r.diagnostics.flat())).toEqual([]);
    // Blank lines at the end are formatted away (an empty file stays empty: left out).
    const nonEmpty = python.filter((f) => f.source !== '');
    const unformatted = nonEmpty.map((f) => ({ ...f, source: `${f.source}\n\n`, formatted: false }));
    const formatted = await shared.checkShare({
      files: shared.packFiles(unformatted, true),
      claims: new SharedArrayBuffer(4),
    });
    expect(formatted.chunks.flatMap(([, r]) => r.formatted)).toEqual(nonEmpty.map((f) => f.source));
    expect(init).not.toHaveBeenCalled();
  });

  it('is started by a helper for a chunk with a broken file no formatter produced', async () => {
    const { init, shared } = await fresh();
    const result = await shared.checkShare({
      files: shared.packFiles([{ ...BROKEN, formatted: false }]),
      claims: new SharedArrayBuffer(4),
    });
    expect(init).toHaveBeenCalledTimes(1);
    expect(result.chunks[0]?.[1].diagnostics[0]?.map((d) => d.rule)).toContain('parse-missing');
  });
});
