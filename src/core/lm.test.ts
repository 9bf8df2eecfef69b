import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciiStrings, decodeLanguageModel, type LanguageModel, RankedBits, StringIndex } from './lm';

const asset = fileURLToPath(new URL('../../public/data/lm.bin.gz', import.meta.url));
const bytes = new Uint8Array(gunzipSync(readFileSync(asset)));
const lm: LanguageModel = decodeLanguageModel(bytes);
const bg = (a: string, b: string): number => lm.bigram(lm.id(a), lm.id(b));
const tg = (a: string, b: string, c: string): number => lm.trigram(lm.id(a), lm.id(b), lm.id(c));

describe('language model', () => {
  it('decodes the shipped asset again to the same model', () => {
    const again = decodeLanguageModel(bytes);
    expect(again.size).toBe(lm.size);
    expect(again.trigram(lm.id('the'), lm.id('white'), lm.id('house'))).toBe(tg('the', 'white', 'house'));
  });

  it('answers a trigram the same whether or not it was just asked (the memo never mixes up entries)', () => {
    // Two models over the same bytes, asked the same trigrams in different orders and with
    // repeats, so one answers from its memo where the other computes: any mix-up shows.
    const a = decodeLanguageModel(bytes);
    const b = decodeLanguageModel(bytes);
    const words = 'the white house said on tuesday that european commission officials would meet in the city of new york'.split(' ');
    const ids = words.map((w) => lm.id(w));
    const triples: [number, number, number][] = [];
    for (const x of ids) for (const y of ids) for (const z of ids) triples.push([x, y, z]);
    const forward = triples.map(([x, y, z]) => a.trigram(x, y, z));
    const backward = [...triples]
      .reverse()
      .map(([x, y, z]) => b.trigram(x, y, z))
      .reverse();
    const again = triples.map(([x, y, z]) => b.trigram(x, y, z));
    expect(backward).toEqual(forward);
    expect(again).toEqual(forward);
    expect(new Set(forward).size).toBeGreaterThan(100);
  });

  it('has a large news vocabulary including apostrophe forms', () => {
    expect(lm.size).toBeGreaterThan(35000);
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
    const viaOther = lm.bigram(lm.id('onerous'), w) - lm.unigram(w);
    expect(viaOther).toBeLessThanOrEqual(0.2);
    expect(lm.bigram(prev, w)).toBeLessThan(lm.unigram(w));
  });

  it('leaves out words that neither the channel can swap nor any n-gram holds (they decide nothing)', () => {
    // "zyuganov" is in the source model, with unigrams only; "onerous" is rarer still, but a spun form
    expect(lm.id('zyuganov')).toBe(-1);
    expect(lm.id('onerous')).toBeGreaterThanOrEqual(0);
  });

  it('gives unknown words the unknown log-prob', () => {
    expect(lm.id('qwxzzyv')).toBe(-1);
    expect(lm.unigram(-1)).toBe(lm.unkLogProb);
    expect(lm.unkLogProb).toBeLessThan(lm.unigram(lm.id('onerous')));
    expect(lm.bigram(-1, lm.id('the'))).toBe(lm.unigram(lm.id('the')));
    expect(lm.bigram(lm.id('the'), -1)).toBeLessThanOrEqual(lm.unkLogProb);
  });

  it('ranks common words above rare ones', () => {
    expect(lm.unigram(lm.id('the'))).toBeCloseTo(-1.39, 1);
    expect(lm.unigram(lm.id('said'))).toBeGreaterThan(lm.unigram(lm.id('stated')));
    expect(lm.unigram(lm.id('ministers'))).toBeGreaterThan(lm.unigram(lm.id('pastors')));
  });

  it('rejects data that is not an LM asset', () => {
    expect(() => decodeLanguageModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow();
    expect(() => decodeLanguageModel(bytes.subarray(0, bytes.length >> 1))).toThrow();
  });

  describe('trigrams', () => {
    // log10 P(w | a b) as stored in the source (Debian pocketsphinx-en-us en-us.lm.bin), read with
    // scripts/data/sphinx-lm.mjs; the asset stores them as 0.3-step gains over its own backoff estimate (build-lm.mjs).
    const source: [string, number][] = [
      ['the federal reserve', -0.9807],
      ['a press conference', -0.2599],
      ['of the year', -1.9777],
      ['<s> the company', -2.4198],
      ['the white house', -0.3142],
      ['one of the', -0.3058],
      ['according to the', -0.4469],
      ['as well as', -0.5267],
      ['chief executive officer', -0.795],
    ];
    const tri3 = (t: string): number => {
      const [a = '', b = '', c = ''] = t.split(' ');
      return tg(a, b, c);
    };

    it('ships a trigram layer', () => {
      expect(lm.hasTrigrams).toBe(true);
    });

    it('agrees with the source model within quantization error for stored triples', () => {
      // Half a 0.3 step, plus the rounding of the backoff the gain is stored over.
      for (const [t, p] of source) expect(Math.abs(tri3(t) - p), t).toBeLessThan(0.16);
    });

    it('scores a stored triple above its bigram backoff', () => {
      for (const [t] of source) {
        const [, b = '', c = ''] = t.split(' ');
        // Above the bigram; by how much is within the 0.3-step quantisation for some triples.
        expect(tri3(t), t).toBeGreaterThan(bg(b, c));
      }
      expect(tg('a', 'press', 'conference')).toBeGreaterThan(bg('press', 'conference') + 0.6);
    });

    it("makes 'reserve' far likelier after 'the federal' than after 'the government'", () => {
      expect(tg('the', 'federal', 'reserve')).toBeGreaterThan(-1.1);
      expect(tg('the', 'federal', 'reserve')).toBeGreaterThan(tg('the', 'government', 'reserve') + 3);
      expect(tg('a', 'press', 'conference')).toBeGreaterThan(-0.4);
    });

    it('falls back to the bigram when an id is unknown', () => {
      const unk = lm.id('qwxzzyv');
      expect(unk).toBe(-1);
      expect(lm.trigram(unk, lm.id('federal'), lm.id('reserve'))).toBe(bg('federal', 'reserve'));
      expect(lm.trigram(-1, -1, lm.id('reserve'))).toBe(lm.unigram(lm.id('reserve')));
      expect(lm.trigram(unk, lm.id('the'), unk)).toBe(lm.bigram(lm.id('the'), unk));
      // an unknown middle word breaks the context: only the unigram is left
      expect(lm.trigram(lm.id('the'), unk, lm.id('reserve'))).toBe(lm.unigram(lm.id('reserve')));
    });

    it('equals the bigram for contexts without stored trigrams', () => {
      // "onerous said" is a rare context; "new york city" has no trigrams in the source either
      expect(tg('onerous', 'said', 'that')).toBe(bg('said', 'that'));
      expect(tg('new', 'york', 'city')).toBe(bg('york', 'city'));
    });

    it('applies the context backoff to words a stored context does not predict', () => {
      // "the federal" has stored trigrams; "banana" is not one of them, so it pays backoff2(the, federal) <= 0
      const off = tg('the', 'federal', 'banana') - bg('federal', 'banana');
      expect(off).toBeLessThan(0);
      expect(off).toBeGreaterThan(-2.5);
    });

    it('applies that backoff to an unknown word as well, so leaving a word out of the model shifts every reading alike', () => {
      const unk = lm.id('qwxzzyv');
      const off = tg('the', 'federal', 'banana') - bg('federal', 'banana');
      expect(lm.trigram(lm.id('the'), lm.id('federal'), unk) - lm.bigram(lm.id('federal'), unk)).toBeCloseTo(off, 6);
    });

    it('accepts the sentence start as the older context word', () => {
      expect(lm.trigram(lm.startId, lm.id('the'), lm.id('company'))).toBeGreaterThan(bg('the', 'company') + 0.15);
    });

    it('never returns a log-probability above zero', () => {
      for (const t of ['the united states', 'the supreme court', 'the prime minister', 'as well as', 'one of the']) {
        expect(tri3(t), t).toBeLessThanOrEqual(0);
      }
    });

    it('rejects an asset whose trigram section is cut short', () => {
      expect(() => decodeLanguageModel(bytes.subarray(0, bytes.length - 1000))).toThrow();
    });
  });
});

describe('string table', () => {
  const table = (text: string, count: number) => {
    const bytes = new TextEncoder().encode(`xx${text}yy`);
    return new AsciiStrings(bytes, 2, 2 + text.length, count);
  };

  it('finds every string, empty ones included, and hashes each like AsciiStrings.hash', () => {
    const words = ['the', '', 'white house', "don't", '', 'a'];
    const t = table(words.join('\n'), words.length);
    const index = new StringIndex(t);
    words.forEach((w, i) => {
      expect(t.get(i)).toBe(w);
      expect(t.hashAt(i)).toBe(AsciiStrings.hash(w));
      expect(t.equals(i, w)).toBe(true);
    });
    for (const w of ['the', 'white house', "don't", 'a']) expect(index.get(w)).toBe(words.indexOf(w));
    expect(index.get('house')).toBe(-1);
  });

  it('checks the count', () => {
    expect(table('', 0).count).toBe(0);
    expect(() => table('a\nb', 1)).toThrow(/too many/);
    expect(() => table('a\nb', 3)).toThrow(/mismatch/);
    expect(() => table('a', 0)).toThrow(/too many/);
  });
});

describe('RankedBits', () => {
  it('gives each member its index in the ascending list and every other position -1', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(2000), { maxLength: 300 }), fc.array(fc.nat(2100), { maxLength: 50 }), (raw, probes) => {
        const members = Uint32Array.from(raw.sort((a, b) => a - b));
        const bits = new RankedBits(members, 2001);
        for (let i = 0; i < members.length; i++) expect(bits.rank(members[i] as number)).toBe(i);
        for (const g of probes) expect(bits.rank(g)).toBe(members.indexOf(g));
      }),
    );
  });

  it('counts members across 32-bit words, the last bit of a word included', () => {
    const members = Uint32Array.from([0, 31, 32, 63, 64, 95]);
    const bits = new RankedBits(members, 96);
    expect([0, 31, 32, 63, 64, 95].map((g) => bits.rank(g))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bits.rank(30)).toBe(-1);
  });
});
