// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { readPage } from './extract';
import { clearHighlights, HIGHLIGHT_NAMES, paint } from './highlight';
import type { Pacer } from './slices';
import { pageRanges } from './span-ranges';

// happy-dom has neither the Highlight API nor IntersectionObserver: small stand-ins.
class FakeHighlight extends Set<Range> {}
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  constructor(readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.observed = [];
  }
  /** Report `visible` as intersecting and every other observed element as not. */
  show(visible: Element[]) {
    this.callback(this.observed.map((target) => ({ target, isIntersecting: visible.includes(target) })));
  }
}

const win = window as unknown as Record<string, unknown>;
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  win.CSS = { highlights: registry };
  win.Highlight = FakeHighlight;
});

afterEach(() => {
  clearHighlights(document);
  delete win.IntersectionObserver;
});

/** An article of `n` paragraphs, each with one spun word, and a span per paragraph. */
function article(n: number) {
  document.body.innerHTML = `<article>${Array.from({ length: n }, (_, i) => `<p>Para ${i} mentioned it.</p>`).join('')}</article>`;
  const page = readPage(document.querySelector('article') as Element);
  const spans: Span[] = [];
  for (let at = page.text.indexOf('mentioned'); at >= 0; at = page.text.indexOf('mentioned', at + 1)) {
    spans.push({ start: at, end: at + 9, text: 'mentioned', restored: 'said', alternatives: [], confidence: 0.9, kind: 'synonym' });
  }
  return { page, spans, ranges: pageRanges(document, page.segments, spans) };
}

/** A pacer that says every slice is used up, and counts the pauses. */
function everyTimePacer() {
  let pauses = 0;
  const pacer: Pacer = { due: () => true, pause: async () => void pauses++ };
  return { pacer, pauses: () => pauses };
}

const opts = { style: 'both' as const, restored: false, forceOverlay: false };
const painted = (name = HIGHLIGHT_NAMES.spun) => [...(registry.get(name) ?? [])].map((r) => r.toString());

describe('painting highlights', () => {
  it('paints every span of a short result, yielding between slices', async () => {
    const { spans, ranges } = article(5);
    const { pacer, pauses } = everyTimePacer();
    const job = paint(document, ranges, spans, { ...opts, pacer });
    expect(await job.done).toBe(5);
    expect(painted()).toEqual(Array(5).fill('mentioned'));
    expect(pauses()).toBeGreaterThanOrEqual(4);
    expect(job.painted.size).toBe(5);
  });

  it('leaves the page’s own highlights registered when ours are cleared or repainted', async () => {
    const { spans, ranges } = article(2);
    const own = new FakeHighlight();
    registry.set('page-own', own);
    await paint(document, ranges, spans, opts).done;
    await paint(document, ranges, spans, { ...opts, restored: true }).done;
    expect(registry.get('page-own')).toBe(own);
    clearHighlights(document);
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('stops a paint that a newer one replaced', async () => {
    const { spans, ranges } = article(6);
    let release: () => void = () => undefined;
    const held: Pacer = { due: () => true, pause: () => new Promise<void>((r) => (release = r)) };
    const first = paint(document, ranges, spans, { ...opts, pacer: held });
    expect(first.painted.size).toBe(1);
    clearHighlights(document);
    release();
    await first.done;
    expect(first.painted.size).toBe(1);
    expect(registry.size).toBe(0);
  });
});

describe('painting a long result near the viewport only', () => {
  it('paints the spans of the blocks in view and follows the view as it moves', async () => {
    win.IntersectionObserver = FakeObserver;
    const { spans, ranges } = article(12);
    const job = paint(document, ranges, spans, { ...opts, windowAbove: 10 });
    await Promise.resolve();
    const observer = FakeObserver.last as FakeObserver;
    const paras = [...document.querySelectorAll('p')];
    expect(observer.observed).toEqual(paras);
    observer.show(paras.slice(0, 3));
    expect(await job.done).toBe(12);
    expect(painted()).toHaveLength(3);
    expect([...job.painted].sort((a, b) => a - b)).toEqual([0, 1, 2]);

    observer.show(paras.slice(9, 12));
    await new Promise((r) => setTimeout(r, 0));
    expect([...job.painted].sort((a, b) => a - b)).toEqual([9, 10, 11]);
    expect(painted()).toHaveLength(3);
  });

  it('paints everything at once where IntersectionObserver is missing', async () => {
    const { spans, ranges } = article(12);
    expect(await paint(document, ranges, spans, { ...opts, windowAbove: 10 }).done).toBe(12);
    expect(painted()).toHaveLength(12);
  });
});
