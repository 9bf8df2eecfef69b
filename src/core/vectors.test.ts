import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLanguageModel } from './lm';
import { decodeVectors, type WordVectors } from './vectors';

const read = (name: string) =>
  new Uint8Array(gunzipSync(readFileSync(fileURLToPath(new URL(`../../public/data/${name}`, import.meta.url)))));
const lm = decodeLanguageModel(read('lm.bin.gz'));
const bytes = read('vectors.bin.gz');
const vectors = decodeVectors(bytes, lm.size);

function vectorOf(v: WordVectors, word: string): Float64Array {
  const row = v.row(lm.id(word));
  expect(row, word).toBeGreaterThanOrEqual(0);
  const out = new Float64Array(v.dims);
  v.addTo(row, out, 0);
  return out;
}

function similarity(v: WordVectors, a: string, b: string): number {
  const x = vectorOf(v, a);
  const y = vectorOf(v, b);
  return x.reduce((s, xi, d) => s + xi * (y[d] as number), 0);
}

describe('word vectors', () => {
  it('decode the shipped asset into unit rows for the commoner content words', () => {
    expect(vectors.dims).toBe(16);
    for (const word of ['stocks', 'election', 'football', 'weather', 'ground', 'found']) {
      const v = vectorOf(vectors, word);
      expect(v.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
      // added twice (the length is computed on the first use, then reused), it is twice as long
      const twice = new Float64Array(vectors.dims);
      const row = vectors.row(lm.id(word));
      vectors.addTo(row, twice, 0);
      vectors.addTo(row, twice, 0);
      expect(twice.reduce((s, x) => s + x * x, 0)).toBeCloseTo(4, 5);
    }
    // Function words and rare words have none: they say nothing of a page's topic.
    expect(vectors.row(lm.id('the'))).toBe(-1);
    expect(vectors.row(lm.id('of'))).toBe(-1);
    expect(vectors.row(-1)).toBe(-1);
    expect(vectors.row(lm.size + 5)).toBe(-1);
  });

  it('place words of one topic nearer each other than words of another', () => {
    expect(similarity(vectors, 'stocks', 'investors')).toBeGreaterThan(similarity(vectors, 'stocks', 'soldiers'));
    expect(similarity(vectors, 'election', 'campaign')).toBeGreaterThan(similarity(vectors, 'election', 'press'));
    expect(similarity(vectors, 'rally', 'shares')).toBeGreaterThan(similarity(vectors, 'summon', 'shares'));
  });

  it('refuse an asset built for another language model, and say how to mend it', () => {
    expect(() => decodeVectors(bytes, lm.size + 1)).toThrow(/npm run data/);
  });

  it('refuse truncated or foreign bytes with a clear error', () => {
    expect(() => decodeVectors(bytes.subarray(0, bytes.length - 100), lm.size)).toThrow(/end of data/);
    expect(() => decodeVectors(new TextEncoder().encode('not vectors at all'))).toThrow(/magic/);
  });
});
