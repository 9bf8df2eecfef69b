/**
 * In-place highlighting with the CSS Custom Highlight API: ranges are painted without touching
 * the page's DOM, so the page's own scripts never see our markup. Where the API is missing (or
 * the e2e build is told to pretend so), overlay boxes in a shadow root stand in.
 */
import type { Span } from '../core/types';
import type { HighlightStyle } from '../messaging/settings';
import { type HighlightKind, highlightDeclarations } from './highlight-style';
import { createOverlay, type Overlay } from './overlay';

export const HIGHLIGHT_NAMES = { spun: 'unspun-spun', credit: 'unspun-credit', restored: 'unspun-restored' } as const;
const STYLE_ID = 'unspun-highlight-style';

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => { add(range: Range): void };

export function highlightSupported(win: Window & typeof globalThis): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

export interface PaintOptions {
  style: HighlightStyle;
  /** The ranges cover restored wording (shown in the page) rather than the page's own. */
  restored: boolean;
  /** Use overlay boxes even where the Highlight API exists (e2e test of the fallback). */
  forceOverlay: boolean;
}

let overlay: Overlay | null = null;
let lastStyle: HighlightStyle = 'both';

function styleSheet(style: HighlightStyle): string {
  return (['spun', 'credit', 'restored'] as const)
    .map((k) => `::highlight(${HIGHLIGHT_NAMES[k]}) { ${highlightDeclarations(k, style)} }`)
    .join('\n');
}

const kindOf = (span: Span | undefined, restored: boolean): HighlightKind =>
  restored ? 'restored' : span?.kind === 'credit' ? 'credit' : 'spun';

/** Paint one range per span (null ranges are skipped). Returns how many were painted. */
export function paint(doc: Document, ranges: readonly (Range | null)[], spans: readonly Span[], opts: PaintOptions): number {
  clearHighlights(doc);
  lastStyle = opts.style;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const kinds = ranges.map((_, i) => kindOf(spans[i], opts.restored));
  const count = ranges.filter((r) => r !== null).length;
  if (!win) return 0;
  if (opts.forceOverlay || !highlightSupported(win)) {
    overlay = createOverlay(doc);
    overlay.show(ranges, kinds, opts.style);
    return count;
  }
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  for (const kind of ['spun', 'credit', 'restored'] as const) {
    const mine = ranges.filter((r, i): r is Range => r !== null && kinds[i] === kind);
    if (!mine.length) continue;
    // Added one by one: spreading tens of thousands of ranges as arguments can exceed the engine's argument limit.
    const h = new Ctor();
    for (const r of mine) h.add(r);
    registry.set(HIGHLIGHT_NAMES[kind], h);
  }
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    style.setAttribute('data-unspun-ui', '');
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  style.textContent = styleSheet(opts.style);
  // ::highlight rules apply only inside the tree that holds them: copy ours into every open
  // shadow root that has a highlighted range.
  const roots = new Set<ShadowRoot>();
  for (const r of ranges) {
    const root = r?.startContainer.getRootNode();
    if (root && root !== doc && 'host' in root) roots.add(root as ShadowRoot);
  }
  for (const root of roots) {
    let inner = root.querySelector(`style[data-unspun-style]`);
    if (!inner) {
      inner = doc.createElement('style');
      inner.setAttribute('data-unspun-style', '');
      inner.setAttribute('data-unspun-ui', '');
      root.appendChild(inner);
    }
    inner.textContent = styleSheet(opts.style);
  }
  return count;
}

/** Change the look of what is painted, without repainting. */
export function setHighlightStyle(doc: Document, style: HighlightStyle): void {
  lastStyle = style;
  const el = doc.getElementById(STYLE_ID);
  if (el) el.textContent = styleSheet(style);
  overlay?.setStyle(style);
}

export const currentHighlightStyle = (): HighlightStyle => lastStyle;

export function clearHighlights(doc: Document): void {
  overlay?.remove();
  overlay = null;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !highlightSupported(win)) return;
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
}
