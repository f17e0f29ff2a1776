export type Rect = { x: number; y: number; width: number; height: number };

/**
 * Every box of the minimap as one SVG path of rounded rectangles (React Flow's MiniMap draws one `<rect>`
 * component per node, each its own store subscription): one element, one string, however many boxes.
 */
export function boxesPath(boxes: readonly Rect[], radius: number): string {
  let d = '';
  for (const { x, y, width, height } of boxes) {
    if (!(width > 0 && height > 0)) continue;
    const r = Math.min(radius, width / 2, height / 2);
    d += `M${x + r},${y}h${width - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${height - 2 * r}a${r},${r} 0 0 1 ${-r},${r}h${2 * r - width}a${r},${r} 0 0 1 ${-r},${-r}v${2 * r - height}a${r},${r} 0 0 1 ${r},${-r}z`;
  }
  return d;
}

/** The smallest rectangle holding all of `rects` (null for none). */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The minimap's view box (React Flow's MiniMap geometry): the boxes and the viewport, centred at one scale in
 * a `width` × `height` element with an `offsetScale` px margin; `scale` is flow units per minimap pixel.
 */
export function minimapView(
  boxes: Rect | null,
  viewport: Rect,
  width: number,
  height: number,
  offsetScale = 5,
): Rect & { scale: number } {
  const bounds = boxes ? (boundsOf([boxes, viewport]) as Rect) : viewport;
  const scale = Math.max(bounds.width / width, bounds.height / height);
  const viewWidth = scale * width;
  const viewHeight = scale * height;
  const offset = offsetScale * scale;
  return {
    x: bounds.x - (viewWidth - bounds.width) / 2 - offset,
    y: bounds.y - (viewHeight - bounds.height) / 2 - offset,
    width: viewWidth + offset * 2,
    height: viewHeight + offset * 2,
    scale,
  };
}
