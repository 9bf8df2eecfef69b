/**
 * The options page: sites checked automatically, sensitivity, highlight style, theme, the audit
 * history and settings backup. A pure view of `OptionsModel`; every change goes through
 * `OptionsActions`, and the page re-renders from storage.
 */
import type { HistoryEntry, HistoryNotice } from '../messaging/history';
import {
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  SENSITIVITIES,
  type Sensitivity,
  type Settings,
  type SettingsNotice,
  THEMES,
  THRESHOLDS,
  type Theme,
} from '../messaging/settings';
import { type MessageKey, t } from '../platform/i18n';
import { h } from './dom';

export interface OptionsModel {
  settings: Settings;
  history: HistoryEntry[];
  /** Sites whose host access is granted (automatic checks run only there). */
  granted: ReadonlySet<string>;
  notice?: SettingsNotice;
  /** What reading the stored audit history had to do (migrate, drop, reset). */
  historyNotice?: HistoryNotice | null;
  /** A message from the last action (site added, file imported, …). */
  message?: string;
}

export interface OptionsActions {
  addSite(input: string): void;
  removeSite(site: string): void;
  grantSite(site: string): void;
  setAllSites(on: boolean): void;
  setSensitivity(s: Sensitivity): void;
  setHighlightStyle(s: HighlightStyle): void;
  setTheme(t: Theme): void;
  clearHistory(): void;
  exportSettings(): void;
  importSettings(file: File): void;
}

export function noticeText(n: SettingsNotice): string {
  switch (n.code) {
    case 'reset':
      return t('noticeReset');
    case 'migrated':
      return t('noticeMigrated', n.from ?? 1);
    case 'repaired':
      return t('noticeRepaired', (n.fields ?? []).join(', '));
    case 'newer':
      return t('noticeNewer', n.from ?? 0);
  }
}

export function historyNoticeText(n: HistoryNotice): string {
  switch (n.code) {
    case 'reset':
      return t('historyNoticeReset');
    case 'migrated':
      return t('historyNoticeMigrated', n.count ?? 0);
    case 'dropped':
      return t('historyNoticeDropped', n.count ?? 0);
    case 'newer':
      return t('historyNoticeNewer', n.from ?? 0);
  }
}

export function renderOptions(model: OptionsModel, actions: OptionsActions): HTMLElement {
  return h(
    'main',
    {},
    h('h1', {}, t('optionsTitle')),
    h('p', { class: 'lead' }, t('optionsLead')),
    model.notice ? h('p', { class: 'notice', role: 'alert', id: 'settings-notice' }, noticeText(model.notice)) : null,
    h('p', { class: 'message', role: 'status', id: 'options-message' }, model.message ?? ''),
    autoSection(model, actions),
    radioSection<Sensitivity>(
      'sensitivity',
      t('sensitivityHeading'),
      SENSITIVITIES,
      model.settings.sensitivity,
      (s) => t(`sensitivity_${s}` as MessageKey, THRESHOLDS[s].toFixed(2)),
      actions.setSensitivity,
    ),
    radioSection<HighlightStyle>(
      'highlight-style',
      t('highlightHeading'),
      HIGHLIGHT_STYLES,
      model.settings.highlightStyle,
      (s) => t(`highlight_${s}` as MessageKey),
      actions.setHighlightStyle,
    ),
    radioSection<Theme>('theme', t('themeHeading'), THEMES, model.settings.theme, (s) => t(`theme_${s}` as MessageKey), actions.setTheme),
    historySection(model.history, model.historyNotice ?? null, actions),
    backupSection(actions),
  );
}

function autoSection(model: OptionsModel, actions: OptionsActions): HTMLElement {
  const { autoCheck } = model.settings;
  const input = h('input', {
    type: 'text',
    id: 'site-input',
    placeholder: 'news.example.com',
    'aria-label': t('siteInputLabel'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    {
      class: 'add-site',
      on: {
        submit: (e) => {
          e.preventDefault();
          actions.addSite(input.value);
        },
      },
    },
    input,
    h('button', { type: 'submit', id: 'add-site' }, t('addSite')),
  );
  const all = h('input', {
    type: 'checkbox',
    id: 'all-sites',
    checked: autoCheck.allSites,
    on: { change: (e) => actions.setAllSites((e.currentTarget as HTMLInputElement).checked) },
  });
  return h(
    'section',
    { 'aria-labelledby': 'auto-h' },
    h('h2', { id: 'auto-h' }, t('autoHeading')),
    h('p', { class: 'help' }, t('autoHelp')),
    h('label', { class: 'switch' }, all, ' ', t('allSites')),
    autoCheck.sites.length
      ? h(
          'ul',
          { id: 'sites', class: 'sites' },
          ...autoCheck.sites.map((site) => {
            const ok = model.granted.has(site);
            return h(
              'li',
              { 'data-site': site, 'data-granted': String(ok) },
              h('span', { class: 'site' }, site),
              h('span', { class: ok ? 'state ok' : 'state missing' }, ok ? t('siteActive') : t('siteNeedsAccess')),
              ok
                ? null
                : h(
                    'button',
                    { type: 'button', 'aria-label': t('grantSiteLabel', site), on: { click: () => actions.grantSite(site) } },
                    t('grantSite'),
                  ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'remove',
                  'aria-label': t('removeSiteLabel', site),
                  on: { click: () => actions.removeSite(site) },
                },
                t('removeSite'),
              ),
            );
          }),
        )
      : h('p', { id: 'sites', class: 'empty' }, t('noSites')),
    form,
  );
}

function radioSection<T extends string>(
  name: string,
  heading: string,
  values: readonly T[],
  current: T,
  label: (v: T) => string,
  set: (v: T) => void,
): HTMLElement {
  return h(
    'section',
    {},
    h(
      'fieldset',
      {},
      h('legend', {}, heading),
      ...values.map((v) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name, id: `${name}-${v}`, value: v, checked: v === current, on: { change: () => set(v) } }),
          ' ',
          label(v),
        ),
      ),
    ),
  );
}

function historySection(history: readonly HistoryEntry[], notice: HistoryNotice | null, actions: OptionsActions): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'history-h' },
    h('h2', { id: 'history-h' }, t('historyHeading')),
    h('p', { class: 'help' }, t('historyHelp')),
    notice ? h('p', { class: 'notice', role: 'alert', id: 'history-notice' }, historyNoticeText(notice)) : null,
    history.length
      ? h(
          'table',
          { id: 'history' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...(['histTime', 'histPage', 'histVerdict', 'histScore', 'histSource', 'histSpans', 'histTrigger'] as const).map((k) =>
                h('th', { scope: 'col' }, t(k)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...history.map((e) =>
              h(
                'tr',
                { 'data-verdict': e.verdict },
                h('td', {}, h('time', { datetime: e.time }, new Date(e.time).toLocaleString())),
                h('td', {}, h('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer' }, e.title || e.url)),
                h('td', { class: e.verdict }, e.verdict === 'spun' ? t('verdictSpun') : t('verdictClean')),
                h('td', {}, e.score.toFixed(2)),
                h('td', {}, e.publisher ?? '—'),
                h('td', {}, e.spans),
                h('td', {}, e.trigger === 'auto' ? t('triggerAuto') : t('triggerManual')),
              ),
            ),
          ),
        )
      : h('p', { id: 'history', class: 'empty' }, t('historyEmpty')),
    h(
      'button',
      { type: 'button', id: 'clear-history', disabled: history.length === 0, on: { click: () => actions.clearHistory() } },
      t('clearHistory'),
    ),
  );
}

function backupSection(actions: OptionsActions): HTMLElement {
  const file = h('input', {
    type: 'file',
    id: 'import-settings',
    accept: 'application/json,.json',
    class: 'visually-hidden',
    on: {
      change: (e) => {
        const f = (e.currentTarget as HTMLInputElement).files?.[0];
        if (f) actions.importSettings(f);
      },
    },
  });
  return h(
    'section',
    { 'aria-labelledby': 'backup-h' },
    h('h2', { id: 'backup-h' }, t('backupHeading')),
    h('p', { class: 'help' }, t('backupHelp')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', id: 'export-settings', on: { click: () => actions.exportSettings() } }, t('exportSettings')),
      h('button', { type: 'button', id: 'import-button', on: { click: () => file.click() } }, t('importSettings')),
      file,
    ),
  );
}
