/**
 * Shows the article in its restored wording and back. Only the data of the text nodes that hold
 * spans changes (replaceData, in place): no element is added, removed or moved, so the page's
 * scripts keep their references, and `undo` puts back every node's original data exactly.
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

export function swapToRestored(doc: Document, segments: readonly Segment[], spans: readonly Span[]): WordingSwap {
  const original = new Map<Text, string>();
  const touch = (node: Text) => {
    if (!original.has(node)) original.set(node, node.data);
  };
  // Where each restored wording starts, in the node's original offsets; and each node's edits.
  const placed: ({ node: Text; at: number } | null)[] = spans.map(() => null);
  const edits = new Map<Text, { at: number; delta: number }[]>();
  const edit = (node: Text, at: number, removed: number, inserted: string) => {
    node.replaceData(at, removed, inserted);
    const list = edits.get(node);
    if (list) list.push({ at, delta: inserted.length - removed });
    else edits.set(node, [{ at, delta: inserted.length - removed }]);
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
    touch(first.node);
    if (a === b) {
      edit(first.node, startOffset, span.end - span.start, span.restored);
    } else {
      edit(first.node, startOffset, first.length - startOffset, span.restored);
      for (let k = a + 1; k < b; k++) {
        const mid = segments[k] as Segment;
        touch(mid.node);
        edit(mid.node, 0, mid.length, '');
      }
      touch(last.node);
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
  const written = new Map<Text, string>([...original.keys()].map((n) => [n, n.data]));
  return {
    ranges,
    undo() {
      for (const [node, data] of original) if (node.data === written.get(node)) node.data = data;
    },
  };
}
