import type { ReactFlowState } from '@xyflow/react';
import { createContext, useContext } from 'react';

/**
 * Below this zoom rows and relation labels are a few pixels high and unreadable: boxes keep their size and header
 * but draw their rows as stripes, relations lose their labels and boxes their connect handles. Far fewer elements
 * for the browser to lay out, paint and hit-test, so a 1,000-box overview still pans and drags smoothly.
 */
export const COMPACT_ZOOM = 0.3;

/**
 * A boolean selector: the canvas re-renders only when the zoom crosses the threshold, not on every zoom step.
 * Null until React Flow has set up its viewport (the canvas then goes by the zoom fit view is expected to give).
 */
export const selectFar = (s: ReactFlowState): boolean | null =>
  s.panZoom ? s.transform[2] < COMPACT_ZOOM : null;

/**
 * Whether the canvas is zoomed out below COMPACT_ZOOM, handed to every box and relation by the canvas: one store
 * subscription for the whole canvas instead of one per box (each one runs on every pan and drag step).
 */
export const FarZoomContext = createContext(false);

export const useFarZoom = () => useContext(FarZoomContext);
