import { facingAnchors } from './edge-geometry';
import type { LayoutGraph, Positions } from './layout-graph';

export type LayoutMetrics = {
  /** Bounding box of all boxes. */
  width: number;
  height: number;
  /** width / height: a screen is about 1.6; one tall column is far below 1. */
  aspect: number;
  /** Sum of the straight distances between the anchors the canvas draws each edge from and to. */
  totalEdgeLength: number;
  /** Pairs of edges (as straight anchor-to-anchor segments) that cross, not counting shared ends. */
  crossings: number;
  /** Pairs of boxes that overlap. */
  overlaps: number;
};

type Segment = { ax: number; ay: number; bx: number; by: number; source: string; target: string };

function orientation(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  const v = (qy - py) * (rx - qx) - (qx - px) * (ry - qy);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function cross(s: Segment, t: Segment): boolean {
  if (s.source === t.source || s.source === t.target || s.target === t.source || s.target === t.target) {
    return false;
  }
  const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0;
}

/** Readability figures of a layout (used by the layout tests and `npm run bench layout`). */
export function layoutMetrics(graph: LayoutGraph, positions: Positions): LayoutMetrics {
  const boxes = new Map(
    graph.nodes.map((n) => {
      const at = positions.get(n.id) ?? { x: 0, y: 0 };
      return [n.id, { x: at.x, y: at.y, width: n.width, height: n.height }];
    }),
  );
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  const width = boxes.size ? maxX - minX : 0;
  const height = boxes.size ? maxY - minY : 0;

  const segments: Segment[] = [];
  let totalEdgeLength = 0;
  for (const edge of graph.edges) {
    const s = boxes.get(edge.source);
    const t = boxes.get(edge.target);
    if (!s || !t || edge.source === edge.target) continue;
    const [a, b] = facingAnchors(s, t);
    totalEdgeLength += Math.hypot(b.x - a.x, b.y - a.y);
    segments.push({ ax: a.x, ay: a.y, bx: b.x, by: b.y, source: edge.source, target: edge.target });
  }
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) if (cross(segments[i]!, segments[j]!)) crossings++;
  }

  // Sweep along x: only boxes whose x-ranges meet are compared.
  const sorted = [...boxes.values()].sort((p, q) => p.x - q.x);
  let overlaps = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < p.x + p.width; j++) {
      const q = sorted[j]!;
      if (q.y < p.y + p.height && p.y < q.y + q.height) overlaps++;
    }
  }
  return {
    width: Math.round(width),
    height: Math.round(height),
    aspect: height > 0 ? Math.round((width / height) * 100) / 100 : 0,
    totalEdgeLength: Math.round(totalEdgeLength),
    crossings,
    overlaps,
  };
}
