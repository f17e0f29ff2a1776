import type { Design } from '@/lib/design';

/** Where a new box goes: right of the rightmost box, on its row, so it never covers existing work. */
export function nextNodePosition(design: Design): { x: number; y: number } {
  let best: { x: number; y: number } | null = null;
  for (const node of Object.values(design.layout.nodes)) if (!best || node.x > best.x) best = node;
  return best ? { x: best.x + 340, y: best.y } : { x: 80, y: 80 };
}
