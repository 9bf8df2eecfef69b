import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lattice } from './lattice';
import { topicFit } from './topic';
import type { WordVectors } from './vectors';

// Word ids 1..5 with two-dimensional vectors: 1–3 about markets, 4 about weather; 9 has none.
const ROWS: Record<number, [number, number]> = { 1: [1, 0], 2: [0.96, 0.28], 3: [0.8, 0.6], 4: [0, 1], 5: [0.6, 0.8] };
const ids = Object.keys(ROWS).map(Number);
const vectors: WordVectors = {
  dims: 2,
  row: (id) => ids.indexOf(id),
  addTo: (row, out, at) => {
    const [x, y] = ROWS[ids[row] as number] as [number, number];
    out[at] = (out[at] as number) + x;
    out[at + 1] = (out[at + 1] as number) + y;
  },
};

/**
 * A lattice over page words `page` (one id each) where position `at` may be restored to each of
 * `originals` (lists of ids), from a thesaurus (option `spinnerOption` from the spinner table). Only the
 * fields topicFit reads are filled in.
 */
function lattice(page: number[], at: number, originals: number[][], spinnerOption = -1): Lattice {
  const first: number[] = [];
  const length: number[] = [];
  const idsFrom: number[] = [];
  const flat: number[] = [];
  const option = (len: number, words: number[]) => {
    length.push(len);
    idsFrom.push(flat.length);
    flat.push(...words);
  };
  page.forEach((id, i) => {
    first.push(length.length);
    option(1, [id]);
    if (i === at) for (const o of originals) option(1, o);
  });
  first.push(length.length);
  idsFrom.push(flat.length);
  return {
    tokens: page.map(() => ({})),
    candidate: length.map((_, o) => (first.includes(o) ? null : { source: o === spinnerOption ? 'spinner' : 'wordnet' })),
    first: Int32Array.from(first),
    length: Uint8Array.from(length),
    idsFrom: Int32Array.from(idsFrom),
    ids: Int32Array.from(flat),
  } as unknown as Lattice;
}

describe('topicFit', () => {
  it('favours the original that fits the words around it over the page’s off-topic word', () => {
    // markets, markets, [weather word], markets: restoring it to a markets word fits best, to a word between the two less.
    const fit = topicFit(lattice([1, 2, 4, 1], 2, [[3], [5]]), vectors, 30);
    const [keep, markets, weather] = [fit[2], fit[3], fit[4]].map(Number) as [number, number, number];
    expect(keep).toBe(0);
    expect(markets).toBeGreaterThan(0.5);
    expect(weather).toBeGreaterThan(0);
    expect(weather).toBeLessThan(markets);
  });

  it('counts against a restoration that leaves the page’s topic', () => {
    const fit = topicFit(lattice([1, 2, 3, 1], 2, [[4]]), vectors, 30);
    expect(fit[3] as number).toBeLessThan(0);
  });

  it('says nothing where neither side has a vector, or no word around has one', () => {
    expect(topicFit(lattice([1, 9, 1], 1, [[8]]), vectors, 30)[2]).toBe(0);
    expect(topicFit(lattice([9, 9, 9], 1, [[1]]), vectors, 30)[2]).toBe(0);
    // the page has vectors, but not within the window: no penalty for the word without one
    expect(topicFit(lattice([1, 2, 9, 9, 9, 9, 8, 9], 6, [[3]]), vectors, 2)[7]).toBe(0);
  });

  it('weighs an original that has no vector as the page’s typical word', () => {
    // an off-topic page word restored to a word without a vector: better than the off-topic word
    expect(topicFit(lattice([1, 2, 4, 3, 1], 2, [[9]]), vectors, 30)[3] as number).toBeGreaterThan(0);
  });

  it('weighs a page word that has no vector as the page’s typical word', () => {
    // markets words around a word without a vector (a rare or function word): a markets original fits
    // better than the page's words fit their neighbours, a weather original worse.
    const fit = topicFit(lattice([1, 2, 9, 3, 1], 2, [[2], [4]]), vectors, 30);
    expect(fit[3] as number).toBeGreaterThan(0);
    expect(fit[4] as number).toBeLessThan(0);
  });

  it('leaves the spinner table’s swaps to their own evidence, whatever the topic', () => {
    // the same off-topic restoration as above, but a swap the spinner table holds
    expect(topicFit(lattice([1, 2, 3, 1], 2, [[4]], 3), vectors, 30)[3]).toBe(0);
  });

  it('gives every option a difference of two cosines, and keeping a word none, whatever the vectors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 20 }),
        (page, at, originals, window) => {
          const l = lattice(page, at % page.length, originals);
          const fit = topicFit(l, vectors, window);
          for (let o = 0; o < fit.length; o++) {
            expect(Math.abs(fit[o] as number)).toBeLessThanOrEqual(2 + 1e-9);
            if (Array.from(l.first).includes(o)) expect(fit[o]).toBe(0);
          }
        },
      ),
    );
  });

  it('reads only the window of tokens on each side', () => {
    // Far-off weather words are out of a one-token window, so only the markets neighbours count.
    const page = [4, 4, 4, 1, 2, 1, 4, 4, 4];
    const near = topicFit(lattice(page, 4, [[3]]), vectors, 1)[5] as number;
    const wide = topicFit(lattice(page, 4, [[3]]), vectors, 30)[5] as number;
    expect(near).not.toBeCloseTo(wide, 3);
  });
});
