import { describe, expect, it } from 'vitest';
import { boundsOf, boxesPath, minimapView } from './minimap-geometry';

describe('boxesPath', () => {
  it('draws each box as one closed rounded rectangle of its size', () => {
    const d = boxesPath(
      [
        { x: 0, y: 0, width: 100, height: 40 },
        { x: 200, y: 10, width: 50, height: 50 },
      ],
      5,
    );
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/z/g)).toHaveLength(2);
    expect(
      d.startsWith('M5,0h90a5,5 0 0 1 5,5v30a5,5 0 0 1 -5,5h-90a5,5 0 0 1 -5,-5v-30a5,5 0 0 1 5,-5z'),
    ).toBe(true);
    expect(d).toContain('M205,10h40');
  });

  it('keeps the corner radius within small boxes and skips boxes not measured yet', () => {
    expect(boxesPath([{ x: 0, y: 0, width: 4, height: 20 }], 5)).toContain('a2,2');
    expect(boxesPath([{ x: 0, y: 0, width: 0, height: 20 }], 5)).toBe('');
    expect(boxesPath([{ x: 0, y: 0, width: Number.NaN, height: 20 }], 5)).toBe('');
  });
});

describe('minimapView', () => {
  it('centres boxes and viewport at one scale with a margin, like React Flow', () => {
    const boxes = boundsOf([
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 300, y: 0, width: 100, height: 100 },
    ]);
    expect(boxes).toEqual({ x: 0, y: 0, width: 400, height: 100 });
    const view = minimapView(boxes, { x: 0, y: 0, width: 200, height: 100 }, 200, 150);
    // 400 flow units over 200 px: 2 per px; the 300-unit tall view is centred on the 100-unit content.
    expect(view.scale).toBe(2);
    expect(view).toMatchObject({ x: -10, y: -110, width: 420, height: 320 });
  });

  it('is the viewport alone when there are no boxes', () => {
    expect(minimapView(null, { x: 10, y: 10, width: 200, height: 150 }, 200, 150, 0)).toEqual({
      x: 10,
      y: 10,
      width: 200,
      height: 150,
      scale: 1,
    });
  });
});
