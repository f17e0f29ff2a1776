import type { Design } from '@/lib/design';
import type { Flow } from './flow-types';
import { estimatedNodeSize } from './node-size';

export type LayoutBox = { id: string; width: number; height: number };
export type LayoutEdge = { source: string; target: string };
/** What a layout needs to know: box sizes and who is related to whom. */
export type LayoutGraph = { nodes: LayoutBox[]; edges: LayoutEdge[] };
export type Positions = Map<string, { x: number; y: number }>;

/**
 * The layout graph of a design: one box per entity and enum (sized from the DOM when measured, else estimated)
 * and one edge per relation plus one from the first entity that uses an enum to it, so an enum sits beside a
 * user instead of in a pile of loose boxes (`enumLinks: false` gives only the drawn edges, for measuring).
 * Self-relations and dangling ends carry no layout information.
 */
export function layoutGraphOf(design: Design, flow: Flow, options = { enumLinks: true }): LayoutGraph {
  const nodes = flow.nodes.map((node) => ({ id: node.id, ...estimatedNodeSize(node) }));
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const edges: LayoutEdge[] = [];
  const add = (source: string, target: string) => {
    const key = `${source}\u0000${target}`;
    if (source === target || !ids.has(source) || !ids.has(target) || seen.has(key)) return;
    seen.add(key);
    edges.push({ source, target });
  };
  for (const relation of design.relations) add(relation.fromEntityId, relation.toEntityId);
  if (!options.enumLinks) return { nodes, edges };
  // Only the first user: an enum shared by two modules must not glue them into one component.
  const placed = new Set<string>();
  for (const entity of design.entities) {
    for (const field of entity.fields) {
      if (field.type !== 'enum' || !field.enumId || placed.has(field.enumId)) continue;
      placed.add(field.enumId);
      add(entity.id, field.enumId);
    }
  }
  return { nodes, edges };
}

/** Connected components (edges taken as undirected), largest first, ties in input order. */
export function connectedComponents(graph: LayoutGraph): LayoutGraph[] {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let at = id;
    while (at !== root) {
      const up = parent.get(at)!;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const edge of graph.edges) {
    if (parent.has(edge.source) && parent.has(edge.target)) parent.set(find(edge.source), find(edge.target));
  }
  const groups = new Map<string, LayoutGraph>();
  for (const node of graph.nodes) {
    const root = find(node.id);
    const group = groups.get(root) ?? { nodes: [], edges: [] };
    groups.set(root, group);
    group.nodes.push(node);
  }
  for (const edge of graph.edges) {
    if (parent.has(edge.source) && parent.has(edge.target)) groups.get(find(edge.source))?.edges.push(edge);
  }
  return [...groups.values()].sort((a, b) => b.nodes.length - a.nodes.length);
}

export type Rect = { width: number; height: number };

/**
 * Packs rectangles in rows (tallest first, left to right) so the whole comes out close to `aspect` (width /
 * height): tries a range of row widths and keeps the one whose bounding box is nearest in ratio, then smallest.
 * Returns the top-left corner of each rectangle in input order.
 */
export function packRects(rects: readonly Rect[], aspect: number, gap: number): { x: number; y: number }[] {
  if (rects.length === 0) return [];
  const order = rects.map((_, i) => i).sort((a, b) => rects[b]!.height - rects[a]!.height || a - b);
  const area = rects.reduce((sum, r) => sum + (r.width + gap) * (r.height + gap), 0);
  const widest = Math.max(...rects.map((r) => r.width));
  const ideal = Math.max(widest, Math.sqrt(area * aspect));
  let best: { at: { x: number; y: number }[]; score: number } | null = null;
  for (const factor of [0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2.1]) {
    const limit = Math.max(widest, ideal * factor);
    const at: { x: number; y: number }[] = new Array(rects.length);
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    let width = 0;
    for (const index of order) {
      const rect = rects[index]!;
      if (x > 0 && x + rect.width > limit) {
        y += rowHeight + gap;
        x = 0;
        rowHeight = 0;
      }
      at[index] = { x, y };
      x += rect.width + gap;
      width = Math.max(width, x - gap);
      rowHeight = Math.max(rowHeight, rect.height);
    }
    const height = y + rowHeight;
    const ratio = width / Math.max(1, height);
    // Log distance treats "twice too wide" like "twice too tall"; area breaks near-ties.
    const score = Math.abs(Math.log(ratio / aspect)) + (0.15 * (width * height)) / area;
    if (!best || score < best.score) best = { at, score };
  }
  return best!.at;
}
