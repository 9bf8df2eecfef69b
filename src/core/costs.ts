/**
 * What each option of the lattice costs or gains before the language model speaks: a restoration's
 * channel log-probability and spin rate, keeping a word that has synonyms, and the restore pass's
 * evidence from the page (the original wording used elsewhere), the topic (topic.ts) and the
 * spinner's taste for common synonyms.
 */
import type { DecodeParams } from './decode';
import type { Lattice } from './lattice';
import { topicFit } from './topic';

/** Per option, what the pass's prior adds: a restoration's channel cost, or keeping a replaceable word. */
export function costs(lattice: Lattice, params: DecodeParams): Float64Array {
  const restoreCost = Math.log10(params.spinRate);
  const keepCost = Math.log10(1 - params.spinRate);
  const { candidate, logProb, replaceable } = lattice;
  const cost = new Float64Array(candidate.length);
  // Only a pass that weighs it pays for it: the restore pass, which a clean page never reaches.
  const onPage = params.pageBonus === 0 ? null : pageEvidence(lattice);
  const vectors = lattice.models.vectors;
  const topic = params.topicWeight === 0 || !vectors ? null : topicFit(lattice, vectors, params.topicWindow);
  const preference = params.frequencyPreference === 0 ? null : frequencyPreference(lattice, params);
  for (let o = 0; o < cost.length; o++) {
    cost[o] =
      candidate[o] !== null
        ? params.channelWeight * (logProb[o] as number) +
          restoreCost +
          (onPage === null ? 0 : params.pageBonus * (onPage[o] as number)) +
          (topic === null ? 0 : params.topicWeight * (topic[o] as number)) +
          (preference === null ? 0 : (preference[o] as number))
        : replaceable[o] === 1
          ? keepCost
          : 0;
  }
  return cost;
}

/**
 * Per option, log10 of how much likelier a spinner was to write the page's word for a thesaurus
 * restoration because writers use it more: spinners pick commoner synonyms (the seed's spun forms sit
 * at the 68th percentile of frequency among their original's synonyms, a uniform pick at the 50th), so
 * P(spun | original) ∝ P(spun)^β. The normaliser over the original's synonyms is taken as a constant,
 * typicalSynonymLogP: summed per original over the channel's edges it scored no better (docs/quality.md),
 * and the asset would need an inverse index for it. One-word spun forms only: the
 * preference was measured on words, and a phrase of common words ("go forward") is no common phrase.
 * WordNet and LibreOffice candidates only (source `wordnet`): spinner-table swaps were seen, not drawn
 * from a thesaurus, and Moby's serve only the table's originals: 0.
 */
function frequencyPreference(lattice: Lattice, params: DecodeParams): Float64Array {
  const { first, length, idsFrom, ids, candidate } = lattice;
  const { lm } = lattice.models;
  const out = new Float64Array(candidate.length);
  for (let i = 0; i < lattice.tokens.length; i++) {
    const keep = first[i] as number;
    let logP = Number.NaN;
    for (let o = keep + 1; o < (first[i + 1] as number); o++) {
      if (length[o] !== 1 || candidate[o]?.source !== 'wordnet') continue;
      if (Number.isNaN(logP)) {
        // the page word's log10 unigram probability (a number's mean over its LM words)
        let sum = 0;
        const from = idsFrom[keep] as number;
        const to = idsFrom[keep + 1] as number;
        for (let k = from; k < to; k++) sum += lm.unigram(ids[k] as number);
        logP = to > from ? sum / (to - from) : lm.unkLogProb;
      }
      out[o] = params.frequencyPreference * (logP - params.typicalSynonymLogP);
    }
  }
  return out;
}

/** usedOnPage, worked out once per lattice. */
function pageEvidence(lattice: Lattice): Float64Array {
  lattice.onPage ??= usedOnPage(lattice);
  return lattice.onPage;
}

/**
 * Per option: when it restores wording the page has elsewhere (every word of it and every pair of
 * neighbouring words, so "at the" needs "at the" on the page, not "at" and "the" apart), the
 * evidence that is: log10 of how much likelier the page is to hold its original wording
 * (ORIGINAL_ON_PAGE of spun words have theirs elsewhere) than to hold these words by chance, given
 * their frequency and the page's length. "said" is on every page and tells nothing; "coach" does.
 */
function usedOnPage(lattice: Lattice): Float64Array {
  const { candidate, first, length, idsFrom, ids } = lattice;
  const { lm } = lattice.models;
  const n = lattice.tokens.length;
  // The page's words are its tokens' "keep" options, in order.
  const words = new Map<number, number>();
  const pairs = new Map<number, number>();
  let prev = -1;
  for (let t = 0; t < n; t++) {
    for (let k = idsFrom[first[t] as number] as number, end = idsFrom[(first[t] as number) + 1] as number; k < end; k++) {
      const w = ids[k] as number;
      words.set(w, (words.get(w) ?? 0) + 1);
      if (prev >= 0 && w >= 0) pairs.set(pairKey(prev, w), (pairs.get(pairKey(prev, w)) ?? 0) + 1);
      prev = w;
    }
  }
  const out = new Float64Array(candidate.length);
  for (let i = 0; i < n; i++) {
    for (let o = (first[i] as number) + 1; o < (first[i + 1] as number); o++) {
      const from = idsFrom[o] as number;
      const to = idsFrom[o + 1] as number;
      // Only elsewhere: "football game" does not vouch for "football".
      const own = i + (length[o] as number);
      let found = to > from;
      let logP = 0;
      for (let k = from; found && k < to; k++) {
        const w = ids[k] as number;
        if (w < 0) found = false;
        else if (k === from) found = (words.get(w) ?? 0) > ownCount(lattice, i, own, w, -1);
        else {
          const v = ids[k - 1] as number;
          found = (pairs.get(pairKey(v, w)) ?? 0) > ownCount(lattice, i, own, w, v);
        }
        if (found) logP += lm.unigram(w);
      }
      if (!found) continue;
      const chance = -Math.expm1(-n * 10 ** logP);
      out[o] = Math.max(0, Math.log10(ORIGINAL_ON_PAGE / chance));
    }
  }
  return out;
}

const pairKey = (v: number, w: number) => v * PAIR_STRIDE + w;

/** How often word w (after word v, unless v is -1) stands among the page's words of tokens from .. to - 1. */
function ownCount(lattice: Lattice, from: number, to: number, w: number, v: number): number {
  const { first, idsFrom, ids } = lattice;
  let count = 0;
  let prev = from > 0 ? (ids[(idsFrom[(first[from - 1] as number) + 1] as number) - 1] as number) : -1;
  for (let t = from; t < to; t++) {
    for (let k = idsFrom[first[t] as number] as number, end = idsFrom[(first[t] as number) + 1] as number; k < end; k++) {
      const x = ids[k] as number;
      if (x === w && (v < 0 || prev === v)) count++;
      prev = x;
    }
  }
  return count;
}

/** Share of spun words whose original the page has elsewhere (synthetic tuning set: 24%). */
const ORIGINAL_ON_PAGE = 0.25;

/** Above any LM word id, so a pair of ids is one number. */
const PAIR_STRIDE = 1 << 20;
