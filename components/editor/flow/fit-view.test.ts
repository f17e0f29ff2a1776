import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { designToFlow } from './design-to-flow';
import { estimatedFitView, MIN_ZOOM, MINIMAP } from './fit-view';
import { estimatedNodeSize } from './node-size';
import { COMPACT_ZOOM } from './zoom-detail';

const E = 1;
const flowOf = (entities: number) => designToFlow(syntheticDesign(entities), [], new Set()).nodes;

describe('estimatedFitView', () => {
  it('puts every box inside the pane, clear of the controls and the minimap, tight on one side', () => {
    const nodes = flowOf(40);
    const [width, height] = [1200, 800];
    const { x, y, zoom } = estimatedFitView(nodes, width, height);
    const screen = nodes.map((node) => {
      const size = estimatedNodeSize(node);
      return {
        left: x + node.position.x * zoom,
        top: y + node.position.y * zoom,
        right: x + (node.position.x + size.width) * zoom,
        bottom: y + (node.position.y + size.height) * zoom,
      };
    });
    const left = Math.min(...screen.map((s) => s.left));
    const right = Math.max(...screen.map((s) => s.right));
    const top = Math.min(...screen.map((s) => s.top));
    const bottom = Math.max(...screen.map((s) => s.bottom));
    // Within a pixel: React Flow's own fit (the same function) centres with half-pixel offsets.
    const rightPadding = MINIMAP.width + MINIMAP.margin + 24;
    expect(left).toBeGreaterThanOrEqual(64 - E);
    expect(right).toBeLessThanOrEqual(width - rightPadding + E);
    expect(top).toBeGreaterThanOrEqual(24 - E);
    expect(bottom).toBeLessThanOrEqual(height - 24 + E);
    const tightX = Math.abs(right - left - (width - 64 - rightPadding)) < E;
    const tightY = Math.abs(bottom - top - (height - 48)) < E;
    expect(tightX || tightY).toBe(true);
  });

  it('tells a large design it starts far out, and a small one at most at zoom 1', () => {
    expect(estimatedFitView(flowOf(300), 1200, 800).zoom).toBeLessThan(COMPACT_ZOOM);
    expect(estimatedFitView(flowOf(300), 1200, 800).zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    expect(estimatedFitView(flowOf(1), 1200, 800).zoom).toBe(1);
  });

  it('is zoom 1 at the origin when there is nothing to fit or no pane yet', () => {
    expect(estimatedFitView([], 1200, 800)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(estimatedFitView(flowOf(3), 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
