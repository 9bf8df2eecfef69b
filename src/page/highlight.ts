/**
 * In-place highlighting with the CSS Custom Highlight API: ranges are painted without touching
 * the page's DOM, so the page's own scripts never see our markup. Where the API is missing,
 * nothing is painted and the popup still lists every span (an overlay fallback is planned).
 */
import type { Span } from '../core/types';
import { rangeFor, type Segment } from './extract';

export const HIGHLIGHT_NAMES = { spun: 'unspun-spun', credit: 'unspun-credit' } as const;

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

export function highlightSupported(win: Window & typeof globalThis): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

const STYLE = `::highlight(${HIGHLIGHT_NAMES.spun}) { background-color: rgba(255, 196, 0, 0.45); text-decoration: underline wavy rgba(200, 90, 0, 0.9); }
::highlight(${HIGHLIGHT_NAMES.credit}) { background-color: rgba(120, 180, 255, 0.45); }`;

export interface Painted {
  ranges: (Range | null)[];
  painted: number;
}

/** Paint `spans`, returning one range per span (null where the span could not be mapped). */
export function paint(doc: Document, segments: readonly Segment[], spans: readonly Span[]): Painted {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const ranges = spans.map((s) => rangeFor(doc, segments, s.start, s.end));
  if (!win || !highlightSupported(win)) return { ranges, painted: 0 };
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  const spun = ranges.filter((r, i): r is Range => r !== null && spans[i]?.kind !== 'credit');
  const credit = ranges.filter((r, i): r is Range => r !== null && spans[i]?.kind === 'credit');
  registry.set(HIGHLIGHT_NAMES.spun, new Ctor(...spun));
  registry.set(HIGHLIGHT_NAMES.credit, new Ctor(...credit));
  if (!doc.getElementById('unspun-highlight-style')) {
    const style = doc.createElement('style');
    style.id = 'unspun-highlight-style';
    style.textContent = STYLE;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  return { ranges, painted: spun.length + credit.length };
}

export function clearHighlights(doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !highlightSupported(win)) return;
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  registry.delete(HIGHLIGHT_NAMES.spun);
  registry.delete(HIGHLIGHT_NAMES.credit);
}
