/**
 * The DOM ranges of a result's spans, made on demand. A long page has tens of thousands of spans,
 * and every live Range costs the page on each DOM change, so a Range is made only when a span is
 * painted, hovered or scrolled to; what is painted is decided from `anchor` without making one.
 */
import type { Span } from '../core/types';
import { rangeFor, type Segment, segmentIndex } from './extract';

export interface SpanRanges {
  readonly length: number;
  /** The text node where span `i` starts (no Range is made), or null when it is not on the page. */
  anchor(i: number): Text | null;
  /** The live Range of span `i`, made on first use and then kept; null when it is not on the page. */
  at(i: number): Range | null;
}

/** Ranges made by `make`, at most once per span. */
export function lazyRanges(length: number, anchor: (i: number) => Text | null, make: (i: number) => Range | null): SpanRanges {
  const made = new Map<number, Range | null>();
  return {
    length,
    anchor,
    at(i) {
      if (i < 0 || i >= length) return null;
      let r = made.get(i);
      if (r === undefined) {
        r = make(i);
        made.set(i, r);
      }
      return r;
    },
  };
}

/** The spans' ranges in the page's own wording, from the segments of the text that was analysed. */
export function pageRanges(doc: Document, segments: readonly Segment[], spans: readonly Span[]): SpanRanges {
  return lazyRanges(
    spans.length,
    (i) => {
      const s = spans[i];
      if (!s) return null;
      const a = segmentIndex(segments, s.start, false);
      return a >= 0 && segmentIndex(segments, s.end, true) >= a ? (segments[a] as Segment).node : null;
    },
    (i) => {
      const s = spans[i];
      return s ? rangeFor(doc, segments, s.start, s.end) : null;
    },
  );
}

/** Ranges made already (tests, small callers). */
export function fixedRanges(ranges: readonly (Range | null)[]): SpanRanges {
  return lazyRanges(
    ranges.length,
    (i) => {
      const n = ranges[i]?.startContainer;
      return n?.nodeType === 3 ? (n as Text) : null;
    },
    (i) => ranges[i] ?? null,
  );
}
