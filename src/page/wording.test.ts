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
  it('replaces spun words in place and puts the page text back exactly', () => {
    const { root, page } = article('<p>The White <b>Home</b> chief mentioned he instructed officers.</p><p>He mentioned it.</p>');
    const before = root.innerHTML;
    const nodesBefore = [...root.querySelectorAll('*')];
    const spans = [
      span('White Home', page.text, 'White House'),
      span('mentioned', page.text, 'said'),
      span('instructed', page.text, 'told'),
      span('mentioned', page.text, 'said', page.text.lastIndexOf('mentioned')),
    ];
    const swap = swapToRestored(document, page.segments, spans);
    expect(root.textContent).toBe('The White House chief said he told officers.He said it.');
    expect([...root.querySelectorAll('*')]).toEqual(nodesBefore);
    swap.undo();
    expect(root.innerHTML).toBe(before);
  });

  it('gives a range over each restored wording', () => {
    const { page } = article('<p>Trump mentioned he instructed U.S. officers.</p>');
    const swap = swapToRestored(document, page.segments, [span('mentioned', page.text, 'said'), span('instructed', page.text, 'told')]);
    expect([0, 1].map((i) => swap.ranges.at(i)?.toString())).toEqual(['said', 'told']);
    swap.undo();
  });

  it('leaves a node alone on undo when the page rewrote it meanwhile', () => {
    const { root, page } = article('<p>He mentioned it.</p>');
    const swap = swapToRestored(document, page.segments, [span('mentioned', page.text, 'said')]);
    (root.querySelector('p')?.firstChild as Text).data = 'Live update.';
    swap.undo();
    expect(root.textContent).toBe('Live update.');
  });
});
