import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../src/messaging/send';
import { autoCheckAllowed, siteOf, sitePattern } from '../../src/messaging/settings';
import { requestSiteAccess } from '../../src/platform/auto-check-api';
import { fetchOriginalText, requestAccess } from '../../src/platform/fetch-original';
import { localizePage, t } from '../../src/platform/i18n';
import { loadSettings, updateSettings } from '../../src/platform/store';
import { renderState } from '../../src/ui/popup-view';
import { applyTheme } from '../../src/ui/theme';

// The popup acts on the tab it was opened for: `?tabId=N` (tests, or a popup opened as a page),
// otherwise the active tab of the current window.
async function targetTab(): Promise<number | null> {
  const param = new URL(location.href).searchParams.get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function run(): Promise<void> {
  localizePage(document);
  document.documentElement.lang = browser.i18n.getUILanguage();
  const status = document.getElementById('status') as HTMLElement;
  const result = document.getElementById('result') as HTMLElement;
  const { settings } = await loadSettings();
  applyTheme(document, settings.theme);
  const tabId = await targetTab();
  if (tabId === null) {
    status.textContent = t('noTab');
    return;
  }
  const reply = await sendToBackground({ kind: 'check-tab', tabId }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (!reply.ok) {
    status.textContent = t('checkFailed', reply.error);
    document.body.dataset.ready = 'error';
    return;
  }
  status.textContent = '';
  (document.getElementById('page-title') as HTMLElement).textContent = reply.state.title || reply.state.url;
  const site = siteOf(reply.state.url);
  result.replaceChildren(
    renderState(reply.state, {
      scrollTo: (index) => void sendToTab(tabId, { kind: 'scroll-to-span', index }).catch(() => undefined),
      compare: async (url) => {
        if (!(await requestAccess(url))) throw new Error(t('accessNotGranted'));
        const originalText = await fetchOriginalText(url);
        const r = await sendToBackground({ kind: 'compare-original', tabId, originalUrl: url, originalText });
        if (!r.ok) throw new Error(r.error);
        return r.comparison;
      },
      copy: (text) => navigator.clipboard.writeText(text),
      download: (name, type, text) => {
        const url = URL.createObjectURL(new Blob([text], { type }));
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      setWording: async (restored) => {
        const r = await sendToTab(tabId, { kind: 'set-wording', restored });
        if (!r?.ok) throw new Error('no page to change');
        return r.restored;
      },
      allowSite:
        site && !autoCheckAllowed(settings, reply.state.url)
          ? () =>
              // Asked straight from the click, so the browser may show its prompt.
              requestSiteAccess([sitePattern(site)]).then(async (granted) => {
                if (granted) {
                  await updateSettings((s) => ({ ...s, autoCheck: { ...s.autoCheck, sites: [...new Set([...s.autoCheck.sites, site])] } }));
                }
                return granted;
              })
          : null,
      openOptions: () => void browser.runtime.openOptionsPage(),
    }),
  );
  document.body.dataset.ready = 'true';
}

void run();
