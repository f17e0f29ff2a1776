/**
 * mypy --strict and pytest of a generated project with user files, through the real Python toolchain in the sandbox
 * (skipped without one, failed in CI): a clean project passes, a type error and a failing user test are found at
 * their file and line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import { generateProject } from '@/lib/generator';
import { sandboxAvailability, skipNote } from './preview/test-support';
import { checkProject } from './project-checks';

const available = await sandboxAvailability();

function todoFiles(): Record<string, string> {
  const generated = generateProject(templates.todo());
  if (!generated.ok) throw new Error(JSON.stringify(generated.problems));
  return generated.files;
}

describe.skipIf(!available.ok)(`project checks in the sandbox${skipNote(available)}`, () => {
  const runtime = available.ok ? available.runtime : (null as never);

  it('passes a generated project and places a type error and a failing test at their lines', async () => {
    const clean = await checkProject(todoFiles(), runtime);
    expect(clean.tools.map((t) => [t.tool, t.ok, t.findings])).toEqual([
      ['mypy', true, []],
      ['pytest', true, []],
    ]);
    expect(clean.tools[1]?.summary).toMatch(/\d+ passed/);

    const broken = {
      ...todoFiles(),
      'app/handlers/__init__.py': '',
      'app/handlers/broken.py': 'def answer() -> int:\n    return "forty-two"\n',
      'tests/custom/__init__.py': '',
      'tests/custom/test_mine.py': 'def test_sum() -> None:\n    total = 1 + 1\n    assert total == 3\n',
    };
    const checked = await checkProject(broken, runtime);
    expect(checked.ok).toBe(false);
    const [mypy, pytest] = checked.tools;
    expect(mypy?.findings).toContainEqual(
      expect.objectContaining({ tool: 'mypy', file: 'app/handlers/broken.py', line: 2 }),
    );
    expect(pytest?.findings).toContainEqual(
      expect.objectContaining({ tool: 'pytest', file: 'tests/custom/test_mine.py', line: 3 }),
    );
    expect(pytest?.summary).toMatch(/1 failed/);
  }, 600_000);

  it('keeps mypy cache in a kept folder: the second run is faster and finds the same; a cache past its bound goes', async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-checks-kept-'));
    try {
      const files = {
        ...todoFiles(),
        'app/handlers/__init__.py': '',
        'app/handlers/broken.py': 'def answer() -> int:\n    return "forty-two"\n',
      };
      const timed = async (options: Parameters<typeof checkProject>[2]) => {
        const started = performance.now();
        const result = await checkProject(files, runtime, { tools: ['mypy'], workDir, ...options });
        return { result, ms: performance.now() - started };
      };
      const cold = await timed({});
      const warm = await timed({});
      console.info(`mypy --strict on todo: cold ${Math.round(cold.ms)} ms, warm ${Math.round(warm.ms)} ms`);
      expect(warm.result.tools[0]?.findings).toEqual(cold.result.tools[0]?.findings);
      expect(warm.result.tools[0]?.findings).toContainEqual(
        expect.objectContaining({ file: 'app/handlers/broken.py', line: 2 }),
      );
      expect(warm.ms).toBeLessThan(cold.ms * 0.75);
      // The project folder is gone after a run; the cache stays unless it outgrew its bound.
      expect(existsSync(path.join(workDir, 'app'))).toBe(false);
      expect(existsSync(path.join(workDir, 'mypy-cache'))).toBe(true);
      await timed({ cacheBytes: 1024 });
      expect(existsSync(path.join(workDir, 'mypy-cache'))).toBe(false);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 600_000);
});
