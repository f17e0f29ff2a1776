import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import { designToFlow } from './design-to-flow';
import { activePicks, applyPicks, pickToShow, withPicks } from './picked';

const flow = designToFlow(templates.blog());
const [a, b, c] = flow.nodes.map((n) => n.id);

describe('picked boxes', () => {
  it('follows the select changes React Flow reports', () => {
    let picked = applyPicks(new Set(), [{ type: 'select', id: a!, selected: true }]);
    picked = applyPicks(picked, [{ type: 'select', id: b!, selected: true }]);
    expect([...picked]).toEqual([a, b]);
    const same = applyPicks(picked, [{ type: 'select', id: a!, selected: true }]);
    expect(same).toBe(picked);
    picked = applyPicks(picked, [
      { type: 'select', id: a!, selected: false },
      { type: 'select', id: c!, selected: true },
    ]);
    expect([...picked]).toEqual([b, c]);
  });

  it('counts only while the selected element is one of them, and only boxes that exist', () => {
    const picked = new Set([a!, b!, 'gone']);
    expect([...activePicks(flow, picked, { kind: 'element', id: b! })]).toEqual([a, b]);
    expect(activePicks(flow, picked, { kind: 'element', id: c! }).size).toBe(0);
    expect(activePicks(flow, picked, null).size).toBe(0);
    expect(activePicks(flow, picked, { kind: 'auth' }).size).toBe(0);
  });

  it('marks two or more picked boxes selected', () => {
    const marked = withPicks(flow.nodes, new Set([a!, c!]));
    expect(marked.filter((n) => n.selected).map((n) => n.id)).toEqual([a, c]);
    expect(withPicks(flow.nodes, new Set([a!]))).toBe(flow.nodes);
  });

  it('moves the inspector to a remaining pick when the shown one is clicked off', () => {
    const picks = new Set([a!, b!]);
    expect(pickToShow([{ type: 'select', id: c!, selected: false }], picks)).toBe(b);
    expect(pickToShow([{ type: 'select', id: c!, selected: true }], picks)).toBeNull();
    expect(pickToShow([{ type: 'select', id: a!, selected: false }], new Set())).toBeNull();
    expect(pickToShow([{ type: 'dimensions', id: a! }], picks)).toBeNull();
  });
});
