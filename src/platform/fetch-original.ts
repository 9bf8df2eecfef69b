/**
 * The one network request Unspun ever makes, and only when the user asks: fetch the article the
 * user named as the original, after asking for access to that site at that moment. No cookies
 * are sent. The article is found in an inert DOMParser document with the same article finder the
 * content script uses on live pages.
 */
import { browser } from 'wxt/browser';
import { findArticleRoot, readPage } from '../page/extract';

export const MAX_ORIGINAL_BYTES = 10 * 1024 * 1024;

export function originPattern(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('only http and https addresses can be compared');
  return `${u.protocol}//${u.hostname}/*`;
}

/** Must be called from a user gesture (a click), so the browser may show its permission prompt. */
export async function requestAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

export async function fetchOriginalText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  if (!res.ok) throw new Error(`the page answered HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  if (body.length > MAX_ORIGINAL_BYTES) throw new Error('the page is too large to compare');
  if (/html|xml/i.test(type) || /^\s*</.test(body)) {
    const doc = new DOMParser().parseFromString(body, 'text/html');
    const text = readPage(findArticleRoot(doc)).text;
    if (!text.trim()) throw new Error('no article text found at that address');
    return text;
  }
  return body;
}
