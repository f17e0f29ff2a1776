import ELK from 'elkjs/lib/elk.bundled.js';
import { designToFlow } from '@/components/editor/flow/design-to-flow';
import { layeredLayout } from '@/components/editor/flow/layout-elk';
import { layoutGraphOf } from '@/components/editor/flow/layout-graph';
import { layoutMetrics } from '@/components/editor/flow/layout-metrics';
import { layoutSampleDesign } from '@/components/editor/flow/layout-samples';
import type { Design } from '@/lib/design';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { percentile } from './app-server';
import { previousLayout } from './previous-layout';

const RUNS = 5;

/**
 * Auto layout before (`previous-layout.ts`: one elk call over the whole graph, the options main had) and after (per component,
 * packed, tall drawings wrapped): median time of RUNS runs after a warm-up, in-process with elk's bundled build
 * (the browser runs the same code in a Web Worker), and readability figures of the result, measured on the
 * edges the canvas draws. Designs: `layoutSampleDesign` (modules, hubs, enums, loose entities) and
 * `syntheticDesign` (one binary tree: the "one tall column" of issue 15).
 */
export async function layoutBenchmark() {
  const elk = new ELK();
  const designs: [string, Design][] = [];
  for (const n of [120, 300]) {
    designs.push([`modules-${n}`, layoutSampleDesign(n)]);
    designs.push([`tree-${n}`, syntheticDesign(n)]);
  }
  const results = [];
  for (const [name, design] of designs) {
    const flow = designToFlow(design);
    const drawn = layoutGraphOf(design, flow, { enumLinks: false });
    const graph = layoutGraphOf(design, flow);
    const row: Record<string, unknown> = {
      design: name,
      boxes: flow.nodes.length,
      edges: drawn.edges.length,
    };
    for (const [label, run] of [
      ['before', () => previousLayout(elk, drawn)],
      ['after', () => layeredLayout(elk, graph)],
    ] as const) {
      let positions = await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        positions = await run();
        times.push(performance.now() - started);
      }
      row[label] = { ms: Math.round(percentile(times, 50)), ...layoutMetrics(drawn, positions) };
    }
    results.push(row);
  }
  return results;
}
