import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getAnalyzer } from '../src/background/engine';
import { handle } from '../src/background/handlers';
import { forgetTab, loadTabState, saveTabState } from '../src/background/tab-state';
import { isToBackground } from '../src/messaging/protocol';
import { sendToTab } from '../src/messaging/send';
import { setBadge } from '../src/platform/action';
import { extensionAssetReader } from '../src/platform/extension-assets';
import { ensureContentScript } from '../src/platform/inject';

const MENU = { page: 'unspun-check-page', selection: 'unspun-check-selection' } as const;

export default defineBackground(() => {
  const deps = {
    analyzer: () => getAnalyzer(extensionAssetReader),
    saveTabState,
    loadTabState,
    runCheckInTab: async (tabId: number, selectionOnly: boolean) => {
      await ensureContentScript(tabId);
      return sendToTab(tabId, { kind: 'run-check', selectionOnly });
    },
    setBadge: (tabId: number, s: { analysis: { verdict: { spun: boolean }; spans: unknown[] } }) =>
      s.analysis.verdict.spun ? setBadge(tabId, String(s.analysis.spans.length), '#c0392b') : setBadge(tabId, '✓', '#2e7d32'),
    now: () => new Date(),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isToBackground(message)) return undefined;
    // Only our own pages and content scripts may talk to the engine.
    if (sender.id !== browser.runtime.id) return undefined;
    return handle(message, { tabId: sender.tab?.id }, deps);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU.page, title: 'Check this page for spun wording', contexts: ['page'] });
      browser.contextMenus.create({ id: MENU.selection, title: 'Check selection for spun wording', contexts: ['selection'] });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    void deps.runCheckInTab(tab.id, info.menuItemId === MENU.selection).catch(() => undefined);
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'check-page') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await deps.runCheckInTab(tab.id, false).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A reload or navigation replaces the page the result was about.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
});
