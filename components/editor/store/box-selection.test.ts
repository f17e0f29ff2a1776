import { describe, expect, it } from 'vitest';
import { selectionAfterChanges } from './box-selection';

describe('selectionAfterChanges', () => {
  it('selects one box, or several in the order they were added', () => {
    expect(selectionAfterChanges([], [{ id: 'a', selected: true }])).toEqual({ kind: 'element', id: 'a' });
    expect(
      selectionAfterChanges(
        ['a'],
        [
          { id: 'b', selected: true },
          { id: 'c', selected: true },
        ],
      ),
    ).toEqual({ kind: 'nodes', ids: ['a', 'b', 'c'] });
  });

  it('drops deselected boxes and clears when the last one goes', () => {
    expect(selectionAfterChanges(['a', 'b'], [{ id: 'a', selected: false }])).toEqual({
      kind: 'element',
      id: 'b',
    });
    expect(selectionAfterChanges(['a'], [{ id: 'a', selected: false }])).toBeNull();
  });

  it('leaves a selection that was not of boxes alone', () => {
    expect(selectionAfterChanges([], [{ id: 'a', selected: false }])).toBeUndefined();
    expect(selectionAfterChanges(['a'], [])).toBeUndefined();
  });
});
