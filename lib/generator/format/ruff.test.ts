import { Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSource, withRuff } from './ruff';

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
