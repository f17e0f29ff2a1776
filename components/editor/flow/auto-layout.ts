import type { ELK } from 'elkjs/lib/elk-api';
import type { Design, Operation } from '@/lib/design';
import type { Flow } from './flow-types';
import { layeredLayout } from './layout-elk';
import { type LayoutGraph, layoutGraphOf, type Positions } from './layout-graph';

/**
 * Positions for `selected` only, laid out among themselves (the edges between them) and placed where the
 * selection's top-left corner was, so the rest of the canvas stays as it is.
 */
export async function selectionLayout(
  elk: ELK,
  graph: LayoutGraph,
  selected: ReadonlySet<string>,
  current: Positions,
): Promise<Positions> {
  const nodes = graph.nodes.filter((n) => selected.has(n.id));
  if (nodes.length === 0) return new Map();
  const edges = graph.edges.filter((e) => selected.has(e.source) && selected.has(e.target));
  const laidOut = await layeredLayout(elk, { nodes, edges });
  const left = Math.min(...nodes.map((n) => current.get(n.id)?.x ?? 0));
  const top = Math.min(...nodes.map((n) => current.get(n.id)?.y ?? 0));
  return new Map([...laidOut].map(([id, p]) => [id, { x: p.x + left, y: p.y + top }]));
}

function moves(positions: Positions): Operation[] {
  return [...positions].map(([id, p]) => ({ op: 'moveNode' as const, id, x: p.x, y: p.y }));
}

// The browser runs elk in a Web Worker: laying out 300 boxes takes a few hundred ms, too long for the main
// thread. Node (tests, benchmarks) uses the bundled build, which runs in-process.
let browserElk: Promise<ELK> | null = null;
function loadElk(): Promise<ELK> {
  browserElk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK())
      : import('elkjs/lib/elk-api.js').then(
          ({ default: ELK }) =>
            new ELK({
              workerFactory: () =>
                new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' }),
            }),
        );
  return browserElk;
}

/** One moveNode per box: the whole design laid out (see `layeredLayout`). */
export async function autoLayoutOperations(design: Design, flow: Flow): Promise<Operation[]> {
  return moves(await layeredLayout(await loadElk(), layoutGraphOf(design, flow)));
}

/** One moveNode per selected box: only those are laid out, the rest keep their places. */
export async function layoutSelectionOperations(
  design: Design,
  flow: Flow,
  selected: ReadonlySet<string>,
): Promise<Operation[]> {
  const current: Positions = new Map(flow.nodes.map((n) => [n.id, n.position]));
  return moves(await selectionLayout(await loadElk(), layoutGraphOf(design, flow), selected, current));
}
