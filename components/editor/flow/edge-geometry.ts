import { getBezierPath, type InternalNode, Position } from '@xyflow/react';

export type Box = { x: number; y: number; width: number; height: number };
/** A box as React Flow has placed and measured it. */
export function boxOf(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

export type Anchor = { x: number; y: number; position: Position };

/**
 * Floating anchors: an edge leaves and enters on the sides facing each other (left/right, or top/bottom when
 * the boxes overlap horizontally), so relations stay readable wherever the boxes are moved.
 */
export function facingAnchors(source: Box, target: Box): [Anchor, Anchor] {
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const overlapX = Math.abs(sc.x - tc.x) < (source.width + target.width) / 2;
  if (overlapX) {
    const down = tc.y >= sc.y;
    return [
      {
        x: sc.x,
        y: down ? source.y + source.height : source.y,
        position: down ? Position.Bottom : Position.Top,
      },
      {
        x: tc.x,
        y: down ? target.y : target.y + target.height,
        position: down ? Position.Top : Position.Bottom,
      },
    ];
  }
  const right = tc.x >= sc.x;
  return [
    {
      x: right ? source.x + source.width : source.x,
      y: sc.y,
      position: right ? Position.Right : Position.Left,
    },
    {
      x: right ? target.x : target.x + target.width,
      y: tc.y,
      position: right ? Position.Left : Position.Right,
    },
  ];
}

/** A loop on the right side of the box, for self-relations; returns the path and the label point. */
export function selfLoop(box: Box, index = 0): [string, number, number] {
  const x = box.x + box.width;
  const top = box.y + 24 + index * 14;
  const bottom = top + 40;
  const out = 56 + index * 18;
  return [
    `M ${x} ${top} C ${x + out} ${top}, ${x + out} ${bottom}, ${x} ${bottom}`,
    x + out * 0.75,
    (top + bottom) / 2,
  ];
}

/**
 * A relation's path between its boxes (facing sides, or a loop for a self-relation) and its label point: drawn
 * the same by the relation edge (zoomed in) and the far-zoom relations layer.
 */
export function relationPath(source: Box, target: Box, selfRelation: boolean): [string, number, number] {
  if (selfRelation) return selfLoop(source);
  const [from, to] = facingAnchors(source, target);
  const [path, labelX, labelY] = getBezierPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: from.position,
    targetX: to.x,
    targetY: to.y,
    targetPosition: to.position,
  });
  return [path, labelX, labelY];
}

const STEP = 4;
type Cubic = [number, number, number, number, number, number, number, number];
const NUMBER = /-?\d*\.?\d+(?:e[-+]?\d+)?/gi;

/**
 * Distance from a point to a relation path of `relationPath` (one cubic: M x,y C x,y x,y x,y), measured to the
 * curve cut into segments of at most STEP flow units; Infinity for a path of another shape, or when the point is
 * more than `within` from the curve's bounds.
 */
export function distanceToPath(
  path: string,
  x: number,
  y: number,
  within = Number.POSITIVE_INFINITY,
): number {
  const n = path.match(NUMBER)?.map(Number);
  if (n?.length !== 8) return Number.POSITIVE_INFINITY;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = n as Cubic;
  // The curve lies within its control points' bounds: a point farther than `within` from them is not near it.
  if (
    x < Math.min(x0, x1, x2, x3) - within ||
    x > Math.max(x0, x1, x2, x3) + within ||
    y < Math.min(y0, y1, y2, y3) - within ||
    y > Math.max(y0, y1, y2, y3) + within
  )
    return Number.POSITIVE_INFINITY;
  // The control polygon is at least as long as the curve: segments of at most STEP flow units.
  const reach = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
  const samples = Math.max(8, Math.ceil(reach / STEP));
  let best = Number.POSITIVE_INFINITY;
  let px = x0;
  let py = y0;
  for (let i = 1; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const qx = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
    const qy = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
    best = Math.min(best, segmentDistance(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
