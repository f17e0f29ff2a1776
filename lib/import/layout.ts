import ELK from 'elkjs/lib/elk.bundled.js';
import type { ELK as Elk } from 'elkjs/lib/elk-api';
import { designToFlow } from '@/components/editor/flow/design-to-flow';
import { layeredLayout } from '@/components/editor/flow/layout-elk';
import { layoutGraphOf, type Positions } from '@/components/editor/flow/layout-graph';
import type { Design } from '@/lib/design';

let elk: Elk | null = null;

/**
 * Where the imported boxes go relative to each other: the canvas's own auto layout (layered per connected
 * component, packed toward a screen's shape; `components/editor/flow/layout-elk.ts`), run in-process with elk's
 * bundled build (on the server: in the worker pool's thread). Positions start at (0, 0).
 */
export async function layoutImport(design: Design): Promise<Positions> {
  elk ??= new ELK();
  return layeredLayout(elk, layoutGraphOf(design, designToFlow(design)));
}
