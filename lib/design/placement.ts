import type { Design } from './schema';

/** Where a new box goes: right of the rightmost box, on its row, so it never covers existing work. */
export function nextNodePosition(design: Design): { x: number; y: number } {
  let best: { x: number; y: number } | null = null;
  for (const node of Object.values(design.layout.nodes)) if (!best || node.x > best.x) best = node;
  return best ? { x: best.x + 340, y: best.y } : { x: 80, y: 80 };
}

/** Whether a box at `position` would cover one already on the canvas (boxes are about 300 x 250). */
export function coversANode(design: Design, position: { x: number; y: number }): boolean {
  return Object.values(design.layout.nodes).some(
    (node) => Math.abs(node.x - position.x) < 300 && Math.abs(node.y - position.y) < 250,
  );
}
