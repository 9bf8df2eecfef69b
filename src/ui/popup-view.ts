/**
 * The popup's content for one checked tab: verdict and score, likely original source with its
 * evidence and search links, the page's wording beside the restored wording, repaired credits,
 * and exports. Built with `h`, so every page-derived string is a text node.
 */
import { distinctivePhrases, searchUrl } from '../core/immutables';
import type { Analysis, Span } from '../core/types';
import type { TabState } from '../messaging/protocol';
import { markdownReport, spansCsv } from '../report/report';
import { type CompareAction, compareSection } from './compare-view';
import { h } from './dom';

export interface PopupActions {
  scrollTo(index: number): void;
  compare: CompareAction;
  copy(text: string): Promise<void>;
  download(name: string, type: string, text: string): void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function renderState(state: TabState, actions: PopupActions): HTMLElement {
  const a = state.analysis;
  return h(
    'main',
    { 'aria-label': 'Unspun result' },
    verdictSection(a),
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
  return h(
    'section',
    { class: `verdict ${spun ? 'spun' : 'clean'}`, 'aria-live': 'polite' },
    h('h2', { id: 'verdict', 'data-verdict': spun ? 'spun' : 'clean' }, spun ? 'Spun copy' : 'No spinning found'),
    h('meter', { min: 0, max: 1, low: 0.3, high: 0.5, optimum: 0, value: a.verdict.score, 'aria-label': 'Spin score' }),
    h(
      'p',
      { class: 'score' },
      `Score ${a.verdict.score.toFixed(2)}`,
      spun ? ` · ${words} spun wording${words === 1 ? '' : 's'} · ${a.credits.filter((c) => c.mangled).length} mangled credit(s)` : '',
    ),
  );
}

function sourceSection(state: TabState): HTMLElement {
  const s = state.analysis.source;
  const phrases = distinctivePhrases(state.analysis.restoredText, state.analysis.spans);
  return h(
    'section',
    { class: 'source', 'aria-labelledby': 'source-h' },
    h('h3', { id: 'source-h' }, 'Likely original source'),
    s.publisher
      ? h('p', { class: 'publisher' }, h('strong', {}, s.publisher), ` (${s.domain}) · confidence ${pct(s.confidence)}`)
      : h('p', { class: 'publisher none' }, 'Not identified'),
    s.evidence.length ? h('ul', { class: 'evidence' }, ...s.evidence.slice(0, 6).map((e) => h('li', {}, e))) : null,
    s.candidates.length > 1
      ? h(
          'p',
          { class: 'candidates' },
          `Other candidates: ${s.candidates
            .slice(1, 4)
            .map((c) => `${c.publisher} ${pct(c.confidence)}`)
            .join(', ')}`,
        )
      : null,
    phrases.length
      ? h(
          'details',
          {},
          h('summary', {}, 'Find the original article'),
          h(
            'ul',
            { class: 'search' },
            ...phrases.map((p) =>
              h('li', {}, h('a', { href: searchUrl(p, s.domain), target: '_blank', rel: 'noopener noreferrer' }, `“${p}”`)),
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
        on: { click: () => actions.scrollTo(i), keydown: (e) => (e as KeyboardEvent).key === 'Enter' && actions.scrollTo(i) },
      },
      h('td', { class: 'page' }, s.text),
      h('td', { class: 'restored' }, s.restored),
      h('td', { class: 'conf' }, pct(s.confidence)),
    ),
  );
  return h(
    'section',
    { class: 'spans', 'aria-labelledby': 'spans-h' },
    h('h3', { id: 'spans-h' }, 'Page wording → likely original'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'On the page'),
          h('th', { scope: 'col' }, 'Likely original'),
          h('th', { scope: 'col' }, 'Conf.'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    h('details', { class: 'side' }, h('summary', {}, 'Whole text, side by side'), sideBySide(state.text, spans)),
  );
}

/** The page's text with spun stretches marked, beside the restored text with restorations marked. */
function sideBySide(text: string, spans: readonly Span[]): HTMLElement {
  const page = h('div', { class: 'col page-col', 'aria-label': 'Page wording' });
  const restored = h('div', { class: 'col restored-col', 'aria-label': 'Restored wording' });
  let cursor = 0;
  for (const s of spans) {
    const plain = text.slice(cursor, s.start);
    page.append(plain, h('del', {}, s.text));
    restored.append(plain, h('ins', {}, s.restored));
    cursor = s.end;
  }
  page.append(text.slice(cursor));
  restored.append(text.slice(cursor));
  return h('div', { class: 'columns' }, page, restored);
}

function creditsSection(a: Analysis): HTMLElement | null {
  if (a.credits.length === 0) return null;
  return h(
    'section',
    { class: 'credits', 'aria-labelledby': 'credits-h' },
    h('h3', { id: 'credits-h' }, 'Photo credits'),
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
          : h('li', {}, c.text, ' (intact)'),
      ),
    ),
  );
}

function exportSection(state: TabState, actions: PopupActions): HTMLElement {
  const ctx = { subject: state.url, when: state.checkedAt };
  const json = () => JSON.stringify({ file: state.url, checkedAt: state.checkedAt, ...state.analysis }, null, 2);
  return h(
    'section',
    { class: 'export' },
    h('button', { type: 'button', on: { click: () => void actions.copy(markdownReport(state.analysis, ctx)) } }, 'Copy report'),
    h(
      'button',
      { type: 'button', on: { click: () => actions.download('unspun-audit.md', 'text/markdown', markdownReport(state.analysis, ctx)) } },
      'Markdown',
    ),
    h('button', { type: 'button', on: { click: () => actions.download('unspun-audit.json', 'application/json', json()) } }, 'JSON'),
    h(
      'button',
      { type: 'button', on: { click: () => actions.download('unspun-spans.csv', 'text/csv', spansCsv(state.analysis.spans, ctx)) } },
      'CSV',
    ),
  );
}
