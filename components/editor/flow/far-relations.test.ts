import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { distanceToPath, relationPath } from './edge-geometry';
import { hitDistance, NO_LAYER, nextLayer, relationAt } from './far-relations';
import type { RelationFlowEdge } from './flow-types';

const node = (id: string, x: number, y: number): InternalNode =>
  ({
    id,
    position: { x, y },
    data: {},
    measured: { width: 100, height: 60 },
    internals: { positionAbsolute: { x, y }, z: 0, userNode: {} },
  }) as unknown as InternalNode;

const edge = (id: string, source: string, target: string): RelationFlowEdge => ({
  id,
  type: 'relation',
  source,
  target,
  data: { kind: 'many-to-one', cardinality: 'N:1', fieldName: id, backrefName: '' },
});

// A row of boxes 200 apart, each related to the next: 150 relations, so three groups of the layer.
const nodes = Array.from({ length: 151 }, (_, i) => node(`n${i}`, i * 200, 0));
const lookup = () => new Map(nodes.map((n) => [n.id, n]));
const edges = nodes.slice(1).map((n, i) => edge(`r${i}`, `n${i}`, n.id));

describe('relationPath and distanceToPath', () => {
  it('draws between the facing sides and measures the distance to the curve', () => {
    const [path, labelX, labelY] = relationPath(
      { x: 0, y: 0, width: 100, height: 60 },
      { x: 300, y: 0, width: 100, height: 60 },
      false,
    );
    expect(path.startsWith('M100,30 C')).toBe(true);
    expect([labelX, labelY]).toEqual([200, 30]);
    expect(distanceToPath(path, 200, 30)).toBeLessThan(0.5);
    expect(distanceToPath(path, 200, 40)).toBeCloseTo(10, 0);
    expect(distanceToPath('M 0 0 L 10 10', 0, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(distanceToPath(path, 200, 80, 10)).toBe(Number.POSITIVE_INFINITY);
  });

  it('measures a long curve to within a fraction of a flow unit', () => {
    const [path] = relationPath(
      { x: 0, y: 0, width: 264, height: 120 },
      { x: 9000, y: 6000, width: 264, height: 120 },
      false,
    );
    const n = path.match(/-?[\d.]+/g)!.map(Number);
    // Points of the cubic itself, away from the sampled ones: all on the curve.
    for (const t of [0.013, 0.27, 0.5, 0.61, 0.987]) {
      const u = 1 - t;
      const at = (i: number) =>
        u * u * u * n[i]! + 3 * u * u * t * n[i + 2]! + 3 * u * t * t * n[i + 4]! + t * t * t * n[i + 6]!;
      expect(distanceToPath(path, at(0), at(1), 10)).toBeLessThan(0.5);
    }
  });

  it('loops a self-relation on the right side of its box', () => {
    const [path] = relationPath(
      { x: 0, y: 0, width: 100, height: 60 },
      { x: 0, y: 0, width: 100, height: 60 },
      true,
    );
    expect(path.startsWith('M 100 24 C')).toBe(true);
    expect(distanceToPath(path, 142, 44)).toBeLessThan(1);
  });
});

describe('nextLayer', () => {
  it('draws every relation and keeps the layer when no box changed', () => {
    const first = nextLayer(NO_LAYER, edges, lookup());
    expect(first.groups.map((g) => g.relations.length)).toEqual([64, 64, 22]);
    expect(first.groups.flatMap((g) => g.relations).every((r) => r.path !== null)).toBe(true);
    expect(nextLayer(first, edges, lookup())).toBe(first);
  });

  it('redraws only the relations of a moved box, in their groups', () => {
    const first = nextLayer(NO_LAYER, edges, lookup());
    const moved = lookup();
    moved.set('n70', node('n70', 70 * 200, 500));
    const next = nextLayer(first, edges, moved);
    expect(next).not.toBe(first);
    expect(next.groups[0]).toBe(first.groups[0]);
    expect(next.groups[2]).toBe(first.groups[2]);
    const changed = next.groups[1]!.relations.filter((r, i) => r !== first.groups[1]!.relations[i]);
    expect(changed.map((r) => r.edge.id)).toEqual(['r69', 'r70']);
  });

  it('follows a new relation list and leaves out relations whose box is not there yet', () => {
    const first = nextLayer(NO_LAYER, edges, lookup());
    const fewer = nextLayer(first, [...edges.slice(0, 10), edge('x', 'n0', 'missing')], lookup());
    expect(fewer.groups).toHaveLength(1);
    expect(fewer.groups[0]!.relations.slice(0, 10)).toEqual(first.groups[0]!.relations.slice(0, 10));
    expect(fewer.groups[0]!.relations[10]!.path).toBeNull();
  });
});

describe('relationAt', () => {
  it('finds the relation within reach of a click, and none in open space', () => {
    expect(relationAt(edges, lookup(), 150, 30, 10)).toBe('r0');
    expect(relationAt(edges, lookup(), 150 + 200 * 7, 38, 10)).toBe('r7');
    expect(relationAt(edges, lookup(), 150, 50, 10)).toBeNull();
    expect(relationAt(edges, lookup(), 150, 50, hitDistance(0.05))).toBe('r0');
    expect(hitDistance(0.5)).toBe(10);
  });
});
