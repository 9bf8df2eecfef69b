// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage, readPageInSlices } from './extract';
import { createPacer, type Pacer } from './slices';

describe('slicing long page work', () => {
  it('reads the same text and segments in slices as in one go', async () => {
    const paras = Array.from({ length: 400 }, (_, i) => `<p>Para ${i} <b>mentioned</b> <i>it</i> <a href="#">here</a>.</p>`);
    document.body.innerHTML = `<article><h1>Title</h1>${paras.join('')}<textarea>typed</textarea></article>`;
    const root = document.querySelector('article') as Element;
    let pauses = 0;
    const pacer: Pacer = { due: () => true, pause: async () => void pauses++ };
    const sliced = await readPageInSlices(root, pacer);
    const whole = readPage(root);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.segments).toEqual(whole.segments);
    expect(pauses).toBeGreaterThan(5);
  });

  it('stops a sliced read at the character limit like the whole read', async () => {
    document.body.innerHTML = `<article>${'<p>word word word</p>'.repeat(500)}</article>`;
    const root = document.querySelector('article') as Element;
    const pacer: Pacer = { due: () => true, pause: async () => undefined };
    expect((await readPageInSlices(root, pacer, 1000)).text).toBe(readPage(root, 1000).text);
  });

  it('yields to the page only after a slice has used its time, and never in a hidden tab', async () => {
    let yields = 0;
    const pacer = createPacer(document, 1_000_000, async () => void yields++);
    expect(pacer.due()).toBe(false);
    await pacer.pause();
    expect(yields).toBe(1);
    const hidden = { visibilityState: 'hidden' } as Document;
    await createPacer(hidden, 0, async () => void yields++).pause();
    expect(yields).toBe(1);
    expect(createPacer(document, 0).due()).toBe(true);
  });
});
