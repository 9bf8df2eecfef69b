/** Overlay boxes for the highlight fallback: client rects → boxes relative to the overlay's origin (pure). */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Box extends Rect {
  kind: string;
}

/**
 * `origin` is the overlay host's own client rect, so boxes land on the words whatever the
 * scroll position or page margins. Empty rects (collapsed ranges, hidden text) are skipped.
 */
export function boxesFor(rects: readonly { rects: readonly Rect[]; kind: string }[], origin: { left: number; top: number }): Box[] {
  const boxes: Box[] = [];
  for (const { rects: list, kind } of rects) {
    for (const r of list) {
      if (r.width <= 0 || r.height <= 0) continue;
      boxes.push({ kind, left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
    }
  }
  return boxes;
}
