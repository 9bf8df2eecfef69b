import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLanguageModel, type LanguageModel } from './lm';

const asset = fileURLToPath(new URL('../../public/data/lm.bin.gz', import.meta.url));
const bytes = new Uint8Array(gunzipSync(readFileSync(asset)));
const lm: LanguageModel = decodeLanguageModel(bytes);
const bg = (a: string, b: string): number => lm.bigram(lm.id(a), lm.id(b));

describe('language model', () => {
  it('decodes the shipped asset quickly', () => {
    const t0 = performance.now();
    const again = decodeLanguageModel(bytes);
    const ms = performance.now() - t0;
    expect(again.size).toBe(lm.size);
    expect(ms).toBeLessThan(1000);
  });

  it('has a large news vocabulary including apostrophe forms', () => {
    expect(lm.size).toBeGreaterThan(50000);
    for (const w of ["don't", "it's", "'s", 'said', 'ministers', 'zuckerberg']) expect(lm.id(w)).toBeGreaterThanOrEqual(0);
    expect(lm.word(lm.id("don't"))).toBe("don't");
  });

  it('expects callers to normalise case and curly apostrophes', () => {
    expect(lm.id('It’s')).toBe(-1);
    expect(lm.id('The')).toBe(-1);
  });

  it('has sentence start and end markers', () => {
    expect(lm.word(lm.startId)).toBe('<s>');
    expect(lm.word(lm.endId)).toBe('</s>');
    expect(lm.bigram(lm.startId, lm.id('the'))).toBeGreaterThan(lm.unigram(lm.id('the')));
  });

  it("scores 'new york' above 'new yolk'", () => {
    expect(Math.abs(bg('new', 'york') + 0.63)).toBeLessThan(0.1);
    expect(bg('new', 'york')).toBeGreaterThan(bg('new', 'yolk') + 3);
  });

  it("keeps frequent pairs like 'of the' with their real probability", () => {
    expect(Math.abs(bg('of', 'the') + 0.7)).toBeLessThan(0.1);
  });

  it("prefers 'getty images' to the spun 'getty photos'", () => {
    expect(bg('getty', 'images')).toBeGreaterThan(bg('getty', 'photos') + 2);
  });

  it('backs off to backoff(prev) + unigram for pairs it does not store', () => {
    const prev = lm.id('getty');
    const w = lm.id('photos');
    const viaOther = lm.bigram(lm.id('zyuganov'), w) - lm.unigram(w);
    expect(viaOther).toBeLessThanOrEqual(0.2);
    expect(lm.bigram(prev, w)).toBeLessThan(lm.unigram(w));
  });

  it('gives unknown words the unknown log-prob', () => {
    expect(lm.id('qwxzzyv')).toBe(-1);
    expect(lm.unigram(-1)).toBe(lm.unkLogProb);
    expect(lm.unkLogProb).toBeLessThan(lm.unigram(lm.id('zyuganov')));
    expect(lm.bigram(-1, lm.id('the'))).toBe(lm.unigram(lm.id('the')));
    expect(lm.bigram(lm.id('the'), -1)).toBeLessThanOrEqual(lm.unkLogProb);
  });

  it('ranks common words above rare ones', () => {
    expect(lm.unigram(lm.id('the'))).toBeCloseTo(-1.39, 1);
    expect(lm.unigram(lm.id('said'))).toBeGreaterThan(lm.unigram(lm.id('stated')));
    expect(lm.unigram(lm.id('ministers'))).toBeGreaterThan(lm.unigram(lm.id('pastors')));
  });

  it('answers bigram queries in well under a microsecond', () => {
    const ids = ['the', 'minister', 'said', 'on', 'tuesday', 'that', 'new', 'york'].map((w) => lm.id(w));
    let s = 0;
    const n = 200000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) s += lm.bigram(ids[i % 8] ?? -1, ids[(i + 1) % 8] ?? -1);
    const nsPer = ((performance.now() - t0) * 1e6) / n;
    expect(Number.isFinite(s)).toBe(true);
    expect(nsPer).toBeLessThan(2000);
  });

  it('rejects data that is not an LM asset', () => {
    expect(() => decodeLanguageModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow();
    expect(() => decodeLanguageModel(bytes.subarray(0, bytes.length >> 1))).toThrow();
  });
});
