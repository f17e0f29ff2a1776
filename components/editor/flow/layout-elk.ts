import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { connectedComponents, type LayoutGraph, type Positions, packRects } from './layout-graph';

/** Width / height the packed layout aims at: a laptop screen's shape, so the whole design fits a fit-to-view. */
export const TARGET_ASPECT = 1.6;
const COMPONENT_GAP = 80;
const LAYER_GAP = 90;
const NODE_GAP = 40;

const BASE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  // Relations point from the referencing entity to the referenced one, drawn left to right.
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Each call gets one component: packing is ours.
  'elk.separateConnectedComponents': 'false',
};

async function layoutComponent(elk: ELK, component: LayoutGraph, options: LayoutOptions) {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: options,
    children: component.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: component.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const result = await elk.layout(graph);
  // Without elk's padding: each part starts at (0, 0).
  const children = result.children ?? [];
  const left = Math.min(...children.map((c) => c.x ?? 0));
  const top = Math.min(...children.map((c) => c.y ?? 0));
  const at = new Map<string, { x: number; y: number }>();
  let width = 0;
  let height = 0;
  for (const child of children) {
    const x = (child.x ?? 0) - left;
    const y = (child.y ?? 0) - top;
    at.set(child.id, { x, y });
    width = Math.max(width, x + (child.width ?? 0));
    height = Math.max(height, y + (child.height ?? 0));
  }
  return { at, width, height };
}

type Part = { at: Map<string, { x: number; y: number }>; width: number; height: number };

/**
 * Cuts a layered drawing that came out as a tall column (a hub's dozens of children fill one layer) into
 * `count` horizontal bands and sets them side by side. Cuts run through empty rows only, so inside a band
 * every box and edge stays as elk drew it (its crossing minimisation kept); of the empty rows near each even
 * cut, the one the fewest edges span is taken, as only those edges get longer.
 */
export function wrapBands(component: LayoutGraph, part: Part, count: number): Part {
  const size = new Map(component.nodes.map((n) => [n.id, n]));
  const spans = [...part.at].map(([id, p]) => ({ id, x: p.x, top: p.y, bottom: p.y + size.get(id)!.height }));
  spans.sort((a, b) => a.top - b.top);
  // Empty rows: above box i when no box before it reaches below its top.
  const free: number[] = [];
  let reach = -Infinity;
  for (const [i, span] of spans.entries()) {
    if (i > 0 && span.top >= reach) free.push(span.top);
    reach = Math.max(reach, span.bottom);
  }
  const top = new Map(spans.map((s) => [s.id, s.top]));
  const spanning = (cut: number) =>
    component.edges.filter((e) => top.get(e.source)! < cut !== top.get(e.target)! < cut).length;
  const height = Math.max(...spans.map((s) => s.bottom));
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const even = (height * k) / count;
    const window = height / count / 4;
    const near = free.filter((y) => Math.abs(y - even) <= window && y > (cuts.at(-1) ?? 0));
    const nearest = free
      .filter((y) => y > (cuts.at(-1) ?? 0))
      .sort((a, b) => Math.abs(a - even) - Math.abs(b - even));
    const options = near.length > 0 ? near : nearest.slice(0, 1);
    const best = options
      .map((y) => ({ y, cost: spanning(y) * 1e6 + Math.abs(y - even) }))
      .sort((a, b) => a.cost - b.cost)[0];
    if (best) cuts.push(best.y);
  }
  const bands: (typeof spans)[] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const span of spans) {
    const index = cuts.filter((c) => span.top >= c).length;
    bands[index]!.push(span);
  }
  const at = new Map<string, { x: number; y: number }>();
  let x = 0;
  let bottom = 0;
  for (const members of bands) {
    if (members.length === 0) continue;
    const left = Math.min(...members.map((m) => m.x));
    const bandTop = Math.min(...members.map((m) => m.top));
    let right = 0;
    for (const m of members) {
      at.set(m.id, { x: x + m.x - left, y: m.top - bandTop });
      right = Math.max(right, x + m.x - left + size.get(m.id)!.width);
      bottom = Math.max(bottom, m.bottom - bandTop);
    }
    x = right + COMPONENT_GAP;
  }
  return { at, width: x - COMPONENT_GAP, height: bottom };
}

/**
 * Layered layout per connected component, components packed in rows toward TARGET_ASPECT. A component taller
 * than the whole packing should be (a hub's dozens of children fill one layer: the "one tall column") is
 * cut into bands set side by side (`wrapBands`); the others keep elk's drawing, which has the fewest
 * crossings.
 * Deterministic: same graph, same positions. Positions are top-left corners, the whole starting at (0, 0).
 */
export async function layeredLayout(elk: ELK, graph: LayoutGraph): Promise<Positions> {
  const components = connectedComponents(graph);
  const singles = components.filter((c) => c.nodes.length === 1);
  const groups = components.filter((c) => c.nodes.length > 1);
  // Height of a TARGET_ASPECT box holding every node with its spacing.
  const area = graph.nodes.reduce((s, n) => s + (n.width + LAYER_GAP) * (n.height + NODE_GAP), 0);
  const targetHeight = Math.sqrt(area / TARGET_ASPECT);
  const laidOut: Part[] = [];
  for (const component of groups) {
    const result = await layoutComponent(elk, component, BASE_OPTIONS);
    // k bands of a w x h drawing make about a (k w) x (h / k) one: k = sqrt(aspect h / w) gives the target
    // shape; cuts only fit empty rows, so the neighbours of that k are tried too.
    const bands = Math.round(Math.sqrt((TARGET_ASPECT * result.height) / Math.max(1, result.width)));
    if (bands >= 2 && result.height > targetHeight) {
      const tries = [bands - 1, bands, bands + 1]
        .filter((k) => k >= 2)
        .map((k) => wrapBands(component, result, k));
      const off = (p: Part) => Math.abs(Math.log(p.width / Math.max(1, p.height) / TARGET_ASPECT));
      laidOut.push(tries.reduce((best, p) => (off(p) < off(best) ? p : best)));
    } else laidOut.push(result);
  }
  // Boxes that relate to nothing: one compact grid, packed like a component.
  if (singles.length > 0) {
    const boxes = singles.map((c) => c.nodes[0]!);
    const cells = packRects(boxes, TARGET_ASPECT, NODE_GAP);
    const at = new Map(boxes.map((b, i) => [b.id, cells[i]!]));
    laidOut.push({
      at,
      width: Math.max(...boxes.map((b, i) => cells[i]!.x + b.width)),
      height: Math.max(...boxes.map((b, i) => cells[i]!.y + b.height)),
    });
  }
  const offsets = packRects(laidOut, TARGET_ASPECT, COMPONENT_GAP);
  const positions: Positions = new Map();
  laidOut.forEach((part, i) => {
    const offset = offsets[i]!;
    for (const [id, p] of part.at)
      positions.set(id, { x: Math.round(offset.x + p.x), y: Math.round(offset.y + p.y) });
  });
  return positions;
}
