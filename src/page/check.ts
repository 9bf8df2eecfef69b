/**
 * The content script's one session on a page: read the article, ask the background to analyse
 * it, highlight the result, attach the hover tooltip; then follow the page (single-page apps,
 * late content) and switch between the page's wording and the restored wording on request.
 */
import type { PageMeta } from '../core/types';
import type { PageAnalysis, Replies, Trigger } from '../messaging/protocol';
import type { HighlightStyle } from '../messaging/settings';
import { t } from '../platform/i18n';
import { findArticle, type PageText, readPageInSlices } from './extract';
import { clearHighlights, currentHighlightStyle, type PaintJob, pageHighlightRanges, paint, setHighlightStyle } from './highlight';
import { createPacer, EDIT_SLICE_MS, yieldToFrame } from './slices';
import { pageRanges, type SpanRanges } from './span-ranges';
import { isSubstantialChange } from './text-change';
import { createTooltip, type Tooltip } from './tooltip';
import { type PageWatch, watchPage } from './watch';
import { swapToRestored, type WordingSwap } from './wording';

export type AnalyzeText = (text: string, meta: PageMeta, trigger: Trigger) => Promise<Replies['analyze-text']>;

export interface CheckOptions {
  selectionOnly: boolean;
  trigger: Trigger;
}

export interface SessionOptions {
  /** Overlay boxes instead of the Highlight API (e2e test of the fallback). */
  forceOverlay?: () => boolean;
  debounceMs?: number;
}

interface Checked {
  page: PageText;
  analysis: PageAnalysis;
  ranges: SpanRanges;
  url: string;
  selectionOnly: boolean;
}

export interface PageSession {
  check(opts: CheckOptions): Promise<Replies['run-check']>;
  scrollToSpan(index: number): boolean;
  /** Resolves once the wording is changed (a long article is edited in slices); calls are served in order. */
  setWording(restored: boolean): Promise<Replies['set-wording']>;
  setStyle(style: HighlightStyle): void;
}

export function createSession(doc: Document, analyzeText: AnalyzeText, options: SessionOptions = {}): PageSession {
  /** The document that holds the checked article: `doc`, or a same-origin frame of it (`findArticle`). */
  let target: Document = doc;
  let last: Checked | null = null;
  let swap: WordingSwap | null = null;
  let tooltip: Tooltip | null = null;
  let watch: PageWatch | null = null;
  let running: Promise<Replies['run-check']> | null = null;
  let paints = 0;
  const mutate = <T>(fn: () => T): T => (watch ? watch.ignore(fn) : fn());

  /** Paint the current result in slices (a newer paint stops this one); resolves with how many spans are on the page. */
  const paintCurrent = (): Promise<number> => {
    if (!last) return Promise.resolve(0);
    const ranges = swap ? swap.ranges : last.ranges;
    const spans = last.analysis.spans;
    const job: PaintJob = mutate(() =>
      paint(target, ranges, spans, {
        style: currentHighlightStyle(),
        restored: swap !== null,
        forceOverlay: options.forceOverlay?.() ?? false,
        pacer: createPacer(doc),
      }),
    );
    mutate(() => {
      tooltip?.detach();
      tooltip = createTooltip(target);
      tooltip.attach(ranges, job.painted, spans, swap !== null);
    });
    const wording = swap ? 'restored' : 'page';
    const generation = ++paints;
    return job.done.then((count) => {
      // Says which wording is shown once it is painted (unless a newer paint has started since).
      if (generation === paints) doc.documentElement.setAttribute('data-unspun-wording', wording);
      return count;
    });
  };

  /** Runs each slice of our own text edits so that the page watch does not count them. */
  const sliceEdits = (edit: () => void) => mutate(edit);
  /** Our text edits go one short slice per frame, so no frame has to lay out the whole article again. */
  const editPacer = () => createPacer(doc, EDIT_SLICE_MS, yieldToFrame);
  /** Wording changes run one after another (each may take several slices); a check waits for them. */
  let wordingDone: Promise<unknown> = Promise.resolve();

  const undoSwap = async () => {
    if (!swap) return;
    const s = swap;
    swap = null;
    await s.undo();
  };

  const run = async ({ selectionOnly, trigger }: CheckOptions): Promise<Replies['run-check']> => {
    await wordingDone;
    await undoSwap();
    const found = selectionOnly ? { doc, root: selectionRoot(doc), unreadableFrame: null } : findArticle(doc);
    const root = found.root;
    if (!root) return { ok: false, error: 'nothing is selected' };
    if (found.unreadableFrame !== null) return { ok: false, error: t('errorArticleInFrame', found.unreadableFrame || '?') };
    if (found.doc !== target) {
      // The article moved to another document (a frame, or back): leave nothing behind in the old one.
      mutate(() => {
        clearHighlights(target);
        tooltip?.detach();
        tooltip = null;
      });
      watch?.stop();
      watch = null;
      target = found.doc;
    }
    // Reading, sending and painting a long page each run in short slices (src/page/slices.ts).
    const pacer = createPacer(doc);
    const page = await readPageInSlices(root, pacer);
    if (page.text.trim() === '') return { ok: false, error: 'no text found on this page' };
    const meta = pageMeta(doc, target);
    await pacer.pause();
    const reply = await analyzeText(page.text, meta, trigger);
    if (!reply.ok) return reply;
    const { analysis } = reply;
    last = { page, analysis, ranges: pageRanges(target, page.segments, analysis.spans), url: doc.location?.href ?? '', selectionOnly };
    const painted = await paintCurrent();
    // Tests and the bench wait for this attribute: it is set once painting is complete.
    doc.documentElement.setAttribute('data-unspun-spans', String(analysis.spans.length));
    doc.documentElement.setAttribute('data-unspun-verdict', analysis.verdict.spun ? 'spun' : 'clean');
    if (!selectionOnly) watch ??= watchPage(target, () => void onPageSettled().catch(() => undefined), options.debounceMs);
    return { ok: true, highlighted: painted };
  };

  // One check at a time: a request during a check waits for it and then runs.
  const check = (opts: CheckOptions): Promise<Replies['run-check']> => {
    const next = (running ?? Promise.resolve()).catch(() => undefined).then(() => run(opts));
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  };

  const onPageSettled = async () => {
    if (!last) return;
    if (running) {
      void running.finally(onPageSettled);
      return;
    }
    const found = findArticle(doc);
    const urlChanged = (doc.location?.href ?? '') !== last.url || found.doc !== target;
    const text = (await readPageInSlices(found.root, createPacer(doc))).text;
    if (running || !last) return; // a check started while the page was being read
    // Our own swap changes the text: compare against what the page shows in its own wording.
    const before = swap ? null : last.page.text;
    if (urlChanged ? text.trim() !== '' : before !== null && isSubstantialChange(before, text)) {
      void check({ selectionOnly: false, trigger: 'auto' }).catch(() => undefined);
    }
  };

  return {
    check,
    scrollToSpan(index) {
      const range = (swap ?? last)?.ranges.at(index);
      const el = range?.startContainer.parentElement;
      if (!el) return false;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    },
    setWording(restored) {
      const change = async (): Promise<Replies['set-wording']> => {
        const l = last;
        if (!l) return { ok: false, restored: false };
        if (restored && !swap) {
          const options = { keep: pageHighlightRanges(target), pacer: editPacer, slice: sliceEdits };
          swap = await swapToRestored(target, l.page.segments, l.analysis.spans, options);
        } else if (!restored && swap) {
          await undoSwap();
          // The page's text nodes hold their original data again: map the spans afresh.
          l.ranges = pageRanges(target, l.page.segments, l.analysis.spans);
        }
        void paintCurrent();
        return { ok: true, restored: swap !== null };
      };
      const done = wordingDone.then(change, change);
      wordingDone = done.catch(() => undefined);
      return done;
    },
    setStyle(style) {
      mutate(() => setHighlightStyle(target, style));
    },
  };
}

function selectionRoot(doc: Document): Element | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** The page's own metadata, with the links of the document that holds the article (the page or a frame of it). */
function pageMeta(doc: Document, article: Document): PageMeta {
  const attr = (sel: string, name: string) => doc.querySelector(sel)?.getAttribute(name) ?? undefined;
  const links = [...new Set([doc, article])]
    .flatMap((d) => [...d.querySelectorAll('a[href]')])
    .map((a) => (a as HTMLAnchorElement).href)
    .filter((h) => /^https?:/.test(h))
    .slice(0, 500);
  return {
    canonicalUrl: attr('link[rel="canonical"]', 'href'),
    siteName: attr('meta[property="og:site_name"]', 'content'),
    title: doc.title,
    links,
  };
}
