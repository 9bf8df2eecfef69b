/**
 * The popup's content for one checked tab: verdict and score, page actions (restored wording,
 * automatic checks for this site), likely original source with its evidence and search links,
 * the page's wording beside the restored wording, repaired credits, and exports. Built with `h`,
 * so every page-derived string is a text node; every label comes from the locale files.
 */
import { distinctivePhrases, searchUrl } from '../core/immutables';
import type { Analysis, Span } from '../core/types';
import type { TabState } from '../messaging/protocol';
import { t } from '../platform/i18n';
import { markdownReport, pct, spansCsv } from '../report/report';
import { type CompareAction, compareSection } from './compare-view';
import { h } from './dom';
import { htmlReport } from './html-report';

export interface PopupActions {
  scrollTo(index: number): void;
  compare: CompareAction;
  copy(text: string): Promise<void>;
  download(name: string, type: string, text: string): void;
  /** Show the page in restored wording (true) or its own (false); resolves to the state now shown. */
  setWording(restored: boolean): Promise<boolean>;
  /** Turn on automatic checks for the page's site; null when it is already on or not possible. */
  allowSite: (() => Promise<boolean>) | null;
  openOptions(): void;
}

export function renderState(state: TabState, actions: PopupActions): HTMLElement {
  const a = state.analysis;
  return h(
    'main',
    { 'aria-label': t('popupResultLabel') },
    verdictSection(a),
    pageActions(a, actions),
    sourceSection(state),
    h('section', { class: 'compare-wrap' }, compareSection(actions.compare)),
    spansSection(state, actions),
    creditsSection(a),
    exportSection(state, actions),
  );
}

function verdictSection(a: Analysis): HTMLElement {
  const spun = a.verdict.spun;
  const words = a.spans.filter((s) => s.kind !== 'credit').length;
  const mangled = a.credits.filter((c) => c.mangled).length;
  return h(
    'section',
    { class: `verdict ${spun ? 'spun' : 'clean'}`, 'aria-live': 'polite' },
    h('h2', { id: 'verdict', 'data-verdict': spun ? 'spun' : 'clean' }, spun ? t('verdictSpun') : t('verdictClean')),
    h('meter', { min: 0, max: 1, low: 0.3, high: 0.5, optimum: 0, value: a.verdict.score, 'aria-label': t('spinScoreLabel') }),
    h('p', { class: 'score' }, t('scoreLine', a.verdict.score.toFixed(2)), spun ? ` · ${t('spunCounts', words, mangled)}` : ''),
  );
}

function pageActions(a: Analysis, actions: PopupActions): HTMLElement {
  const status = h('span', { class: 'action-status', role: 'status' });
  const wording = h(
    'button',
    {
      type: 'button',
      id: 'toggle-wording',
      'aria-pressed': 'false',
      disabled: a.spans.length === 0,
      on: {
        click: () => {
          const want = wording.getAttribute('aria-pressed') !== 'true';
          actions.setWording(want).then(
            (shown) => {
              wording.setAttribute('aria-pressed', String(shown));
              wording.textContent = shown ? t('showPageWording') : t('showRestoredWording');
            },
            () => {
              status.textContent = t('wordingFailed');
            },
          );
        },
      },
    },
    t('showRestoredWording'),
  );
  const allow = actions.allowSite;
  const site = allow
    ? h(
        'button',
        {
          type: 'button',
          id: 'allow-site',
          on: {
            click: () => {
              allow().then(
                (ok) => {
                  status.textContent = ok ? t('siteAdded') : t('siteNotGranted');
                  if (ok) site?.remove();
                },
                () => {
                  status.textContent = t('siteNotGranted');
                },
              );
            },
          },
        },
        t('allowThisSite'),
      )
    : null;
  const options = h('button', { type: 'button', id: 'open-options', on: { click: () => actions.openOptions() } }, t('openOptions'));
  return h('section', { class: 'page-actions', 'aria-label': t('pageActionsLabel') }, wording, site, options, status);
}

function sourceSection(state: TabState): HTMLElement {
  const s = state.analysis.source;
  const phrases = distinctivePhrases(state.text, state.analysis.spans);
  return h(
    'section',
    { class: 'source', 'aria-labelledby': 'source-h' },
    h('h3', { id: 'source-h' }, t('sourceHeading')),
    s.publisher
      ? h('p', { class: 'publisher' }, h('strong', {}, s.publisher), ` (${s.domain}) · ${t('confidence', pct(s.confidence))}`)
      : h('p', { class: 'publisher none' }, t('sourceNotIdentified')),
    s.evidence.length ? h('ul', { class: 'evidence' }, ...s.evidence.slice(0, 6).map((e) => h('li', {}, e))) : null,
    s.candidates.length > 1
      ? h(
          'p',
          { class: 'candidates' },
          t(
            'otherCandidates',
            s.candidates
              .slice(1, 4)
              .map((c) => `${c.publisher} ${pct(c.confidence)}`)
              .join(', '),
          ),
        )
      : null,
    phrases.length
      ? h(
          'details',
          {},
          h('summary', {}, t('findOriginal')),
          h(
            'ul',
            { class: 'search' },
            ...phrases.map((p) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: searchUrl(p, s.domain), target: '_blank', rel: 'noopener noreferrer', 'aria-label': t('searchFor', p) },
                  `“${p}”`,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

function spansSection(state: TabState, actions: PopupActions): HTMLElement | null {
  const spans = state.analysis.spans;
  if (spans.length === 0) return null;
  const rows = spans.map((s, i) =>
    h(
      'tr',
      {
        tabindex: 0,
        'data-kind': s.kind,
        'aria-label': t('spanRowLabel', s.text, s.restored),
        on: {
          click: () => actions.scrollTo(i),
          keydown: (e) => {
            const key = (e as KeyboardEvent).key;
            if (key === 'Enter' || key === ' ') {
              e.preventDefault();
              actions.scrollTo(i);
            } else if (key === 'ArrowDown' || key === 'ArrowUp') {
              e.preventDefault();
              const row = (e.currentTarget as HTMLElement)[key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'];
              (row as HTMLElement | null)?.focus();
            }
          },
        },
      },
      h('td', { class: 'page' }, s.text),
      h('td', { class: 'restored' }, s.restored),
      h('td', { class: 'conf' }, pct(s.confidence)),
    ),
  );
  return h(
    'section',
    { class: 'spans', 'aria-labelledby': 'spans-h' },
    h('h3', { id: 'spans-h' }, t('spansHeading')),
    h(
      'table',
      { 'aria-describedby': 'spans-hint' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('colOnPage')),
          h('th', { scope: 'col' }, t('colLikelyOriginal')),
          h('th', { scope: 'col', title: t('colConfidenceFull') }, t('colConfidence')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    h('p', { id: 'spans-hint', class: 'hint' }, t('spansHint')),
    h('details', { class: 'side' }, h('summary', {}, t('sideBySide')), sideBySide(state.text, spans)),
  );
}

/** The page's text with spun stretches marked, beside the restored text with restorations marked. */
function sideBySide(text: string, spans: readonly Span[]): HTMLElement {
  const page = h('div', { class: 'col page-col', 'aria-label': t('pageWordingLabel') });
  const restored = h('div', { class: 'col restored-col', 'aria-label': t('restoredWordingLabel') });
  let cursor = 0;
  for (const s of spans) {
    const plain = text.slice(cursor, s.start);
    page.append(plain, h('del', {}, s.text));
    restored.append(plain, h('ins', {}, s.restored));
    cursor = s.end;
  }
  page.append(text.slice(cursor));
  restored.append(text.slice(cursor));
  return h('div', { class: 'columns', tabindex: 0 }, page, restored);
}

function creditsSection(a: Analysis): HTMLElement | null {
  if (a.credits.length === 0) return null;
  return h(
    'section',
    { class: 'credits', 'aria-labelledby': 'credits-h' },
    h('h3', { id: 'credits-h' }, t('creditsHeading')),
    h(
      'ul',
      {},
      ...a.credits.map((c) =>
        c.mangled
          ? h(
              'li',
              { class: 'mangled' },
              h('del', {}, c.text),
              ' → ',
              h('ins', {}, c.restored),
              ...c.notes.map((n) => h('div', { class: 'note' }, n)),
            )
          : h('li', {}, c.text, ` ${t('creditIntact')}`),
      ),
    ),
  );
}

/** The JSON export: the analysis contract (version, verdict, spans, restoredText, credits, source) plus where and when. */
export function exportJson(state: TabState): string {
  return JSON.stringify({ file: state.url, checkedAt: state.checkedAt, ...state.analysis }, null, 2);
}

function exportSection(state: TabState, actions: PopupActions): HTMLElement {
  const ctx = { subject: state.url, when: state.checkedAt };
  const status = h('span', { class: 'action-status', role: 'status' });
  return h(
    'section',
    { class: 'export', 'aria-label': t('exportLabel') },
    h(
      'button',
      {
        type: 'button',
        on: {
          click: () =>
            void actions.copy(markdownReport(state.analysis, ctx)).then(
              () => {
                status.textContent = t('copied');
              },
              () => {
                status.textContent = t('copyFailed');
              },
            ),
        },
      },
      t('copyReport'),
    ),
    h(
      'button',
      {
        type: 'button',
        'aria-label': t('downloadMarkdownLabel'),
        on: { click: () => actions.download('unspun-audit.md', 'text/markdown', markdownReport(state.analysis, ctx)) },
      },
      'Markdown',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'export-html',
        'aria-label': t('downloadHtmlLabel'),
        on: { click: () => actions.download('unspun-audit.html', 'text/html', htmlReport(state)) },
      },
      'HTML',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'export-json',
        'aria-label': t('downloadJsonLabel'),
        on: { click: () => actions.download('unspun-audit.json', 'application/json', exportJson(state)) },
      },
      'JSON',
    ),
    h(
      'button',
      {
        type: 'button',
        'aria-label': t('downloadCsvLabel'),
        on: { click: () => actions.download('unspun-spans.csv', 'text/csv', spansCsv(state.analysis.spans, ctx)) },
      },
      'CSV',
    ),
    status,
  );
}
