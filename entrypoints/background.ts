import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncAutoCheck } from '../src/background/auto-check';
import { getAnalyzer } from '../src/background/engine';
import { type HandlerDeps, handle } from '../src/background/handlers';
import { forgetTab, loadTabState, saveTabState } from '../src/background/tab-state';
import { isToBackground } from '../src/messaging/protocol';
import { sendToTab } from '../src/messaging/send';
import { defaultSettings, type Settings } from '../src/messaging/settings';
import { setBadge } from '../src/platform/action';
import { browserAutoCheckApi } from '../src/platform/auto-check-api';
import { e2eSeedSites } from '../src/platform/e2e';
import { extensionAssetReader } from '../src/platform/extension-assets';
import { t } from '../src/platform/i18n';
import { ensureContentScript, readPageFallback } from '../src/platform/inject';
import { KEYS, loadSettings, onSettingsChanged, recordHistory, saveSettings } from '../src/platform/store';

const MENU = { page: 'unspun-check-page', selection: 'unspun-check-selection' } as const;

export default defineBackground(() => {
  // Tabs the background is injecting into for a user's check: their content script must not
  // start an automatic check of its own on top.
  const manual = new Set<number>();

  const deps: HandlerDeps = {
    analyzer: () => getAnalyzer(extensionAssetReader),
    saveTabState,
    loadTabState,
    runCheckInTab: async (tabId, selectionOnly) => {
      manual.add(tabId);
      try {
        await ensureContentScript(tabId);
        return await sendToTab(tabId, { kind: 'run-check', selectionOnly });
      } catch (e) {
        // The page kept our content script from talking to us (a frame named "chrome" hides the
        // extension API there): read its text without the API and analyse it, without highlights.
        const page = await readPageFallback(tabId).catch(() => null);
        if (!page?.text.trim()) throw e;
        const r = await handle({ kind: 'analyze-text', text: page.text, url: page.url, title: page.title }, { tabId }, deps);
        return r.ok ? { ok: true, highlighted: 0 } : { ok: false, error: 'error' in r ? r.error : String(e) };
      } finally {
        manual.delete(tabId);
      }
    },
    setBadge: (tabId, s) =>
      s.analysis.verdict.spun ? setBadge(tabId, String(s.analysis.spans.length), '#c0392b') : setBadge(tabId, '✓', '#2e7d32'),
    now: () => new Date(),
    loadSettings: async () => (await loadSettings()).settings,
    recordHistory,
    isManualInjection: (tabId) => manual.has(tabId),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isToBackground(message)) return undefined;
    // Only our own pages and content scripts may talk to the engine.
    if (sender.id !== browser.runtime.id) return undefined;
    return handle(message, { tabId: sender.tab?.id }, deps);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU.page, title: t('menuCheckPage'), contexts: ['page'] });
      browser.contextMenus.create({ id: MENU.selection, title: t('menuCheckSelection'), contexts: ['selection'] });
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

  // Automatic checks: the registered content script follows the settings and the granted
  // permissions, re-derived on every start (see docs/extension.md).
  let syncing: Promise<unknown> = Promise.resolve();
  const sync = (settings?: Settings) => {
    syncing = syncing
      .then(async () => syncAutoCheck(settings ?? (await loadSettings()).settings, browserAutoCheckApi))
      .catch((e: unknown) => console.warn('Unspun: automatic checks could not be registered', e));
  };
  onSettingsChanged(sync);
  browser.permissions.onAdded.addListener(() => sync());
  browser.permissions.onRemoved.addListener(() => sync());
  void firstRunSettings().then(sync);
});

/** Write the settings once (migrating old data); the Firefox e2e build starts with loopback allowed. */
async function firstRunSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEYS.settings).catch(() => ({}) as Record<string, unknown>);
  if (stored[KEYS.settings] === undefined) {
    const seeded = defaultSettings();
    seeded.autoCheck.sites = e2eSeedSites();
    await saveSettings(seeded).catch(() => undefined);
    return seeded;
  }
  return (await loadSettings(true)).settings;
}
