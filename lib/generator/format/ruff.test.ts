import { Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GOLDEN_DESIGNS } from '../__tests__/helpers';
import { generateProject } from '../generate';
import { formatSource, isFormatted, isKnownFormatted, withRuff } from './ruff';

afterEach(() => vi.restoreAllMocks());

describe('the ruff WASM instance', () => {
  it('is rebuilt after it throws, so one bad input never poisons later calls', () => {
    const poisoned = withRuff((ws) => ws);
    const format = Workspace.prototype.format;
    // A corrupted instance fails on every call (as after a WASM panic); healthy instances format.
    vi.spyOn(Workspace.prototype, 'format').mockImplementation(function (this: Workspace, source: string) {
      if (this === poisoned) throw new WebAssembly.RuntimeError('unreachable');
      return format.call(this, source);
    });
    expect(() => formatSource('x = 1  # forced throw\n')).toThrow('unreachable');
    expect(formatSource('x  =  1\n')).toBe('x = 1\n');
    expect(withRuff((ws) => ws)).not.toBe(poisoned);
  });

  it('formats again after input nested too deep for it', () => {
    const deep = `x = ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
    expect(() => formatSource(deep)).toThrow();
    expect(formatSource('y  =  [1,2]\n')).toBe('y = [1, 2]\n');
    expect(withRuff((ws) => ws.check('import os\n')).length).toBe(1);
  });
});

describe('formatted output', () => {
  it('is its own formatting (checkProject trusts it without formatting it again)', () => {
    // Every golden design, formatted once by generateProject, then again by a bare ruff call (no cache).
    for (const design of Object.values(GOLDEN_DESIGNS)) {
      const result = generateProject(design());
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      for (const [path, source] of Object.entries(result.files)) {
        if (!path.endsWith('.py')) continue;
        expect(isKnownFormatted(source), path).toBe(true);
        expect(
          withRuff((ws) => ws.format(source)),
          path,
        ).toBe(source);
      }
    }
  });

  it('is told from text that is not, which is formatted to check it', () => {
    expect(isFormatted('x  =  1\n')).toBe(false);
    expect(isKnownFormatted('x = 1\n')).toBe(true); // the output of the format just done
    expect(isFormatted('x = 1\n')).toBe(true);
    expect(isFormatted('def f(:\n')).toBe(null);
  });
});
