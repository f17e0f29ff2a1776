import { type FitViewOptions, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { FlowNode } from './flow-types';
import { boundsOf } from './minimap-geometry';
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
  const bounds = boundsOf(nodes.map((node) => ({ ...node.position, ...estimatedNodeSize(node) })));
  if (bounds === null || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(
    bounds,
    width,
    height,
    MIN_ZOOM,
    FIT_VIEW_OPTIONS.maxZoom,
    FIT_VIEW_OPTIONS.padding,
  );
}
