import type { Operation } from '@/lib/design';
import type { Flow } from './flow-types';
import { estimatedNodeSize } from './node-size';

/** Layered left-to-right layout with elkjs (loaded on demand); returns one moveNode per node. */
export async function autoLayoutOperations(flow: Flow): Promise<Operation[]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(flow.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.componentComponent': '60',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: flow.nodes.map((node) => ({ id: node.id, ...estimatedNodeSize(node) })),
    edges: flow.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return (graph.children ?? []).map((child) => ({
    op: 'moveNode' as const,
    id: child.id,
    x: Math.round(child.x ?? 0),
    y: Math.round(child.y ?? 0),
  }));
}
