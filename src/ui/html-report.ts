/**
 * The HTML audit report: one self-contained file a journalist can open, print or attach. It holds
 * the verdict, the likely original source with its evidence and search links, the spun wording
 * table, the credits, and the whole article with each spun stretch struck through beside its
 * likely original (as tracked changes).
 *
 * Page text is hostile data, and this file is opened later from disk, outside the extension. So
 * the report is a DOM built with `h` (page strings become text nodes, `on*` attributes and
 * non-http(s) links are refused) and serialised by the browser, which escapes text by
 * construction; nothing page-derived is ever parsed as markup. The file also carries a
 * Content-Security-Policy that allows no script and no request at all. (No DOMPurify: there is no
 * markup to sanitise, and bundled into the Firefox build its own innerHTML assignments fail
 * `web-ext lint`, whose list of known libraries stops at DOMPurify 2.3.)
 */
import { distinctivePhrases, searchUrl } from '../core/immutables';
import type { Span } from '../core/types';
import type { TabState } from '../messaging/protocol';
import { pct, sourceLine, verdictLine } from '../report/report';
import { h } from './dom';

/** No script, no style sheet or font or image from anywhere, no form, no frame: the file runs and fetches nothing. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.2rem 0.5rem; border-bottom: 1px solid #e3e3e3; }
del { background: #fde2e1; color: #8a1c17; }
ins { background: #dcf5dd; color: #11521a; text-decoration: none; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; }
.article ins::before { content: " → "; color: #666; }
.meta, small { color: #555; }
@media print { a { color: inherit; } }
`;

/** The complete report file for a checked tab: the policy comes before anything the page's text is in. */
export function htmlReport(state: TabState): string {
  const doc = document.implementation.createHTMLDocument();
  const title = doc.createElement('title');
  title.textContent = `Unspun audit: ${state.title || state.url}`;
  // A file opened from disk has no Content-Type header to name its encoding.
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = REPORT_CSP;
  const referrer = doc.createElement('meta');
  referrer.name = 'referrer';
  referrer.content = 'no-referrer';
  const style = doc.createElement('style');
  style.textContent = STYLE;
  doc.head.prepend(charset, csp);
  doc.head.append(title, referrer, style);
  doc.documentElement.lang = 'en';
  doc.body.append(reportBody(state));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

function reportBody(state: TabState): HTMLElement {
  const a = state.analysis;
  const words = a.spans.filter((s) => s.kind !== 'credit');
  return h(
    'main',
    {},
    h(
      'header',
      {},
      h('h1', {}, 'Unspun audit report'),
      h('p', {}, h('strong', {}, state.title || state.url)),
      h('p', { class: 'meta' }, /^https?:/i.test(state.url) ? h('a', { href: state.url }, state.url) : state.url),
      h('p', { class: 'meta' }, `Checked ${state.checkedAt}, analysed locally by Unspun in ${a.timings.totalMs.toFixed(1)} ms.`),
    ),
    h('section', { class: 'verdict' }, h('h2', {}, 'Verdict'), h('p', {}, verdictLine(a))),
    sourceSection(state),
    h(
      'section',
      { class: 'spans' },
      h('h2', {}, 'Spun wording'),
      words.length === 0
        ? h('p', {}, 'None found.')
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, ...['Offset', 'On the page', 'Likely original', 'Kind', 'Confidence'].map((c) => h('th', { scope: 'col' }, c))),
            ),
            h(
              'tbody',
              {},
              ...words.map((s) =>
                h(
                  'tr',
                  {},
                  h('td', {}, s.start),
                  h('td', {}, h('del', {}, s.text)),
                  h('td', {}, h('ins', {}, s.restored)),
                  h('td', {}, s.kind),
                  h('td', {}, pct(s.confidence)),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'credits' },
      h('h2', {}, 'Photo credits'),
      a.credits.length === 0
        ? h('p', {}, 'None found.')
        : h(
            'ul',
            {},
            ...a.credits.map((c) =>
              h(
                'li',
                {},
                ...(c.mangled ? [h('del', {}, c.text), ' → ', h('ins', {}, c.restored)] : [c.text, ' (intact)']),
                ...c.notes.map((n) => h('div', { class: 'note' }, n)),
              ),
            ),
          ),
    ),
    h('section', {}, h('h2', {}, 'The article, with likely original wording'), trackedChanges(state.text, a.spans)),
  );
}

function sourceSection(state: TabState): HTMLElement {
  const s = state.analysis.source;
  const phrases = distinctivePhrases(state.text, state.analysis.spans);
  return h(
    'section',
    { class: 'source' },
    h('h2', {}, 'Likely original source'),
    h('p', {}, sourceLine(state.analysis)),
    s.evidence.length ? h('ul', {}, ...s.evidence.map((e) => h('li', {}, e))) : null,
    s.candidates.length > 1
      ? h('p', {}, `Candidates: ${s.candidates.map((c) => `${c.publisher} (${c.domain}) ${pct(c.confidence)}`).join(', ')}`)
      : null,
    phrases.length
      ? h(
          'div',
          {},
          h('p', {}, 'Find the original: search for passages the spinner left alone.'),
          h('ul', {}, ...phrases.map((p) => h('li', {}, h('a', { href: searchUrl(p, s.domain) }, `“${p}”`)))),
        )
      : null,
  );
}

/** The article as analysed: each spun stretch struck through, its likely original inserted after it. */
function trackedChanges(text: string, spans: readonly Span[]): HTMLElement {
  const out = h('div', { class: 'article' });
  let cursor = 0;
  for (const s of spans) {
    out.append(text.slice(cursor, s.start), h('del', { title: `likely original: ${s.restored}` }, s.text), h('ins', {}, s.restored));
    cursor = s.end;
  }
  out.append(text.slice(cursor));
  return out;
}
