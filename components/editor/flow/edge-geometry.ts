import { Position } from '@xyflow/react';

export type Box = { x: number; y: number; width: number; height: number };
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
