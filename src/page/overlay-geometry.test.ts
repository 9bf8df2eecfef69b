import { describe, expect, it } from 'vitest';
import { boxesFor } from './overlay-geometry';

describe('overlay geometry', () => {
  it('places one box per client rect, relative to the overlay origin', () => {
    const boxes = boxesFor(
      [
        { kind: 'spun', rects: [{ left: 110, top: 40, width: 50, height: 18 }] },
        // A range that wraps over two lines has two rects.
        {
          kind: 'credit',
          rects: [
            { left: 600, top: 60, width: 80, height: 18 },
            { left: 20, top: 80, width: 30, height: 18 },
          ],
        },
      ],
      { left: 10, top: -300 },
    );
    expect(boxes).toEqual([
      { kind: 'spun', left: 100, top: 340, width: 50, height: 18 },
      { kind: 'credit', left: 590, top: 360, width: 80, height: 18 },
      { kind: 'credit', left: 10, top: 380, width: 30, height: 18 },
    ]);
  });

  it('skips empty rects of collapsed or hidden ranges', () => {
    expect(boxesFor([{ kind: 'spun', rects: [{ left: 5, top: 5, width: 0, height: 18 }] }], { left: 0, top: 0 })).toEqual([]);
  });
});
