import { describe, expect, it } from 'vitest';
import { classifyChanges, countChanges, sameFiles } from './file-changes';

describe('classifyChanges', () => {
  it('marks added, modified and removed files, sorted by path, and skips unchanged ones', () => {
    const previous = { 'b.py': 'same', 'a.py': 'old', 'gone.py': 'x' };
    const next = { 'b.py': 'same', 'a.py': 'new', 'c/new.py': 'y' };
    const changes = classifyChanges(previous, next);
    expect(changes).toEqual({ 'a.py': 'modified', 'c/new.py': 'added', 'gone.py': 'removed' });
    expect(Object.keys(changes)).toEqual(['a.py', 'c/new.py', 'gone.py']);
  });

  it('treats an emptied file as modified, not removed', () => {
    expect(classifyChanges({ 'a.py': 'x' }, { 'a.py': '' })).toEqual({ 'a.py': 'modified' });
    expect(classifyChanges({ 'a.py': '' }, {})).toEqual({ 'a.py': 'removed' });
  });

  it('finds nothing between identical generations', () => {
    expect(classifyChanges({ 'a.py': 'x' }, { 'a.py': 'x' })).toEqual({});
  });
});

describe('sameFiles', () => {
  it('compares paths and contents', () => {
    expect(sameFiles({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameFiles({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameFiles({ a: '1' }, { a: '1', b: '' })).toBe(false);
    expect(sameFiles({ a: '1', b: '' }, { a: '1', c: '' })).toBe(false);
  });
});

describe('countChanges', () => {
  it('counts each kind', () => {
    expect(countChanges({ a: 'added', b: 'modified', c: 'modified' })).toEqual({
      added: 1,
      modified: 2,
      removed: 0,
    });
  });
});
