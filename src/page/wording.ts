/**
 * Shows the article in its restored wording and back. Only the data of the text nodes that hold
 * spans changes (replaceData, in place): no element is added, removed or moved, so the page's
 * scripts keep their references, and `undo` puts back every node's original data exactly, edit by
 * edit in reverse, so live ranges outside the replaced words (the page's own highlights, a
 * selection) come back where they were. Ranges given as `keep` (the page's own highlights) get
 * their exact boundaries back too, even inside a replaced word.
 */
import type { Span } from '../core/types';
import { type Segment, segmentIndex } from './extract';
import { NO_PAUSE, type Pacer } from './slices';
import { lazyRanges, type SpanRanges } from './span-ranges';

export interface WordingSwap {
  /** One live range per span over its restored wording, made on demand (null where the span could not be mapped). */
  ranges: SpanRanges;
  /** Put the page's own text back, byte for byte (nodes the page rewrote meanwhile are left alone). */
  undo(): Promise<void>;
}

export interface SwapOptions {
  /** The page's own live ranges (its highlights) to give their exact boundaries back on undo. */
  keep?: readonly Range[];
  /** A pacer for the swap and one for the undo: a long article is edited in slices (default: all at once). */
  pacer?: () => Pacer;
  /** Runs each slice of edits (the session's page watch ignores what they change). */
  slice?: (edit: () => void) => void;
}

interface Edit {
  at: number;
  delta: number;
  /** The page's text that the edit replaced, and the length of what replaced it (to undo it). */
  removed: string;
  inserted: number;
}

export async function swapToRestored(
  doc: Document,
  segments: readonly Segment[],
  spans: readonly Span[],
  { keep = [], pacer = () => NO_PAUSE, slice = (edit) => edit() }: SwapOptions = {},
): Promise<WordingSwap> {
  const kept = keep.map((r) => ({ r, sc: r.startContainer, so: r.startOffset, ec: r.endContainer, eo: r.endOffset }));
  // Where each restored wording starts, in the node's original offsets; and each node's edits, in the order made.
  const placed: ({ node: Text; at: number } | null)[] = spans.map(() => null);
  const edits = new Map<Text, Edit[]>();
  const edit = (node: Text, at: number, removed: number, inserted: string) => {
    const e: Edit = { at, delta: inserted.length - removed, removed: node.data.slice(at, at + removed), inserted: inserted.length };
    node.replaceData(at, removed, inserted);
    const list = edits.get(node);
    if (list) list.push(e);
    else edits.set(node, [e]);
  };
  const swapOne = (i: number) => {
    const span = spans[i] as Span;
    const a = segmentIndex(segments, span.start, false);
    const b = segmentIndex(segments, span.end, true);
    if (a < 0 || b < 0 || b < a) return;
    const first = segments[a] as Segment;
    const last = segments[b] as Segment;
    const startOffset = span.start - first.start;
    try {
      if (a === b) {
        edit(first.node, startOffset, span.end - span.start, span.restored);
      } else {
        edit(first.node, startOffset, first.length - startOffset, span.restored);
        for (let k = a + 1; k < b; k++) {
          const mid = segments[k] as Segment;
          edit(mid.node, 0, mid.length, '');
        }
        edit(last.node, 0, span.end - last.start, '');
      }
      placed[i] = { node: first.node, at: startOffset };
    } catch {
      // The page shortened the node between two slices: leave this span in the page's wording.
    }
  };
  // Last span first: a replacement only moves text after it, so earlier offsets stay valid.
  const swapping = pacer();
  let next = spans.length - 1;
  while (next >= 0) {
    slice(() => {
      while (next >= 0) {
        swapOne(next--);
        if (swapping.due()) break;
      }
    });
    if (next >= 0) await swapping.pause();
  }
  // Ranges are made after all edits (not kept live through them): earlier edits in the same node shift them.
  const ranges = lazyRanges(
    spans.length,
    (i) => placed[i]?.node ?? null,
    (i) => {
      const p = placed[i];
      if (!p) return null;
      const shift = (edits.get(p.node) ?? []).reduce((n, e) => (e.at < p.at ? n + e.delta : n), 0);
      const range = doc.createRange();
      try {
        range.setStart(p.node, p.at + shift);
        range.setEnd(p.node, p.at + shift + (spans[i] as Span).restored.length);
      } catch {
        return null; // the page rewrote the node since
      }
      return range;
    },
  );
  const written = new Map<Text, string>([...edits.keys()].map((n) => [n, n.data]));
  return {
    ranges,
    async undo() {
      const undone = new Set<Node>();
      const undoOne = (node: Text, list: Edit[]) => {
        if (node.data !== written.get(node)) return; // the page rewrote it meanwhile: leave it alone
        for (let k = list.length - 1; k >= 0; k--) {
          const e = list[k] as Edit;
          node.replaceData(e.at, e.inserted, e.removed);
        }
        undone.add(node);
      };
      const nodes = [...edits];
      const undoing = pacer();
      let k = 0;
      while (k < nodes.length) {
        slice(() => {
          while (k < nodes.length) {
            const [node, list] = nodes[k++] as [Text, Edit[]];
            undoOne(node, list);
            if (undoing.due()) break;
          }
        });
        if (k < nodes.length) await undoing.pause();
      }
      // A boundary inside a replaced word was moved to the word's start: put it back.
      slice(() => {
        for (const { r, sc, so, ec, eo } of kept) {
          if (!(undone.has(sc) || undone.has(ec)) || r.startContainer !== sc || r.endContainer !== ec) continue;
          try {
            r.setStart(sc, so);
            r.setEnd(ec, eo);
          } catch {
            // the page changed the range's nodes in another way: leave it
          }
        }
      });
    },
  };
}
