import type { FitViewOptions } from '@xyflow/react';

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
