import { describe, expect, it } from 'vitest';
import { type ChannelCandidate, type ChannelModel, channelFrom } from './channel';
import { DETECT_DECODE, decode } from './decode';
import type { LanguageModel } from './lm';
import { tokenize } from './tokenize';

/** A toy bigram model: listed bigrams get their log-prob, anything else backs off to unigram − 1. */
function toyLm(unigrams: Record<string, number>, bigrams: Record<string, number>): LanguageModel {
  const words = ['<s>', '</s>', ...Object.keys(unigrams)];
  const ids = new Map(words.map((w, i) => [w, i]));
  return {
    size: words.length,
    unkLogProb: -7,
    startId: 0,
    endId: 1,
    id: (w) => ids.get(w) ?? -1,
    word: (i) => words[i] ?? '<unk>',
    unigram: (i) => (i < 0 ? -7 : (unigrams[words[i] ?? ''] ?? -2)),
    bigram(prev, id) {
      const b = bigrams[`${words[prev] ?? '?'} ${words[id] ?? '?'}`];
      if (b !== undefined) return b;
      return (id < 0 ? -7 : (unigrams[words[id] ?? ''] ?? -2)) - 1;
    },
    hasTrigrams: false,
    trigram(_p2, p1, id) {
      return this.bigram(p1, id);
    },
  };
}

function toyChannel(map: Record<string, [string, number][]>): ChannelModel {
  const entries = new Map<string, ChannelCandidate[]>(
    Object.entries(map).map(([k, v]) => [k, v.map(([original, logProb]) => ({ original, logProb, source: 'wordnet' as const }))]),
  );
  return channelFrom({
    maxSpunWords: Math.max(...Object.keys(map).map((k) => k.split(' ').length)),
    lookup: (k) => entries.get(k),
    isPrefix: (k) => [...entries.keys()].some((e) => e.startsWith(`${k} `)),
  });
}

const lm = toyLm(
  {
    the: -1.2,
    minister: -3.5,
    said: -2.4,
    mentioned: -3.6,
    hard: -3.4,
    reality: -4,
    onerous: -6.5,
    actuality: -6.8,
    a: -1.5,
    it: -1.6,
    was: -2,
  },
  {
    'minister said': -0.9,
    'minister mentioned': -3.5,
    'said it': -1,
    'mentioned it': -2.5,
    'a hard': -2.2,
    'hard reality': -1.2,
    'a onerous': -5,
    'onerous actuality': -6,
    'actuality </s>': -1,
    'reality </s>': -1,
  },
);
const channel = toyChannel({
  mentioned: [['said', -1]],
  said: [['mentioned', -1]],
  onerous: [['hard', -1.3]],
  actuality: [['reality', -1.3]],
});
// The detection pass's settings (no pooling, no page or topic evidence), with a wider search.
const params = { ...DETECT_DECODE, spinRate: 0.25, maxCandidates: 8, beam: 6 };

describe('decode', () => {
  it('restores a spun word when the context makes the original far likelier', () => {
    const out = decode(tokenize('the minister mentioned it'), { lm, channel }, params);
    expect(out.map((r) => [r.first, r.original])).toEqual([[2, 'said']]);
    expect(out[0]?.margin).toBeGreaterThan(0);
  });

  it('leaves a natural sentence alone even when its words have synonyms', () => {
    expect(decode(tokenize('the minister said it'), { lm, channel }, params)).toEqual([]);
  });

  it('chooses neighbouring restorations jointly', () => {
    const out = decode(tokenize('it was a onerous actuality'), { lm, channel }, params);
    expect(out.map((r) => r.original)).toEqual(['hard', 'reality']);
  });

  it('returns nothing for empty input', () => {
    expect(decode([], { lm, channel }, params)).toEqual([]);
  });

  it('pools the evidence of every occurrence of a spun form, as spinners swap consistently', () => {
    // "it mentioned" on its own is a toss-up; the two "minister mentioned" make the case for "said".
    const text = 'the minister mentioned it. the minister mentioned it. it mentioned';
    const alone = decode(tokenize(text), { lm, channel }, { ...params, poolWeight: 0 });
    const pooled = decode(tokenize(text), { lm, channel }, { ...params, poolWeight: 1 });
    expect(alone.filter((r) => r.original === 'said')).toHaveLength(2);
    expect(pooled.filter((r) => r.original === 'said')).toHaveLength(3);
  });

  it('counts wording the page uses elsewhere as evidence for restoring it, but not the spun stretch itself', () => {
    // "it mentioned" alone is a toss-up the page's own "said" decides; "said" inside the stretch vouches for nothing.
    const text = 'the minister said it. it mentioned';
    expect(decode(tokenize(text), { lm, channel }, params).filter((r) => r.original === 'said')).toEqual([]);
    const withPage = decode(tokenize(text), { lm, channel }, { ...params, pageBonus: 1 });
    expect(withPage.map((r) => [r.first, r.original])).toEqual([[5, 'said']]);
    const game = toyChannel({ 'football game': [['football', -0.5]] });
    const uni = { the: -1.2, football: -4, game: -3.5, ended: -3 };
    const sports = toyLm(uni, { 'the football': -2, 'football game': -1, 'football ended': -2.5, 'game ended': -2 });
    const restored = (pageBonus: number) =>
      decode(tokenize('the football game ended'), { lm: sports, channel: game }, { ...params, pageBonus });
    expect(restored(0)).toEqual([]);
    expect(restored(3)).toEqual([]);
  });

  it('believes a common spun word more readily than a rare one, as spinners pick commoner synonyms', () => {
    // "mentioned" (log10 P −3.6) is commoner than the typical synonym (−4.5): a restoration of it gains
    // β × 0.9; a rarer word would lose. A spinner-table swap is not a thesaurus draw and gains nothing.
    const text = 'the minister mentioned it';
    const margin = (frequencyPreference: number, source: ChannelCandidate['source'] = 'wordnet') => {
      const ch = channelFrom({
        maxSpunWords: 1,
        lookup: (k) => (k === 'mentioned' ? [{ original: 'said', logProb: -1, source }] : undefined),
        isPrefix: () => false,
      });
      const p = { ...params, frequencyPreference, typicalSynonymLogP: -4.5 };
      return decode(tokenize(text), { lm, channel: ch }, p)[0]?.margin ?? Number.NaN;
    };
    expect(margin(0.5) - margin(0)).toBeCloseTo(0.5 * (-3.6 + 4.5), 6);
    expect(margin(0.5, 'spinner')).toBeCloseTo(margin(0, 'spinner'), 6);
    const rare = { ...params, frequencyPreference: 0.5, typicalSynonymLogP: -2 };
    expect(decode(tokenize(text), { lm, channel }, rare)[0]?.margin).toBeLessThan(margin(0));
  });

  it('does not restore an acronym or its plural to a thesaurus synonym (TV, TVs)', () => {
    const uni = { the: -1.2, tv: -6, tvs: -6, television: -3.5, televisions: -3.5, sold: -3 };
    const bigrams = { 'the television': -1.5, 'television sold': -1.5, 'the televisions': -1.5, 'televisions sold': -1.5 };
    const channel = toyChannel({ tv: [['television', -0.5]], tvs: [['televisions', -0.5]] });
    const run = (text: string) => decode(tokenize(text), { lm: toyLm(uni, bigrams), channel }, params).map((r) => r.original);
    expect(run('the tvs sold')).toEqual(['televisions']);
    expect(run('the TVs sold')).toEqual([]);
    expect(run('the TV sold')).toEqual([]);
  });

  it('does not restore a British spelling to the American one a thesaurus lists beside it', () => {
    const uni = { the: -1.2, programme: -6, scheme: -6, program: -3.5, ended: -3 };
    const spelling = toyLm(uni, { 'the program': -1.5, 'program ended': -1.5 });
    const channel = toyChannel({ programme: [['program', -0.5]], scheme: [['program', -0.5]] });
    expect(decode(tokenize('the programme ended'), { lm: spelling, channel }, params)).toEqual([]);
    // The same odds between two different words do restore.
    expect(decode(tokenize('the scheme ended'), { lm: spelling, channel }, params).map((r) => r.original)).toEqual(['program']);
  });
});
