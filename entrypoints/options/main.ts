import { browser } from 'wxt/browser';
import type { HistoryNotice } from '../../src/messaging/history';
import {
  exportSettings,
  type HighlightStyle,
  importSettings,
  normalizeSite,
  type Settings,
  type SettingsNotice,
  sitePattern,
} from '../../src/messaging/settings';
import { requestSiteAccess } from '../../src/platform/auto-check-api';
import { localizePage, t } from '../../src/platform/i18n';
import {
  clearHistory,
  loadHistory,
  loadHistoryState,
  loadSettings,
  onHistoryChanged,
  onSettingsChanged,
  saveSettings,
  updateSettings,
} from '../../src/platform/store';
import { noticeText, type OptionsActions, renderOptions } from '../../src/ui/options-view';
import { applyTheme } from '../../src/ui/theme';

const app = document.getElementById('app') as HTMLElement;
const ALL_SITES = ['http://*/*', 'https://*/*'];
let notice: SettingsNotice | undefined;
let historyNotice: HistoryNotice | null = null;
let message = '';

async function granted(settings: Settings): Promise<Set<string>> {
  const out = new Set<string>();
  for (const site of settings.autoCheck.sites) {
    if (await browser.permissions.contains({ origins: [sitePattern(site)] }).catch(() => false)) out.add(site);
  }
  return out;
}

async function render(): Promise<void> {
  const [{ settings }, history] = await Promise.all([loadSettings(), loadHistory()]);
  applyTheme(document, settings.theme);
  const focused = document.activeElement?.id;
  app.replaceChildren(renderOptions({ settings, history, granted: await granted(settings), notice, historyNotice, message }, actions));
  if (focused) document.getElementById(focused)?.focus();
  document.body.dataset.ready = 'true';
}

const say = (text: string) => {
  message = text;
  void render();
};
const change = (fn: (s: Settings) => Settings) => void updateSettings(fn).catch((e: unknown) => say(String(e)));
const withSite = (s: Settings, site: string): Settings => ({
  ...s,
  autoCheck: { ...s.autoCheck, sites: [...new Set([...s.autoCheck.sites, site])] },
});

const actions: OptionsActions = {
  addSite(input) {
    const site = normalizeSite(input);
    if (!site) return say(t('siteInvalid', input.trim()));
    // Asked straight from the click (no await before it), so the browser may show its prompt.
    void requestSiteAccess([sitePattern(site)])
      .catch(() => false)
      .then(async (ok) => {
        await updateSettings((s) => withSite(s, site));
        say(ok ? t('siteAddedNamed', site) : t('siteAddedNoAccess', site));
      });
  },
  grantSite(site) {
    void requestSiteAccess([sitePattern(site)])
      .catch(() => false)
      .then((ok) => say(ok ? t('siteAddedNamed', site) : t('siteAddedNoAccess', site)));
  },
  removeSite(site) {
    change((s) => ({ ...s, autoCheck: { ...s.autoCheck, sites: s.autoCheck.sites.filter((x) => x !== site) } }));
    // Give back the access asked for this site (the registration follows the settings).
    void browser.permissions.remove({ origins: [sitePattern(site)] }).catch(() => undefined);
    say(t('siteRemoved', site));
  },
  setAllSites(on) {
    if (!on) return change((s) => ({ ...s, autoCheck: { ...s.autoCheck, allSites: false } }));
    void requestSiteAccess(ALL_SITES)
      .catch(() => false)
      .then((ok) => {
        if (ok) change((s) => ({ ...s, autoCheck: { ...s.autoCheck, allSites: true } }));
        else say(t('allSitesNotGranted'));
      });
  },
  setSensitivity: (sensitivity) => change((s) => ({ ...s, sensitivity })),
  setHighlightStyle: (highlightStyle: HighlightStyle) => change((s) => ({ ...s, highlightStyle })),
  setTheme: (theme) => change((s) => ({ ...s, theme })),
  clearHistory: () =>
    void clearHistory().then(() => {
      historyNotice = null;
      say(t('historyCleared'));
    }),
  exportSettings() {
    void loadSettings().then(({ settings }) => {
      const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'unspun-settings.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  },
  importSettings(file) {
    void file.text().then(async (text) => {
      const imported = importSettings(text);
      if (!imported) return say(t('importRejected'));
      await saveSettings(imported.settings);
      say(imported.notice ? `${t('imported')} ${noticeText(imported.notice)}` : t('imported'));
    });
  },
};

localizePage(document);
document.documentElement.lang = browser.i18n.getUILanguage();
(document.getElementById('version') as HTMLElement).textContent = t('version', browser.runtime.getManifest().version);
void Promise.all([loadSettings(true), loadHistoryState(true)]).then(([r, h]) => {
  notice = r.notice;
  historyNotice = h.notice;
  onSettingsChanged(() => void render());
  onHistoryChanged(() => void render());
  return render();
});
