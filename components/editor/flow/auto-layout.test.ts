import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { previousLayout } from '@/bench/previous-layout';
import { applyOperations, type Design, templates, validateDesign } from '@/lib/design';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { autoLayoutOperations, layoutSelectionOperations, selectionLayout } from './auto-layout';
import { designToFlow } from './design-to-flow';
import { layeredLayout, wrapBands } from './layout-elk';
import {
  connectedComponents,
  type LayoutGraph,
  layoutGraphOf,
  type Positions,
  packRects,
} from './layout-graph';
import { layoutMetrics } from './layout-metrics';
import { layoutSampleDesign } from './layout-samples';

const elk = new ELK();
const graphOf = (design: Design) => layoutGraphOf(design, designToFlow(design));
const drawnOf = (design: Design) => layoutGraphOf(design, designToFlow(design), { enumLinks: false });

/** Bounding box of each component's boxes. */
function componentBoxes(graph: LayoutGraph, positions: Positions) {
  return connectedComponents(graph).map((c) => {
    const xs = c.nodes.map((n) => positions.get(n.id)!.x);
    const ys = c.nodes.map((n) => positions.get(n.id)!.y);
    return {
      size: c.nodes.length,
      left: Math.min(...xs),
      top: Math.min(...ys),
      right: Math.max(...c.nodes.map((n) => positions.get(n.id)!.x + n.width)),
      bottom: Math.max(...c.nodes.map((n) => positions.get(n.id)!.y + n.height)),
    };
  });
}

describe('layeredLayout', () => {
  it('lays 120 entities out screen-shaped, without overlaps, components side by side', async () => {
    const design = layoutSampleDesign(120);
    expect(validateDesign(design)).toEqual([]);
    const graph = graphOf(design);
    const positions = await layeredLayout(elk, graph);
    expect(positions.size).toBe(graph.nodes.length);
    const metrics = layoutMetrics(drawnOf(design), positions);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.aspect).toBeGreaterThan(1.1);
    expect(metrics.aspect).toBeLessThan(2.4);
    const boxes = componentBoxes(graph, positions);
    expect(boxes.length).toBeGreaterThan(5);
    // Components do not overlap and share rows: several start at the same top, at different lefts.
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
    }
    expect(new Set(boxes.map((b) => b.left)).size).toBeGreaterThanOrEqual(3);
    const firstRow = boxes.filter((b) => b.top === 0);
    expect(firstRow.length).toBeGreaterThanOrEqual(2);
  });

  it('is readable where the previous layout was one tall column', async () => {
    // A binary tree of 120: its 64 leaves share one layer, which elk stacks into a column 22,000 px tall.
    const design = syntheticDesign(120);
    const graph = graphOf(design);
    const before = layoutMetrics(graph, await previousLayout(elk, graph));
    const after = layoutMetrics(graph, await layeredLayout(elk, graph));
    expect(before.aspect).toBeLessThan(0.2);
    expect(after.aspect).toBeGreaterThan(1);
    expect(after.aspect).toBeLessThan(2.5);
    expect(after.overlaps).toBe(0);
    expect(after.width * after.height).toBeLessThan(before.width * before.height);
    expect(after.totalEdgeLength).toBeLessThan(before.totalEdgeLength);
  });

  it('draws relations left to right: most edges run from the referencing box to a box to its right', async () => {
    const design = layoutSampleDesign(120, 7);
    const graph = drawnOf(design);
    const positions = await layeredLayout(elk, graphOf(design));
    const rightward = graph.edges.filter((e) => positions.get(e.source)!.x < positions.get(e.target)!.x);
    expect(rightward.length / graph.edges.length).toBeGreaterThan(0.85);
  });

  it('is deterministic and places an enum beside the entity using it', async () => {
    const design = templates.blog();
    const a = await layeredLayout(elk, graphOf(design));
    const b = await layeredLayout(elk, graphOf(design));
    expect([...a]).toEqual([...b]);
    const graph = graphOf(design);
    const enumEdge = graph.edges.find((e) => design.enums.some((en) => en.id === e.target));
    expect(enumEdge).toBeDefined();
    if (enumEdge) {
      const user = a.get(enumEdge.source)!;
      const enumAt = a.get(enumEdge.target)!;
      expect(Math.abs(user.x - enumAt.x)).toBeLessThan(800);
    }
    expect(layoutMetrics(graph, a).overlaps).toBe(0);
  });

  it('lays out 300 entities without overlaps, close to the target shape', async () => {
    const design = layoutSampleDesign(300);
    const positions = await layeredLayout(elk, graphOf(design));
    const metrics = layoutMetrics(drawnOf(design), positions);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.aspect).toBeGreaterThan(1.1);
    expect(metrics.aspect).toBeLessThan(2.4);
  });
});

describe('wrapBands', () => {
  it('cuts a tall drawing through empty rows into bands side by side', () => {
    const nodes = Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, width: 100, height: 100 }));
    const at = new Map(nodes.map((n, i) => [n.id, { x: 0, y: i * 150 }]));
    const graph = { nodes, edges: [{ source: 'n2', target: 'n3' }] };
    const wrapped = wrapBands(graph, { at, width: 100, height: 850 }, 2);
    expect(wrapped.height).toBe(400);
    expect(wrapped.width).toBeGreaterThan(200);
    // The boxes keep their order within a band.
    expect(wrapped.at.get('n0')).toEqual({ x: 0, y: 0 });
    expect(wrapped.at.get('n1')!.y).toBe(150);
    expect(wrapped.at.get('n3')!.x).toBeGreaterThan(100);
    expect(layoutMetrics(graph, wrapped.at).overlaps).toBe(0);
  });

  it('prefers the empty row fewer edges span', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, width: 100, height: 50 }));
    const at = new Map(nodes.map((n, i) => [n.id, { x: 0, y: i * 60 }]));
    // The even cut (y 235) is nearest the row above n4 (240), which both edges span; above n3 (180) none does.
    const edges = [
      { source: 'n3', target: 'n4' },
      { source: 'n3', target: 'n5' },
    ];
    const wrapped = wrapBands({ nodes, edges }, { at, width: 100, height: 470 }, 2);
    expect(wrapped.at.get('n2')!.x).toBe(0);
    expect(wrapped.at.get('n3')).toEqual({ x: 180, y: 0 });
  });
});

describe('packRects', () => {
  it('packs toward the aspect ratio without overlaps', () => {
    const rects = Array.from({ length: 30 }, (_, i) => ({
      width: 100 + (i % 4) * 50,
      height: 80 + (i % 5) * 40,
    }));
    const at = packRects(rects, 1.6, 20);
    const graph = { nodes: rects.map((r, i) => ({ id: String(i), ...r })), edges: [] };
    const metrics = layoutMetrics(graph, new Map(at.map((p, i) => [String(i), p])));
    expect(metrics.overlaps).toBe(0);
    expect(metrics.aspect).toBeGreaterThan(1.1);
    expect(metrics.aspect).toBeLessThan(2.3);
  });
});

describe('layoutGraphOf', () => {
  it('links an enum to its first user only, so a shared enum does not merge modules', () => {
    const design = applyOperations(layoutSampleDesign(0), [
      { op: 'addEnum', id: 'st', name: 'State', values: ['a', 'b'], position: { x: 0, y: 0 } },
      { op: 'addEntity', id: 'a', name: 'A', position: { x: 0, y: 0 } },
      { op: 'addEntity', id: 'b', name: 'B', position: { x: 0, y: 0 } },
      { op: 'addField', entityId: 'a', field: { id: 'a_s', name: 's', type: 'enum', enumId: 'st' } },
      { op: 'addField', entityId: 'b', field: { id: 'b_s', name: 's', type: 'enum', enumId: 'st' } },
    ]);
    expect(graphOf(design).edges).toEqual([{ source: 'a', target: 'st' }]);
    expect(drawnOf(design).edges).toEqual([]);
  });
});

describe('layout metrics', () => {
  it('counts a crossing, overlaps and the edge length', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 10, height: 10 }));
    const positions: Positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 100, y: 100 }],
      ['c', { x: 0, y: 100 }],
      ['d', { x: 100, y: 0 }],
    ]);
    const metrics = layoutMetrics(
      {
        nodes,
        edges: [
          { source: 'a', target: 'b' },
          { source: 'c', target: 'd' },
        ],
      },
      positions,
    );
    expect(metrics.crossings).toBe(1);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.totalEdgeLength).toBe(Math.round(2 * Math.hypot(90, 100)));
    positions.set('b', { x: 5, y: 5 });
    expect(layoutMetrics({ nodes, edges: [] }, positions).overlaps).toBe(1);
  });
});

describe('layout operations', () => {
  it('auto layout moves every box; layout selection moves only the selected ones', async () => {
    const design = layoutSampleDesign(40, 3);
    const flow = designToFlow(design);
    const all = await autoLayoutOperations(design, flow);
    expect(all).toHaveLength(flow.nodes.length);
    const laidOut = applyOperations(design, all);

    const selected = new Set(['ent0', 'ent1', 'ent2', 'ent3']);
    const ops = await layoutSelectionOperations(laidOut, designToFlow(laidOut), selected);
    expect(new Set(ops.map((o) => (o.op === 'moveNode' ? o.id : '')))).toEqual(selected);
    const after = applyOperations(laidOut, ops);
    for (const id of Object.keys(laidOut.layout.nodes)) {
      if (!selected.has(id)) expect(after.layout.nodes[id]).toEqual(laidOut.layout.nodes[id]);
    }
  });

  it('keeps the selection where its top-left corner was', async () => {
    const graph = {
      nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 100, height: 60 })),
      edges: [{ source: 'a', target: 'b' }],
    };
    const current: Positions = new Map([
      ['a', { x: 500, y: 900 }],
      ['b', { x: 520, y: 300 }],
      ['c', { x: 0, y: 0 }],
    ]);
    const moved = await selectionLayout(elk, graph, new Set(['a', 'b']), current);
    expect([...moved.keys()].sort()).toEqual(['a', 'b']);
    expect(Math.min(...[...moved.values()].map((p) => p.x))).toBe(500);
    expect(Math.min(...[...moved.values()].map((p) => p.y))).toBe(300);
    expect(moved.get('a')!.x).toBeLessThan(moved.get('b')!.x);
  });
});
