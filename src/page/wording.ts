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
import { lazyRanges, type SpanRanges } from './span-ranges';

export interface WordingSwap {
  /** One live range per span over its restored wording, made on demand (null where the span could not be mapped). */
  ranges: SpanRanges;
  /** Put the page's own text back, byte for byte (nodes the page rewrote meanwhile are left alone). */
  undo(): void;
}

interface Edit {
  at: number;
  delta: number;
  /** The page's text that the edit replaced, and the length of what replaced it (to undo it). */
  removed: string;
  inserted: number;
}

export function swapToRestored(
  doc: Document,
  segments: readonly Segment[],
  spans: readonly Span[],
  keep: readonly Range[] = [],
): WordingSwap {
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
  // Last span first: a replacement only moves text after it, so earlier offsets stay valid.
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i] as Span;
    const a = segmentIndex(segments, span.start, false);
    const b = segmentIndex(segments, span.end, true);
    if (a < 0 || b < 0 || b < a) continue;
    const first = segments[a] as Segment;
    const last = segments[b] as Segment;
    const startOffset = span.start - first.start;
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
    undo() {
      const undone = new Set<Node>();
      for (const [node, list] of edits) {
        if (node.data !== written.get(node)) continue; // the page rewrote it meanwhile: leave it alone
        for (let k = list.length - 1; k >= 0; k--) {
          const e = list[k] as Edit;
          node.replaceData(e.at, e.inserted, e.removed);
        }
        undone.add(node);
      }
      // A boundary inside a replaced word was moved to the word's start: put it back.
      for (const { r, sc, so, ec, eo } of kept) {
        if (!(undone.has(sc) || undone.has(ec)) || r.startContainer !== sc || r.endContainer !== ec) continue;
        try {
          r.setStart(sc, so);
          r.setEnd(ec, eo);
        } catch {
          // the page changed the range's nodes in another way: leave it
        }
      }
    },
  };
}
