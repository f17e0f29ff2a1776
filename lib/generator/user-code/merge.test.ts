import { describe, expect, it } from 'vitest';
import { conflictMarkerLines, mergeThreeWay } from './merge';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('mergeThreeWay', () => {
  const base = lines('import a', '', 'def f(x: int) -> int:', '    raise NotImplementedError', '');

  it('an unchanged user file becomes the new scaffold', () => {
    const theirs = lines(
      'import a',
      '',
      'def f(x: int, y: int) -> int:',
      '    raise NotImplementedError',
      '',
    );
    expect(mergeThreeWay(base, base, theirs)).toEqual({ content: theirs, conflicts: [] });
  });

  it('keeps the user file when the scaffold did not change', () => {
    const ours = lines('import a', '', 'def f(x: int) -> int:', '    return x', '');
    expect(mergeThreeWay(base, ours, base)).toEqual({ content: ours, conflicts: [] });
  });

  it('merges changes to different lines silently', () => {
    const ours = lines('import a', '', 'def f(x: int) -> int:', '    return x * 2', '');
    const theirs = lines(
      'import a',
      'import b',
      '',
      'def f(x: int) -> int:',
      '    raise NotImplementedError',
      '',
    );
    expect(mergeThreeWay(base, ours, theirs)).toEqual({
      content: lines('import a', 'import b', '', 'def f(x: int) -> int:', '    return x * 2', ''),
      conflicts: [],
    });
  });

  it('takes the same change on both sides once', () => {
    const o = lines('def f(x: int) -> int:', '    """Doc."""', '    raise NotImplementedError');
    const theirs = lines('def f(x: int, y: int) -> int:', '    """Doc."""', '    raise NotImplementedError');
    const ours = lines('def f(x: int, y: int) -> int:', '    """Doc."""', '    return x + y');
    expect(mergeThreeWay(o, ours, theirs)).toEqual({ content: ours, conflicts: [] });
  });

  it('keeps both sides of a conflict between markers, with the line of each', () => {
    const ours = lines('import a', '', 'def f(x: int) -> str:', '    return str(x)', '');
    const theirs = lines(
      'import a',
      '',
      'def f(x: int, y: int) -> int:',
      '    raise NotImplementedError',
      '',
    );
    const merged = mergeThreeWay(base, ours, theirs);
    expect(merged.content).toBe(
      lines(
        'import a',
        '',
        '<<<<<<< yours',
        'def f(x: int) -> str:',
        '    return str(x)',
        '=======',
        'def f(x: int, y: int) -> int:',
        '    raise NotImplementedError',
        '>>>>>>> generated',
        '',
      ),
    );
    expect(merged.conflicts).toEqual([3]);
    expect(conflictMarkerLines(merged.content)).toEqual([3]);
  });

  it('numbers several conflicts by their place in the merged file', () => {
    const o = lines('a', 'b', 'c', 'd', 'e');
    const merged = mergeThreeWay(o, lines('A', 'b', 'c', 'd', 'E'), lines('1', 'b', 'c', 'd', '5'));
    expect(merged.conflicts).toEqual([1, 9]);
    expect(merged.content.split('\n')[8]).toBe('<<<<<<< yours');
  });

  it('treats lines named like Object.prototype members as plain text', () => {
    const o = lines('constructor', '__proto__', 'toString');
    const merged = mergeThreeWay(
      o,
      lines('constructor', 'hasOwnProperty', '__proto__', 'toString'),
      lines('valueOf', 'constructor', '__proto__', 'toString'),
    );
    expect(merged).toEqual({
      content: lines('valueOf', 'constructor', 'hasOwnProperty', '__proto__', 'toString'),
      conflicts: [],
    });
  });

  it('bounds the worst case: a 300-line base of equal lines against 10,000 user lines', () => {
    const blank = (n: number) => Array(n).fill('').join('\n');
    const started = performance.now();
    const merged = mergeThreeWay(blank(300), `${blank(10_000)}\nx`, `${blank(300)}\ny`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(merged.content.endsWith('y') || merged.conflicts.length > 0).toBe(true);
  });
});
