import ELK from 'elkjs/lib/elk.bundled.js';
import { designToFlow } from '@/components/editor/flow/design-to-flow';
import { layoutSampleDesign } from '@/components/editor/flow/layout-samples';
import { layoutGraphOf, connectedComponents } from '@/components/editor/flow/layout-graph';
import { layeredLayout, previousLayout } from '@/components/editor/flow/layout-elk';
import { layoutMetrics } from '@/components/editor/flow/layout-metrics';
const elk = new ELK();
const design = layoutSampleDesign(120);
const flow = designToFlow(design);
const g = layoutGraphOf(design, flow);
const drawn = layoutGraphOf(design, flow, { enumLinks: false });
const pos = await layeredLayout(elk, g);
const old = await previousLayout(elk, drawn);
for (const c of connectedComponents(drawn)) {
  if (c.nodes.length < 3) continue;
  const m = layoutMetrics(c, pos); const o = layoutMetrics(c, old);
  console.log(c.nodes.length, c.edges.length, 'new', m.crossings, m.width, m.height, 'old', o.crossings, o.width, o.height);
}
