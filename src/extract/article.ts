/**
 * Main-content extraction from a whole HTML document, shared by the CLI (linkedom) and the popup
 * (DOMParser): Mozilla's Readability (the engine behind Firefox's Reader View), then the article's
 * blocks as lines, so captions and credit lines stay on lines of their own.
 */
import { Readability } from '@mozilla/readability';
import type { PageMeta } from '../core/types';

export interface Article {
  text: string;
  meta: PageMeta;
}

/** Parses HTML into a fresh Document (each environment brings its own parser). */
export type ParseHtml = (html: string) => Document;

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,figcaption,pre,td,th,dt,dd,caption';

export function extractArticle(html: string, parse: ParseHtml, url?: string): Article {
  const document = parse(html);
  const meta = pageMeta(document, url);
  let root: ParentNode = document.body ?? document;
  let title = '';
  try {
    // Readability mutates the document it reads; give it a copy.
    const article = new Readability(parse(html), { charThreshold: 200 }).parse();
    if (article?.content) {
      root = parse(`<!doctype html><html><body>${article.content}</body></html>`).body;
      title = (article.title ?? '').trim();
    }
  } catch {
    // Fall back to the whole body below.
  }
  const lines = blockLines(root);
  if (title && lines[0] !== title) lines.unshift(title);
  return { text: lines.join('\n'), meta };
}

function blockLines(root: ParentNode): string[] {
  for (const el of root.querySelectorAll('script,style,noscript,template')) el.remove();
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const source = blocks.length > 0 ? blocks : [root as unknown as Element];
  return source.map((el) => (el.textContent ?? '').replace(/[ \t\r\n\u00A0]+/g, ' ').trim()).filter((line) => line.length > 0);
}

function pageMeta(document: Document, url?: string): PageMeta {
  const attr = (sel: string, name: string) => document.querySelector(sel)?.getAttribute(name) ?? undefined;
  const links = [...document.querySelectorAll('a[href]')]
    .map((a) => a.getAttribute('href') ?? '')
    .filter((h) => /^https?:\/\//i.test(h))
    .slice(0, 500);
  return {
    canonicalUrl: attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content'),
    siteName: attr('meta[property="og:site_name"]', 'content'),
    title: attr('meta[property="og:title"]', 'content') ?? document.title ?? undefined,
    links: links.filter((l) => !sameHost(l, url)),
  };
}

function sameHost(link: string, url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(link).hostname === new URL(url).hostname;
  } catch {
    return false;
  }
}
