/**
 * Finds the article on a live page and turns it into the text the engine reads, keeping a map
 * from text offsets back to DOM text nodes so spans can be highlighted in place. Editable areas,
 * code, forms and scripts are never read (and so never highlighted).
 */
import type { Pacer } from './slices';

/** A run of analysed text that comes from one DOM text node. */
export interface Segment {
  /** Offset of the run in the analysed text. */
  start: number;
  node: Text;
  /** Length in UTF-16 code units (equal in text and node). */
  length: number;
}

export interface PageText {
  text: string;
  segments: Segment[];
  root: Element;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'TEMPLATE',
  'NAV',
  'FORM',
]);
const BLOCK_RE =
  /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|OL|P|SECTION|TABLE|TD|TH|TR|UL|CAPTION|SUMMARY|DETAILS)$/;
/** Past this many characters the page is cut (the engine stays responsive; the user is told). */
export const MAX_PAGE_CHARS = 700_000;

/** The element most likely to hold the article: <article>, schema.org articleBody, <main>, else the densest paragraph container. */
export function findArticleRoot(doc: Document): Element {
  const candidates = [...doc.querySelectorAll('[itemprop="articleBody"], article, [role="article"], main, [role="main"]')].filter(
    (el) => textLength(el) > 200,
  );
  if (candidates.length > 0) {
    // The smallest candidate that still holds most of the paragraph text is the tightest fit.
    const best = candidates.sort((a, b) => paragraphText(b) - paragraphText(a))[0] as Element;
    return best;
  }
  const byParent = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | null = null;
  let bestLen = 0;
  for (const [el, len] of byParent) if (len > bestLen) [best, bestLen] = [el, len];
  return best && bestLen > 300 ? best : (doc.body ?? doc.documentElement);
}

/** Where the article is: this document or a frame of it. */
export interface ArticleLocation {
  doc: Document;
  root: Element;
  /** Set when the readable text is too short to be the article and a large frame from another origin, which cannot be read, is on the page: its host ('' when it has none). */
  unreadableFrame: string | null;
}

/** Below this many characters of readable text, a large frame we cannot read probably holds the article. */
export const SHORT_ARTICLE_CHARS = 500;
/** Frames are compared on at most this much of their text (enough to tell an article from a widget, cheap on long pages). */
const COMPARE_CHARS = 20_000;
const MAX_FRAME_DEPTH = 3;

/**
 * The document that holds the article: the page itself, or a frame of the same origin (read
 * through `contentDocument`, nested up to 3 deep) whose article is longer. Frames of other origins
 * cannot be read from the page (and the extension asks for no access to them); when the readable
 * text is short and such a frame takes a large part of the page, `unreadableFrame` names it so
 * the reader can be told why.
 */
export function findArticle(doc: Document): ArticleLocation {
  const found = searchFrames(doc, 0);
  return { doc: found.doc, root: found.root, unreadableFrame: found.chars < SHORT_ARTICLE_CHARS ? found.unreadable : null };
}

interface FrameSearch {
  doc: Document;
  root: Element;
  chars: number;
  unreadable: string | null;
  unreadableArea: number;
}

function searchFrames(doc: Document, depth: number): FrameSearch {
  const root = findArticleRoot(doc);
  const frames = depth < MAX_FRAME_DEPTH ? doc.querySelectorAll('iframe, frame') : [];
  // Without frames there is nothing to compare: skip measuring the text.
  let best: FrameSearch = {
    doc,
    root,
    chars: frames.length || depth > 0 ? readPage(root, COMPARE_CHARS).text.trim().length : Number.POSITIVE_INFINITY,
    unreadable: null,
    unreadableArea: 0,
  };
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) {
      const found = searchFrames(inner, depth + 1);
      const unreadable = found.unreadableArea > best.unreadableArea ? found : best;
      if (found.chars > best.chars) best = found;
      best = { ...best, unreadable: unreadable.unreadable, unreadableArea: unreadable.unreadableArea };
      continue;
    }
    const rect = frame.getBoundingClientRect();
    const area = rect.width * rect.height;
    if (rect.width >= 300 && rect.height >= 200 && area > best.unreadableArea) {
      best = { ...best, unreadable: frameHost(frame), unreadableArea: area };
    }
  }
  return best;
}

function frameHost(frame: Element): string {
  const src = frame.getAttribute('src');
  if (!src) return '';
  try {
    return new URL(src, frame.ownerDocument.baseURI).host;
  } catch {
    return '';
  }
}

const textLength = (el: Element) => el.textContent?.length ?? 0;
const paragraphText = (el: Element) => [...el.querySelectorAll('p')].reduce((n, p) => n + (p.textContent?.length ?? 0), 0);

export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '')
    return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  return el.hasAttribute('data-unspun-ui');
}

/** Walk `root` and build the analysed text: block elements become line breaks, other whitespace stays in place. */
export function readPage(root: Element, limit = MAX_PAGE_CHARS): PageText {
  const reader = pageReader(root, limit);
  reader.step(() => false);
  return reader.result();
}

/** `readPage` cut into slices: the same text and segments, with a yield to the page whenever `pacer` says a slice is used up. */
export async function readPageInSlices(root: Element, pacer: Pacer, limit = MAX_PAGE_CHARS): Promise<PageText> {
  const reader = pageReader(root, limit);
  while (!reader.step(pacer.due)) await pacer.pause();
  return reader.result();
}

/** How often (in nodes) a reader asks whether its slice is used up. */
const NODES_PER_CHECK = 256;

interface PageReader {
  /** Read until done (true) or until `stop()` says the slice is used up (false). */
  step(stop: () => boolean): boolean;
  result(): PageText;
}

function pageReader(root: Element, limit: number): PageReader {
  // Pieces are joined once at the end: growing one string with += and reading its last character
  // makes V8 flatten it at every paragraph, which is quadratic on long pages.
  const parts: string[] = [];
  let length = 0;
  let endsWithNewline = true;
  const segments: Segment[] = [];
  const newline = () => {
    if (length > 0 && !endsWithNewline && length < limit) {
      parts.push('\n');
      length++;
      endsWithNewline = true;
    }
  };
  // An explicit stack, not recursion, so deeply nested pages cannot overflow the call stack (and
  // the walk can stop between any two nodes and resume). A `close` entry ends a block element.
  const stack: (Node | { close: true })[] = [root];
  const visit = (item: Node | { close: true }) => {
    if ('close' in item) {
      newline();
      return;
    }
    const node = item;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      const take = Math.min(data.length, limit - length);
      // Line breaks in the HTML source are layout, not sentence ends: same length, so offsets hold.
      segments.push({ start: length, node: node as Text, length: take });
      parts.push(data.slice(0, take).replace(/[\r\n\t\f]/g, ' '));
      length += take;
      endsWithNewline = false;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isSkipped(el)) return;
    const block = BLOCK_RE.test(el.tagName.toUpperCase());
    if (block) {
      newline();
      stack.push({ close: true });
    }
    // An open shadow root renders instead of the element's own children (which appear through
    // its <slot>s), so its text is read in their place. Closed roots cannot be read, by design.
    const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    const slot = el.tagName === 'SLOT' ? (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) : undefined;
    const children: ArrayLike<Node> = slot?.length ? slot : (shadow ?? el).childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as Node);
  };
  return {
    step(stop) {
      let n = 0;
      while (stack.length > 0 && length < limit) {
        visit(stack.pop() as Node | { close: true });
        if (++n % NODES_PER_CHECK === 0 && stop()) return stack.length === 0 || length >= limit;
      }
      return true;
    },
    result: () => ({ text: parts.join(''), segments, root }),
  };
}

/**
 * DOM position of a text offset. A span's start lies in the segment holding its first character,
 * its end in the segment holding its last one; both found by binary search.
 */
export function locate(segments: readonly Segment[], offset: number, isEnd = false): { node: Text; offset: number } | null {
  const s = segments[segmentIndex(segments, offset, isEnd)];
  return s ? { node: s.node, offset: offset - s.start } : null;
}

/** Index of the segment holding `offset` (for an end offset, the one holding the character before it), or -1. */
export function segmentIndex(segments: readonly Segment[], offset: number, isEnd: boolean): number {
  // The last segment starting at or before the offset (strictly before, for an end).
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const st = (segments[mid] as Segment).start;
    if (st < offset || (!isEnd && st === offset)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = segments[found];
  if (!s) return -1;
  const inside = isEnd ? offset <= s.start + s.length : offset < s.start + s.length;
  return inside ? found : -1;
}

/**
 * A DOM Range for text offsets [start, end), across element boundaries; null when the offsets
 * are not on the page, or no longer fit its nodes (the page shortened them after it was read).
 */
export function rangeFor(doc: Document, segments: readonly Segment[], start: number, end: number): Range | null {
  const a = locate(segments, start, false);
  const b = locate(segments, end, true);
  if (!a || !b) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}
