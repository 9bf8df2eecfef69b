// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { readPage } from './extract';
import { swapToRestored } from './wording';

const span = (text: string, full: string, restored: string, from = 0): Span => {
  const start = full.indexOf(text, from);
  return { start, end: start + text.length, text, restored, alternatives: [], confidence: 0.9, kind: 'synonym' };
};

function article(html: string) {
  document.body.innerHTML = `<article>${html}</article>`;
  const root = document.querySelector('article') as Element;
  return { root, page: readPage(root) };
}

describe('restored wording on the page', () => {
  it('replaces spun words in place and puts the page text back exactly', async () => {
    const { root, page } = article('<p>The White <b>Home</b> chief mentioned he instructed officers.</p><p>He mentioned it.</p>');
    const before = root.innerHTML;
    const nodesBefore = [...root.querySelectorAll('*')];
    const spans = [
      span('White Home', page.text, 'White House'),
      span('mentioned', page.text, 'said'),
      span('instructed', page.text, 'told'),
      span('mentioned', page.text, 'said', page.text.lastIndexOf('mentioned')),
    ];
    const swap = await swapToRestored(document, page.segments, spans);
    expect(root.textContent).toBe('The White House chief said he told officers.He said it.');
    expect([...root.querySelectorAll('*')]).toEqual(nodesBefore);
    await swap.undo();
    expect(root.innerHTML).toBe(before);
  });

  it('gives a range over each restored wording', async () => {
    const { page } = article('<p>Trump mentioned he instructed U.S. officers.</p>');
    const swap = await swapToRestored(document, page.segments, [
      span('mentioned', page.text, 'said'),
      span('instructed', page.text, 'told'),
    ]);
    expect([0, 1].map((i) => swap.ranges.at(i)?.toString())).toEqual(['said', 'told']);
    await swap.undo();
  });

  it('leaves a node alone on undo when the page rewrote it meanwhile', async () => {
    const { root, page } = article('<p>He mentioned it.</p>');
    const swap = await swapToRestored(document, page.segments, [span('mentioned', page.text, 'said')]);
    (root.querySelector('p')?.firstChild as Text).data = 'Live update.';
    await swap.undo();
    expect(root.textContent).toBe('Live update.');
  });

  it('edits a long article in slices, with the same result both ways', async () => {
    const paras = Array.from({ length: 40 }, (_, i) => `<p>Para ${i}: Trump mentioned he instructed <b>officers</b>.</p>`).join('');
    const { root, page } = article(paras);
    const before = root.innerHTML;
    const spans: Span[] = [];
    for (let at = page.text.indexOf('mentioned'); at >= 0; at = page.text.indexOf('mentioned', at + 1)) {
      spans.push(span('mentioned', page.text, 'said', at), span('instructed', page.text, 'told', at));
    }
    let slices = 0;
    let pauses = 0;
    const options = {
      pacer: () => ({ due: () => true, pause: async () => void pauses++ }),
      slice: (edit: () => void) => {
        slices++;
        edit();
      },
    };
    const swap = await swapToRestored(document, page.segments, spans, options);
    expect(root.textContent).toBe(page.text.replaceAll('mentioned', 'said').replaceAll('instructed', 'told').replaceAll('\n', ''));
    expect(slices).toBe(spans.length);
    expect(pauses).toBe(spans.length - 1);
    expect(swap.ranges.at(79)?.toString()).toBe('told');
    await swap.undo();
    expect(root.innerHTML).toBe(before);
    expect(slices).toBeGreaterThan(spans.length + 40);
  });
});
