/** Article extraction for the CLI: the shared extractor on linkedom, a fast server-side DOM. */
import { parseHTML } from 'linkedom';
import { type Article, extractArticle as extract } from '../extract/article';

export type { Article };

export function extractArticle(html: string, url?: string): Article {
  return extract(html, (h) => parseHTML(h).document as unknown as Document, url);
}
