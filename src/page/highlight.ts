/**
 * In-place highlighting with the CSS Custom Highlight API: ranges are painted without touching
 * the page's DOM, so the page's own scripts never see our markup. Where the API is missing (or
 * the e2e build is told to pretend so), overlay boxes in a shadow root stand in.
 *
 * Painting is cut into slices (`slices.ts`), so highlights appear progressively and no task is
 * long. A long result is painted only near the viewport, following it as the page scrolls:
 * Chromium rebuilds every highlight range of a document whenever the DOM or a style changes,
 * so 20,000 registered ranges made every later frame cost ~85 ms (docs/performance.md).
 */
import type { Span } from '../core/types';
import type { HighlightStyle } from '../messaging/settings';
import { type HighlightKind, highlightDeclarations } from './highlight-style';
import { createOverlay, type Overlay } from './overlay';
import { NO_PAUSE, type Pacer } from './slices';
import type { SpanRanges } from './span-ranges';

export const HIGHLIGHT_NAMES = { spun: 'unspun-spun', credit: 'unspun-credit', restored: 'unspun-restored' } as const;
const STYLE_ID = 'unspun-highlight-style';

/** Above this many spans only those near the viewport are painted. */
export const WINDOW_ABOVE = 1000;
/** How far beyond the viewport (above and below) the painted window reaches. */
const WINDOW_MARGIN = '100% 0px';
/** Elements that bound a group of spans painted together in the window (the nearest one above a span's text). */
const BLOCK_SELECTOR =
  'p,li,dd,dt,td,th,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,pre,address,summary,div,section,article,main,aside,header,footer,body';

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
  forEach(fn: (h: Iterable<unknown>, name: string) => void): void;
}
interface HighlightLike {
  add(range: Range): void;
  delete(range: Range): boolean;
}
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;

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
  /** Slices the work (default: none, all in the caller's task). */
  pacer?: Pacer;
  /** Paint only near the viewport above this many spans (default `WINDOW_ABOVE`). */
  windowAbove?: number;
}

export interface PaintJob {
  /** Resolves once the spans are painted (a long result: those near the viewport) with how many spans are on the page. */
  done: Promise<number>;
  /** Indices of the spans painted now (the tooltip hit-tests these). */
  painted: ReadonlySet<number>;
  /** Stop painting and following the viewport (what is painted stays until `clearHighlights`). */
  stop(): void;
}

/** Where painted ranges go: the Highlight API or the overlay. */
interface Surface {
  add(range: Range, kind: HighlightKind): void;
  remove(range: Range, kind: HighlightKind): void;
  /** Show what was added and removed since the last flush. */
  flush(): void;
}

let overlay: Overlay | null = null;
let job: PaintJob | null = null;
let lastStyle: HighlightStyle = 'both';
/** Our style elements inside open shadow roots (styles do not cross shadow boundaries). */
const shadowStyles = new Set<Element>();

function styleSheet(style: HighlightStyle): string {
  return (['spun', 'credit', 'restored'] as const)
    .map((k) => `::highlight(${HIGHLIGHT_NAMES[k]}) { ${highlightDeclarations(k, style)} }`)
    .join('\n');
}

const kindOf = (span: Span | undefined, restored: boolean): HighlightKind =>
  restored ? 'restored' : span?.kind === 'credit' ? 'credit' : 'spun';

/** Paint one range per span (spans whose range is null are skipped). */
export function paint(doc: Document, ranges: SpanRanges, spans: readonly Span[], opts: PaintOptions): PaintJob {
  clearHighlights(doc);
  lastStyle = opts.style;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return { done: Promise.resolve(0), painted: new Set(), stop() {} };
  const kind = (i: number) => kindOf(spans[i], opts.restored);
  const pacer = opts.pacer ?? NO_PAUSE;
  const useOverlay = opts.forceOverlay || !highlightSupported(win);
  const surface = useOverlay ? overlaySurface(doc, opts.style) : highlightSurface(doc, win, opts.style);
  const windowed = ranges.length > (opts.windowAbove ?? WINDOW_ABOVE) && typeof win.IntersectionObserver === 'function';
  job = windowed ? paintNearViewport(doc, ranges, kind, surface, pacer) : paintAll(ranges, kind, surface, pacer, !useOverlay);
  return job;
}

/** Every span, in slices (each slice's ranges show at the next frame when `progressive`). */
function paintAll(ranges: SpanRanges, kind: (i: number) => HighlightKind, surface: Surface, pacer: Pacer, progressive: boolean): PaintJob {
  const painted = new Set<number>();
  let stopped = false;
  const run = async () => {
    for (let i = 0; i < ranges.length && !stopped; i++) {
      const r = ranges.at(i);
      if (r) {
        surface.add(r, kind(i));
        painted.add(i);
      }
      if (pacer.due()) {
        if (progressive) surface.flush();
        await pacer.pause();
      }
    }
    if (!stopped) surface.flush();
    return painted.size;
  };
  return {
    done: run(),
    painted,
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * A long result: spans are grouped by the block element their text starts in, an
 * IntersectionObserver says which blocks are within a screen of the viewport, and only those
 * blocks' spans are painted (the rest are removed as they leave). Works for any layout, inner
 * scrollers and shadow roots; `done` resolves when the first window is painted (at once in a
 * hidden tab, which renders nothing until shown).
 */
function paintNearViewport(
  doc: Document,
  ranges: SpanRanges,
  kind: (i: number) => HighlightKind,
  surface: Surface,
  pacer: Pacer,
): PaintJob {
  const win = doc.defaultView as Window & typeof globalThis;
  const painted = new Set<number>();
  const groups = new Map<Element, number[]>();
  const wanted = new Set<Element>();
  const shown = new Set<Element>();
  let observer: IntersectionObserver | null = null;
  let stopped = false;
  let firstWindow: () => void = () => undefined;
  const windowPainted = new Promise<void>((resolve) => {
    firstWindow = resolve;
  });

  let draining = false;
  let dirty = false;
  const drain = async () => {
    while (dirty && !stopped) {
      dirty = false;
      for (const el of [...shown]) {
        if (wanted.has(el)) continue;
        shown.delete(el);
        for (const i of groups.get(el) ?? []) {
          const r = ranges.at(i);
          if (r && painted.delete(i)) surface.remove(r, kind(i));
        }
      }
      for (const el of [...wanted]) {
        if (shown.has(el)) continue;
        shown.add(el);
        for (const i of groups.get(el) ?? []) {
          const r = ranges.at(i);
          if (r && !painted.has(i)) {
            surface.add(r, kind(i));
            painted.add(i);
          }
        }
        if (pacer.due()) {
          surface.flush();
          await pacer.pause();
          if (stopped) return;
        }
      }
      surface.flush();
    }
    draining = false;
    firstWindow();
  };
  const schedule = () => {
    dirty = true;
    if (draining) return;
    draining = true;
    void drain();
  };

  const run = async () => {
    // Group the spans by block without making any Range.
    const blockOf = new Map<Node, Element>();
    let count = 0;
    for (let i = 0; i < ranges.length && !stopped; i++) {
      const node = ranges.anchor(i);
      if (node) {
        count++;
        const parent = node.parentNode;
        let block = parent ? blockOf.get(parent) : undefined;
        if (!block && parent) {
          const el = parent.nodeType === 1 ? (parent as Element) : ((parent as ShadowRoot).host ?? null);
          block = el?.closest(BLOCK_SELECTOR) ?? el ?? undefined;
          if (block) blockOf.set(parent, block);
        }
        if (block) {
          const list = groups.get(block);
          if (list) list.push(i);
          else groups.set(block, [i]);
        }
      }
      if (pacer.due()) await pacer.pause();
    }
    if (stopped) return count;
    observer = new win.IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) wanted.add(e.target);
          else wanted.delete(e.target);
        }
        schedule();
      },
      { rootMargin: WINDOW_MARGIN },
    );
    for (const el of groups.keys()) {
      if (stopped) break;
      observer.observe(el);
      if (pacer.due()) await pacer.pause();
    }
    if (doc.visibilityState !== 'hidden') await windowPainted;
    return count;
  };

  return {
    done: run(),
    painted,
    stop() {
      stopped = true;
      observer?.disconnect();
      observer = null;
      firstWindow();
    },
  };
}

function highlightSurface(doc: Document, win: Window & typeof globalThis, style: HighlightStyle): Surface {
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  const highlights = new Map<HighlightKind, HighlightLike>();
  const styledRoots = new Set<Node>();
  let el = doc.getElementById(STYLE_ID);
  if (!el) {
    el = doc.createElement('style');
    el.id = STYLE_ID;
    el.setAttribute('data-unspun-ui', '');
    (doc.head ?? doc.documentElement).appendChild(el);
  }
  // Rewritten only when it changes: any change to ::highlight rules restyles the whole page.
  const css = styleSheet(style);
  if (el.textContent !== css) el.textContent = css;
  return {
    add(range, kind) {
      let h = highlights.get(kind);
      if (!h) {
        // Ranges are added one by one: spreading tens of thousands as arguments can exceed the engine's argument limit.
        h = new Ctor();
        highlights.set(kind, h);
        registry.set(HIGHLIGHT_NAMES[kind], h);
      }
      h.add(range);
      // ::highlight rules apply only inside the tree that holds them: copy ours into every open
      // shadow root that has a highlighted range.
      const root = range.startContainer.getRootNode();
      if (root !== doc && 'host' in root && !styledRoots.has(root)) {
        styledRoots.add(root);
        styleShadowRoot(doc, root as ShadowRoot, style);
      }
    },
    remove(range, kind) {
      highlights.get(kind)?.delete(range);
    },
    flush() {},
  };
}

function styleShadowRoot(doc: Document, root: ShadowRoot, style: HighlightStyle): void {
  let inner = root.querySelector('style[data-unspun-style]');
  if (!inner) {
    inner = doc.createElement('style');
    inner.setAttribute('data-unspun-style', '');
    inner.setAttribute('data-unspun-ui', '');
    root.appendChild(inner);
  }
  const css = styleSheet(style);
  if (inner.textContent !== css) inner.textContent = css;
  shadowStyles.add(inner);
}

function overlaySurface(doc: Document, style: HighlightStyle): Surface {
  const o = createOverlay(doc);
  overlay = o;
  const shown = new Map<Range, HighlightKind>();
  return {
    add: (range, kind) => void shown.set(range, kind),
    remove: (range) => void shown.delete(range),
    flush: () => o.show([...shown.keys()], [...shown.values()], style),
  };
}

/** Change the look of what is painted, without repainting. */
export function setHighlightStyle(doc: Document, style: HighlightStyle): void {
  lastStyle = style;
  const el = doc.getElementById(STYLE_ID);
  if (el) el.textContent = styleSheet(style);
  for (const inner of shadowStyles) {
    if (inner.isConnected) inner.textContent = styleSheet(style);
    else shadowStyles.delete(inner);
  }
  overlay?.setStyle(style);
}

export const currentHighlightStyle = (): HighlightStyle => lastStyle;

/** Remove our highlights (only ours: a page's own highlights stay registered). */
export function clearHighlights(doc: Document): void {
  job?.stop();
  job = null;
  overlay?.remove();
  overlay = null;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !highlightSupported(win)) return;
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
}

/** The live ranges of the page's own highlights (every registered highlight but ours), so our text swaps can put them back. */
export function pageHighlightRanges(doc: Document): Range[] {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !highlightSupported(win)) return [];
  const ours = new Set<string>(Object.values(HIGHLIGHT_NAMES));
  const ranges: Range[] = [];
  const registry = (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  registry.forEach((h, name) => {
    if (ours.has(name)) return;
    // Static ranges do not follow DOM changes, so they need nothing back.
    for (const r of h) if (typeof (r as Range | null)?.setStart === 'function') ranges.push(r as Range);
  });
  return ranges;
}
