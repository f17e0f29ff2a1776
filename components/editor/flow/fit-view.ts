import { type FitViewOptions, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { FlowNode } from './flow-types';
import { estimatedNodeSize } from './node-size';

/** The minimap's box (bottom right, React Flow's panel margin), drawn at this size so the padding below fits it. */
export const MINIMAP = { width: 200, height: 150, margin: 15 };

/**
 * Fit view keeps boxes clear of the overlays: the minimap's column on the right, the zoom controls on the
 * left. Pixels, not a fraction, because the overlays do not scale with the canvas.
 */
export const FIT_VIEW_OPTIONS = {
  maxZoom: 1,
  padding: {
    top: '24px',
    bottom: '24px',
    left: '64px',
    right: `${MINIMAP.width + MINIMAP.margin + 24}px`,
  },
} satisfies FitViewOptions;

/** The canvas's smallest zoom (a 1,000-box design still fits). */
export const MIN_ZOOM = 0.05;

/**
 * Where fit view will put the boxes, from their estimated sizes, before the browser has measured them: the
 * canvas draws its first frame at that zoom's level of detail (stripes far out), so the boxes are not first laid
 * out in full only to be redrawn as stripes once fit view has run.
 */
export function estimatedFitView(nodes: readonly FlowNode[], width: number, height: number): Viewport {
  if (nodes.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const size = estimatedNodeSize(node);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + size.width);
    bottom = Math.max(bottom, node.position.y + size.height);
  }
  const bounds = { x: left, y: top, width: right - left, height: bottom - top };
  return getViewportForBounds(
    bounds,
    width,
    height,
    MIN_ZOOM,
    FIT_VIEW_OPTIONS.maxZoom,
    FIT_VIEW_OPTIONS.padding,
  );
}
