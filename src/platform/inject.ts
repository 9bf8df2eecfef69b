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
