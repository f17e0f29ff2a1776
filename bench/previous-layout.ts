import type { ELK } from 'elkjs/lib/elk-api';
import type { LayoutGraph, Positions } from '@/components/editor/flow/layout-graph';

/**
 * The auto layout before issue 15 (one elk call over the whole graph, main's options), kept for comparison only:
 * `npm run bench layout` and the layout test that shows the tall column it drew.
 */
export async function previousLayout(elk: ELK, graph: LayoutGraph): Promise<Positions> {
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.componentComponent': '60',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  return new Map(
    (result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]),
  );
}
