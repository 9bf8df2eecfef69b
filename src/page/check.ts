/**
 * One check of the page the content script lives in: read the article, ask the background to
 * analyse it, highlight the result, attach the hover tooltip.
 */
import type { Analysis, PageMeta } from '../core/types';
import type { Replies } from '../messaging/protocol';
import { findArticleRoot, type PageText, readPage } from './extract';
import { clearHighlights, paint } from './highlight';
import { createTooltip, type Tooltip } from './tooltip';

export type AnalyzeText = (text: string, meta: PageMeta) => Promise<Replies['analyze-text']>;

export interface CheckResult {
  page: PageText;
  analysis: Analysis;
  ranges: (Range | null)[];
}

let tooltip: Tooltip | null = null;
let last: CheckResult | null = null;

export async function checkPage(doc: Document, analyzeText: AnalyzeText, selectionOnly: boolean): Promise<Replies['run-check']> {
  const root = selectionOnly ? selectionRoot(doc) : findArticleRoot(doc);
  if (!root) return { ok: false, error: 'nothing is selected' };
  const page = readPage(root);
  if (page.text.trim() === '') return { ok: false, error: 'no text found on this page' };
  const reply = await analyzeText(page.text, pageMeta(doc));
  if (!reply.ok) return reply;
  const { analysis } = reply;
  clearHighlights(doc);
  const { ranges, painted } = paint(doc, page.segments, analysis.spans);
  tooltip?.detach();
  tooltip = createTooltip(doc);
  tooltip.attach(ranges, analysis.spans);
  last = { page, analysis, ranges };
  doc.documentElement.setAttribute('data-unspun-spans', String(analysis.spans.length));
  doc.documentElement.setAttribute('data-unspun-verdict', analysis.verdict.spun ? 'spun' : 'clean');
  return { ok: true, highlighted: painted };
}

export function scrollToSpan(index: number): boolean {
  const range = last?.ranges[index];
  const el = range?.startContainer.parentElement;
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

function selectionRoot(doc: Document): Element | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function pageMeta(doc: Document): PageMeta {
  const attr = (sel: string, name: string) => doc.querySelector(sel)?.getAttribute(name) ?? undefined;
  const links = [...doc.querySelectorAll('a[href]')]
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
