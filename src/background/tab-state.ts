/**
 * Per-tab results. Kept in memory, mirrored to storage.session (cleared when the browser closes)
 * so a restarted MV3 service worker can still answer the popup.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../messaging/protocol';

const memory = new Map<number, TabState>();
const key = (tabId: number) => `tab:${tabId}`;

export async function saveTabState(state: TabState): Promise<void> {
  memory.set(state.tabId, state);
  try {
    await browser.storage.session?.set({ [key(state.tabId)]: state });
  } catch {
    // Quota exceeded on a huge page: memory still has it.
  }
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const hit = memory.get(tabId);
  if (hit) return hit;
  try {
    const got = await browser.storage.session?.get(key(tabId));
    return (got?.[key(tabId)] as TabState | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  try {
    await browser.storage.session?.remove(key(tabId));
  } catch {
    // Nothing to forget.
  }
}
