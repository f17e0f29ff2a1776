import { afterEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'web-tree-sitter';
import { pythonParser, treeSitterDiagnostics } from './tree-sitter';

afterEach(() => vi.restoreAllMocks());

describe('the tree-sitter WASM instance', () => {
  it('is rebuilt after a parse throws, so one bad input never poisons later calls', async () => {
    const poisoned = await pythonParser();
    const parse = Parser.prototype.parse;
    vi.spyOn(Parser.prototype, 'parse').mockImplementation(function (this: Parser, ...args) {
      if (this === poisoned) throw new WebAssembly.RuntimeError('memory access out of bounds');
      return parse.apply(this, args);
    });
    expect(() => treeSitterDiagnostics(poisoned, 'a.py', 'x = 1  # forced throw\n')).toThrow('out of bounds');
    const fresh = await pythonParser();
    expect(fresh).not.toBe(poisoned);
    expect(treeSitterDiagnostics(fresh, 'b.py', 'def f(:\n')[0]).toMatchObject({ file: 'b.py', line: 1 });
    expect(treeSitterDiagnostics(fresh, 'c.py', 'y = 2\n')).toEqual([]);
  });
});
