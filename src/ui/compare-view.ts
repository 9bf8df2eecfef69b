/** "Compare with the original": a URL form and, once fetched, the aligned differences. */
import type { Comparison } from '../core/compare';
import { t } from '../platform/i18n';
import { h } from './dom';

export type CompareAction = (url: string) => Promise<Comparison>;

export function compareSection(compare: CompareAction): HTMLElement {
  const input = h('input', {
    type: 'url',
    id: 'original-url',
    placeholder: 'https://publisher.example/original-article',
    'aria-label': t('compareUrlLabel'),
    required: true,
  });
  const status = h('p', { class: 'compare-status', role: 'status' });
  const result = h('div', { class: 'compare-result' });
  const form = h(
    'form',
    {
      class: 'compare-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          status.textContent = t('compareFetching');
          result.replaceChildren();
          compare(input.value.trim()).then(
            (c) => {
              status.textContent = '';
              result.replaceChildren(renderComparison(c));
            },
            (err: unknown) => {
              status.textContent = t('compareFailed', err instanceof Error ? err.message : String(err));
            },
          );
        },
      },
    },
    input,
    h('button', { type: 'submit' }, t('compareButton')),
  );
  return h('details', { class: 'compare' }, h('summary', {}, t('compareSummary')), form, status, result);
}

export function renderComparison(c: Comparison): HTMLElement {
  const verdict = { copy: t('compareCopy'), related: t('compareRelated'), different: t('compareDifferent') }[c.verdict];
  return h(
    'div',
    { id: 'comparison', 'data-verdict': c.verdict },
    h('p', { class: 'compare-verdict' }, h('strong', {}, verdict), ` — ${t('compareSimilarity', (c.similarity * 100).toFixed(1))}`),
    h(
      'p',
      { class: 'compare-counts' },
      t('compareDifferences', c.changes.length) +
        (c.detectedChanges !== undefined ? `; ${t('compareFlagged', c.detectedChanges, c.restoredChanges ?? 0)}` : ''),
    ),
    h(
      'ul',
      { class: 'changes' },
      ...c.changes
        .slice(0, 200)
        .map((ch) =>
          h(
            'li',
            { class: ch.predicted ? 'predicted' : '' },
            h('del', {}, ch.repost?.text ?? '∅'),
            ' → ',
            h('ins', {}, ch.original?.text ?? '∅'),
            ch.predicted ? ' ✓' : '',
          ),
        ),
    ),
  );
}
