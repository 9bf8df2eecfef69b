/**
 * Puts the content script into a tab on demand. The manifest declares no content scripts: a
 * page is read only when the user asks (activeTab) or has allowed the site.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/send';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export async function ensureContentScript(tabId: number): Promise<void> {
  try {
    const pong = await sendToTab(tabId, { kind: 'ping' });
    if (pong?.ok) return;
  } catch {
    // Not injected yet: inject below.
  }
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

export interface FallbackPage {
  text: string;
  title: string;
  url: string;
}

/**
 * Runs inside the page through executeScript and must stay self-contained (no imports, no
 * extension API): the article's text with its line breaks, for pages that hide the extension
 * API from content scripts (a frame named "chrome" or "browser" shadows it).
 */
export function readPageWithoutExtensionApi(): FallbackPage {
  const root = document.querySelector('[itemprop="articleBody"], article, [role="article"], main') ?? document.body;
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks between blocks, which the engine's credit and sentence logic need.
  const text = root instanceof HTMLElement ? root.innerText : (root?.textContent ?? '');
  return { text: text.slice(0, 700_000), title: document.title, url: location.href };
}

export async function readPageFallback(tabId: number): Promise<FallbackPage | null> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readPageWithoutExtensionApi });
  return (result?.result as FallbackPage | undefined) ?? null;
}
