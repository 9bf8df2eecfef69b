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

function similarity(v: WordVectors, a: string, b: string): number {
  const ra = v.row(lm.id(a));
  const rb = v.row(lm.id(b));
  expect(ra, a).toBeGreaterThanOrEqual(0);
  expect(rb, b).toBeGreaterThanOrEqual(0);
  let s = 0;
  for (let d = 0; d < v.dims; d++) s += (v.data[ra * v.dims + d] as number) * (v.data[rb * v.dims + d] as number);
  return s;
}

describe('word vectors', () => {
  it('decode the shipped asset into unit rows for the commoner content words', () => {
    expect(vectors.dims).toBe(16);
    for (let row = 0; row < vectors.data.length / vectors.dims; row += 997) {
      let norm = 0;
      for (let d = 0; d < vectors.dims; d++) norm += (vectors.data[row * vectors.dims + d] as number) ** 2;
      expect(norm).toBeCloseTo(1, 5);
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
