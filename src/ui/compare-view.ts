/** "Compare with the original": a URL form and, once fetched, the aligned differences. */
import type { Comparison } from '../core/compare';
import { h } from './dom';

export type CompareAction = (url: string) => Promise<Comparison>;

export function compareSection(compare: CompareAction): HTMLElement {
  const input = h('input', {
    type: 'url',
    id: 'original-url',
    placeholder: 'https://publisher.example/original-article',
    'aria-label': 'Address of the original article',
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
          status.textContent = 'Fetching the original…';
          result.replaceChildren();
          compare(input.value.trim()).then(
            (c) => {
              status.textContent = '';
              result.replaceChildren(renderComparison(c));
            },
            (err: unknown) => {
              status.textContent = `Could not compare: ${err instanceof Error ? err.message : String(err)}`;
            },
          );
        },
      },
    },
    input,
    h('button', { type: 'submit' }, 'Compare'),
  );
  return h('details', { class: 'compare' }, h('summary', {}, 'Compare with the original article'), form, status, result);
}

export function renderComparison(c: Comparison): HTMLElement {
  const verdict = {
    copy: 'This page is a copy of the original',
    related: 'This page is related to the original',
    different: 'This page is not a copy of it',
  }[c.verdict];
  return h(
    'div',
    { id: 'comparison', 'data-verdict': c.verdict },
    h(
      'p',
      { class: 'compare-verdict' },
      h('strong', {}, verdict),
      ` — ${(c.similarity * 100).toFixed(1)}% of the original's words kept in order`,
    ),
    h(
      'p',
      { class: 'compare-counts' },
      `${c.changes.length} differences` +
        (c.detectedChanges !== undefined ? `; Unspun flagged ${c.detectedChanges} and restored ${c.restoredChanges} exactly` : ''),
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
