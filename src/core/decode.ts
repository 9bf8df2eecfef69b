/**
 * Restoration as noisy-channel decoding. The page's words S are modelled as an original text O,
 * written by a news writer (the language model), passed through a spinner (the channel
 * model) that replaces some words and phrases with thesaurus synonyms. We search the lattice of
 * "keep this token" / "these tokens are the spun form of that original" for the O that maximises
 *
 *   log P_LM(O) + Σ_restorations [ log P(spun | original) + log ρ ] + Σ_kept replaceable words log (1 − ρ)
 *
 * with a beam Viterbi whose state is the last two original words (what a trigram model needs). So
 * neighbouring restorations are chosen jointly and phrases restore as phrases
 * ("onerous actuality" → "hard reality").
 *
 * The spinner replaces a replaceable word with probability ρ (the spin rate), so a restoration
 * costs log ρ + log P(spun | original) and keeping a word that has synonyms costs log (1 − ρ).
 * A low ρ asks "is there any spinning here?"; once a page is known to be spun, a high ρ restores.
 */
import type { ChannelCandidate, ChannelModel } from './channel';
import type { LanguageModel } from './lm';
import { perPair } from './memo';
import { numberWords, spokenNumber } from './numbers';
import { americanSpellings, isAmericanSpelling, isRespelling } from './spelling';
import type { Token } from './tokenize';
import { topicFit } from './topic';
import type { WordVectors } from './vectors';

export interface DecodeParams {
  /** Prior probability that the spinner replaced a word that has synonyms. */
  spinRate: number;
  /** Candidates per lattice edge kept after a context-aware pre-score. */
  maxCandidates: number;
  /** States kept per lattice position. */
  beam: number;
  /** Restorations whose log10 margin over keeping the page's words is below this are dropped. */
  minMargin: number;
  /** Weight of the channel log-probability against the language model's. */
  channelWeight: number;
  /**
   * How much the other occurrences of the same spun form count towards each occurrence's
   * decision (0: each occurrence on its own, as the Viterbi path chose; 1: one decision per form).
   */
  poolWeight: number;
  /**
   * log10 added to a restoration whose original wording the page uses elsewhere: news repeats its
   * words, and a spinner leaves some occurrences alone.
   */
  pageBonus: number;
  /**
   * Weight of the topic term (topic.ts, log10 per unit of cosine): how much better a restoration fits the
   * words around it than the page's wording. 0: off (and no word vectors needed).
   */
  topicWeight: number;
  /** Tokens on each side whose vectors make a restoration's context. */
  topicWindow: number;
  /**
   * β of the spinner's preference for synonyms writers use more (0: off): a thesaurus restoration of
   * one word gains β × (log10 P(page word) − typicalSynonymLogP), P its unigram probability.
   */
  frequencyPreference: number;
  /** The log10 unigram probability of a typical synonym: where the preference neither helps nor hurts. */
  typicalSynonymLogP: number;
}

export const DETECT_DECODE: DecodeParams = {
  spinRate: 0.15,
  maxCandidates: 4,
  beam: 3,
  minMargin: 0,
  channelWeight: 1,
  poolWeight: 0,
  pageBonus: 0,
  topicWeight: 0,
  topicWindow: 30,
  frequencyPreference: 0,
  typicalSynonymLogP: -4.2,
};
export const RESTORE_DECODE: DecodeParams = {
  spinRate: 0.5,
  maxCandidates: 12,
  beam: 6,
  minMargin: 0.4,
  channelWeight: 1,
  poolWeight: 0.5,
  pageBonus: 0.5,
  topicWeight: 1.5,
  topicWindow: 30,
  frequencyPreference: 0.25,
  typicalSynonymLogP: -4.2,
};

/** One restoration chosen by the decoder. Token indices are inclusive. */
export interface Replacement {
  first: number;
  last: number;
  /** Lowercase original wording. */
  original: string;
  /** Other plausible originals (lowercase), best first. */
  alternatives: string[];
  /** log10 gain of this restoration over keeping the page's words, in the chosen context. */
  margin: number;
  source: ChannelCandidate['source'];
}

export interface Models {
  lm: LanguageModel;
  channel: ChannelModel;
  /** For the topic term; without them a pass scores no topic. */
  vectors?: WordVectors;
}

/**
 * The page's tokens with every restoration the channel allows at each position, built once per
 * page. Options live in flat arrays (both passes and the pooling step read them thousands of
 * times; objects scattered over the heap cost a cache miss each): option o consumes length[o]
 * tokens and emits the LM ids ids[idsFrom[o] .. idsFrom[o + 1]).
 */
export interface Lattice {
  tokens: readonly Token[];
  models: Models;
  /** The options of position i are first[i] .. first[i + 1] - 1: the first keeps token i, the rest restore tokens from i, best pre-score first. */
  first: Int32Array;
  length: Uint8Array;
  idsFrom: Int32Array;
  ids: Int32Array;
  /** log10 P(spun | original) for a restoration; 0 for keeping the page's word. */
  logProb: Float64Array;
  /** For "keep": 1 when the page's word has synonyms, so keeping it costs log(1 − ρ). */
  replaceable: Uint8Array;
  /**
   * Per option, once a pass asks: for a restoration whose original wording the page has elsewhere,
   * how unlikely that is by chance, log10 (pageBonus weighs it).
   */
  onPage: Float64Array | null;
  /** The channel's candidate a restoration puts back; null for "keep". */
  candidate: (ChannelCandidate | null)[];
  /** Per token: 1 when a sentence starts there (not at the first token). */
  breaks: Uint8Array;
  /** Per option, SLOTS contexts its position's first states scored it from, and the scores (see optionScore). */
  seen: { p2: Int32Array; p1: Int32Array; score: Float64Array };
  /** Per token: the number of its text among the page words seen (one per text, so it names the one-word spun form). */
  wordId: Int32Array;
}

/** log10 below keeping the page's words (bigram pre-score) at which a candidate is not worth a lattice edge. */
export const PRUNE_SLACK = 1.5;

/** Most candidates any pass uses per position. */
export const LATTICE_CANDIDATES = 12;

/** `text` (what the tokens' offsets point into) lets numbers be read with their signs: "3%", "$7bn", "2,858", "1.5". */
export function buildLattice(tokens: readonly Token[], models: Models, maxCandidates = LATTICE_CANDIDATES, text?: string): Lattice {
  const numberId = models.lm.id('number');
  const preparer = preparerFor(models.lm, models.channel);
  preparer.trim();
  const wordOf = preparer.word;
  const words = tokens.map((t) => wordOf(t.norm));
  const respell = isBritishPage(words);
  const ids = tokens.map((t, i) => {
    const w = words[i] as Word;
    if (t.kind === 'number') {
      const spoken = (text === undefined ? null : spokenNumber(text, tokens, i)) ?? numberWords(t.norm);
      return spoken ? spoken.map((x) => models.lm.id(x)) : [numberId];
    }
    return respell && w.usIds ? w.usIds : w.ids;
  });
  return buildOptions(tokens, words, ids, models, preparer, maxCandidates);
}

export function decode(tokens: readonly Token[], models: Models, params: DecodeParams = DETECT_DECODE): Replacement[] {
  return decodeLattice(buildLattice(tokens, models, params.maxCandidates), params);
}

export function decodeLattice(lattice: Lattice, params: DecodeParams): Replacement[] {
  const { tokens, first, length, idsFrom, ids, breaks } = lattice;
  const { lm } = lattice.models;
  const n = tokens.length;
  if (n === 0) return [];
  const cost = costs(lattice, params);
  const width = params.maxCandidates + 1;

  // Viterbi over token boundaries. A ring of small lists holds the states before the next few
  // tokens (an option spans at most maxSpunWords tokens); a state is found by its two-word
  // context with a linear scan, cheaper than a Map for the handful each position holds. The
  // lists are never shortened (a length change is a slow runtime call): `filled` counts them.
  const st = states;
  st.count = 0;
  const span = lattice.models.channel.maxSpunWords + 1;
  const ring: number[][] = Array.from({ length: span }, () => []);
  const filled = new Int32Array(span);
  (ring[0] as number[])[0] = st.add(-1, lm.startId, 0, -1, 0, -1);
  filled[0] = 1;
  for (let i = 0; i < n; i++) {
    // Options span 1..span-1 tokens, so no state lands back in this slot while it is read.
    const slot = i % span;
    const here = ring[slot] as number[];
    let count = filled[slot] as number;
    if (count > params.beam) {
      keepBest(here, count, st.score);
      count = params.beam;
    }
    const from = first[i] as number;
    const to = Math.min(first[i + 1] as number, from + width);
    for (let h = 0; h < count; h++) {
      const s = here[h] as number;
      let base = st.score[s] as number;
      let p2 = st.p2[s] as number;
      let p1 = st.p1[s] as number;
      if (breaks[i] === 1) {
        base += lm.trigram(p2, p1, lm.endId);
        p2 = -1;
        p1 = lm.startId;
      }
      for (let o = from; o < to; o++) {
        const end = idsFrom[o + 1] as number;
        const q1 = ids[end - 1] as number;
        const q2 = end - (idsFrom[o] as number) >= 2 ? (ids[end - 2] as number) : p1;
        const seq = optionScore(lattice, o, p2, p1, h < SLOTS ? h : -1);
        const score = base + seq + (cost[o] as number);
        const t = (i + (length[o] as number)) % span;
        const target = ring[t] as number[];
        const size = filled[t] as number;
        let cur = -1;
        for (let k = 0; k < size; k++) {
          const c = target[k] as number;
          if (st.p1[c] === q1 && st.p2[c] === q2) {
            cur = c;
            break;
          }
        }
        if (cur < 0) {
          target[size] = st.add(q2, q1, score, s, i, o);
          filled[t] = size + 1;
        } else if ((st.score[cur] as number) < score) st.set(cur, score, s, i, o);
      }
    }
    filled[slot] = 0;
  }

  // Backtrack.
  let best = -1;
  const last = ring[n % span] as number[];
  for (let k = 0; k < (filled[n % span] as number); k++) {
    const s = last[k] as number;
    if (best < 0 || (st.score[s] as number) > (st.score[best] as number)) best = s;
  }
  const chosen: number[] = [];
  const chosenFrom: number[] = [];
  for (let s = best; s >= 0 && (st.option[s] as number) >= 0; s = st.prev[s] as number) {
    chosen.push(st.option[s] as number);
    chosenFrom.push(st.from[s] as number);
  }
  chosen.reverse();
  chosenFrom.reverse();
  st.release();

  return pool(lattice, chosen, chosenFrom, params, cost);
}

/** Contexts each option remembers its score from (see optionScore). */
const SLOTS = 2;

/**
 * log10 P of option o's words after the context (p2, p1), word by word. Each option remembers the
 * contexts its position's first SLOTS states scored it from (slot `remember`, or none when -1) and
 * the scores: the other pass and pooling ask again from those contexts, and an option's slots sit
 * next to each other, where the LM's memo is a random probe in a large table.
 */
function optionScore(lattice: Lattice, o: number, p2: number, p1: number, remember: number): number {
  const { seen } = lattice;
  const a = SLOTS * o;
  for (let k = a; k < a + SLOTS; k++) if (seen.p1[k] === p1 && seen.p2[k] === p2) return seen.score[k] as number;
  const { lm } = lattice.models;
  const { ids, idsFrom } = lattice;
  let score = 0;
  let q2 = p2;
  let q1 = p1;
  for (let k = idsFrom[o] as number, end = idsFrom[o + 1] as number; k < end; k++) {
    const w = ids[k] as number;
    score += lm.trigram(q2, q1, w);
    q2 = q1;
    q1 = w;
  }
  if (remember >= 0) {
    seen.p2[a + remember] = p2;
    seen.p1[a + remember] = p1;
    seen.score[a + remember] = score;
  }
  return score;
}

/** Per option, what the pass's prior adds: a restoration's channel cost, or keeping a replaceable word. */
function costs(lattice: Lattice, params: DecodeParams): Float64Array {
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

/**
 * The Viterbi states of one pass in flat arrays (a pass makes tens of thousands, and objects
 * cost the garbage collector): state s has the context (p2, p1), its score, the state before it,
 * and the option that led into it and the position that option starts at. Reused by every pass.
 */
class States {
  count = 0;
  p2 = new Int32Array(1024);
  p1 = new Int32Array(1024);
  score = new Float64Array(1024);
  prev = new Int32Array(1024);
  from = new Int32Array(1024);
  option = new Int32Array(1024);

  add(p2: number, p1: number, score: number, prev: number, from: number, option: number): number {
    if (this.count === this.p2.length) this.grow();
    const s = this.count++;
    this.p2[s] = p2;
    this.p1[s] = p1;
    this.set(s, score, prev, from, option);
    return s;
  }

  set(s: number, score: number, prev: number, from: number, option: number): void {
    this.score[s] = score;
    this.prev[s] = prev;
    this.from[s] = from;
    this.option[s] = option;
  }

  /** After a pass that needed far more than a page (a long chunk), the memory is not kept for the next. */
  release(): void {
    if (this.p2.length > RETAINED_STATES) this.allocate(1024);
  }

  private allocate(size: number): void {
    this.p2 = new Int32Array(size);
    this.p1 = new Int32Array(size);
    this.score = new Float64Array(size);
    this.prev = new Int32Array(size);
    this.from = new Int32Array(size);
    this.option = new Int32Array(size);
  }

  private grow(): void {
    const size = this.p2.length * 2;
    this.p2 = grown(this.p2, new Int32Array(size));
    this.p1 = grown(this.p1, new Int32Array(size));
    this.score = grown(this.score, new Float64Array(size));
    this.prev = grown(this.prev, new Int32Array(size));
    this.from = grown(this.from, new Int32Array(size));
    this.option = grown(this.option, new Int32Array(size));
  }
}

const states = new States();
/** States kept allocated between passes (about 2 MB): enough for an article, not for a 35,000-word chunk. */
const RETAINED_STATES = 1 << 16;

/** Sorts the first `count` states of a slot by score, best first: an insertion sort, as a slot holds a handful. */
function keepBest(slot: number[], count: number, score: Float64Array): void {
  for (let i = 1; i < count; i++) {
    const s = slot[i] as number;
    const v = score[s] as number;
    let j = i - 1;
    while (j >= 0 && (score[slot[j] as number] as number) < v) {
      slot[j + 1] = slot[j] as number;
      j--;
    }
    slot[j + 1] = s;
  }
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

/** One place where the page's words could be a spun form: scores of each candidate against keeping. */
interface Occurrence {
  first: number;
  length: number;
  /**
   * The spun form: occurrences with the same one are decided together. For one token its word id
   * (a number: no string to hash), else the tokens' texts joined by spaces.
   */
  key: number | string;
  /**
   * Candidate originals, each with its option and log10 margin over keeping the page's words in the
   * decoded context (parallel lists, in option order: a dozen at most, so a scan beats a Map).
   */
  originals: string[];
  options: number[];
  margins: number[];
  /** The Viterbi path's restoration here (an option), or -1. */
  chosen: number;
}

/**
 * Spinners apply their dictionary consistently: within one page an original word is nearly always
 * turned into the same spun form, and most occurrences of a word they spin are spun. So evidence
 * is pooled over every occurrence of a spun form: the candidate with the best summed margin is
 * restored at every occurrence where it is not clearly wrong, or none is when the sum is negative.
 * Contexts come from the Viterbi path.
 */
function pool(
  lattice: Lattice,
  /** The best path's options, first to last, and the position each starts at. */
  chosen: readonly number[],
  chosenFrom: readonly number[],
  params: DecodeParams,
  cost: Float64Array,
): Replacement[] {
  const { tokens, first: firstOption, length: lengthOf, idsFrom, ids, candidate: candidateOf, breaks } = lattice;
  const { lm } = lattice.models;
  const n = tokens.length;
  const width = params.maxCandidates + 1;
  const out: number[] = [];
  const outAt = new Int32Array(tokens.length + 1).fill(-1);
  const chosenAt = new Int32Array(tokens.length).fill(-1);
  for (let c = 0; c < chosen.length; c++) {
    const option = chosen[c] as number;
    const from = chosenFrom[c] as number;
    if (breaks[from] === 1) out.push(lm.endId, lm.startId);
    outAt[from] = out.length;
    chosenAt[from] = option;
    for (let k = idsFrom[option] as number; k < (idsFrom[option + 1] as number); k++) out.push(ids[k] as number);
  }
  outAt[tokens.length] = out.length;

  const occurrences: Occurrence[] = [];
  // Without pooling only the path's own restorations can be picked: score nothing else.
  const onlyChosen = params.poolWeight <= 0;
  for (let i = 0; i < tokens.length; i++) {
    const pos = outAt[i] ?? -1;
    if (pos < 0) continue;
    const here = chosenAt[i] as number;
    const hereRestores = candidateOf[here] !== null;
    if (onlyChosen && !hereRestores) continue;
    // Candidates grouped by length, lengths in the order the options first show them.
    const from = firstOption[i] as number;
    const to = Math.min(firstOption[i + 1] as number, from + width);
    if (to - from < 2) continue;
    const start = i === 0 || breaks[i] === 1;
    const lp2 = start ? -1 : (out[pos - 2] ?? -1);
    const lp1 = start ? lm.startId : (out[pos - 1] ?? lm.startId);
    let seen = 0;
    for (let o0 = from; o0 < to; o0++) {
      const length = lengthOf[o0] as number;
      if (candidateOf[o0] === null || (onlyChosen && length !== lengthOf[here]) || (seen & (1 << length)) !== 0) continue;
      seen |= 1 << length;
      // A candidate must start and end where the path's choices do, so its context is the path's.
      if ((outAt[i + length] ?? -1) < 0) continue;
      const after = outAt[i + length] ?? out.length;
      // The path's next two words (or the sentence end) follow each candidate.
      const ends = i + length >= n || breaks[i + length] === 1;
      const r0 = ends ? lm.endId : (out[after] ?? lm.endId);
      const r1 = ends ? -2 : (out[after + 1] ?? lm.endId);
      let keepCost = 0;
      let score = 0;
      let p2 = lp2;
      let p1 = lp1;
      for (let t = i; t < i + length; t++) {
        const keep = firstOption[t] as number;
        for (let k = idsFrom[keep] as number; k < (idsFrom[keep + 1] as number); k++) {
          const w = ids[k] as number;
          score += lm.trigram(p2, p1, w);
          p2 = p1;
          p1 = w;
        }
        keepCost += cost[keep] as number;
      }
      const keepScore = withTail(lm, score, p2, p1, r0, r1) + keepCost;
      const occ: Occurrence = {
        first: i,
        length,
        key: '',
        originals: [],
        options: [],
        margins: [],
        chosen: hereRestores && lengthOf[here] === length ? here : -1,
      };
      for (let o = o0; o < to; o++) {
        const c = candidateOf[o];
        if (c === null || c === undefined || lengthOf[o] !== length) continue;
        const end = idsFrom[o + 1] as number;
        const q1 = ids[end - 1] as number;
        const q2 = end - (idsFrom[o] as number) >= 2 ? (ids[end - 2] as number) : lp1;
        const margin = withTail(lm, optionScore(lattice, o, lp2, lp1, -1), q2, q1, r0, r1) + (cost[o] as number) - keepScore;
        setScore(occ, c.original, o, margin);
      }
      if (length === 1) occ.key = lattice.wordId[i] as number;
      else {
        let key = (tokens[i] as Token).norm;
        for (let t = i + 1; t < i + length; t++) key += ` ${(tokens[t] as Token).norm}`;
        occ.key = key;
      }
      occurrences.push(occ);
    }
  }

  const picks: Pick[] = [];
  if (params.poolWeight > 0) {
    const groups = new Map<number | string, Occurrence[]>();
    for (const occ of occurrences) {
      const g = groups.get(occ.key);
      if (g) g.push(occ);
      else groups.set(occ.key, [occ]);
    }
    // Summed margin per original over a group, in the order the originals first show up.
    const sumOf: string[] = [];
    const sums: number[] = [];
    for (const group of groups.values()) {
      let m = 0;
      for (const occ of group) {
        for (let k = 0; k < occ.originals.length; k++) {
          const o = occ.originals[k] as string;
          let at = 0;
          while (at < m && sumOf[at] !== o) at++;
          if (at === m) {
            sumOf[m] = o;
            sums[m++] = 0 + (occ.margins[k] as number);
          } else sums[at] = (sums[at] as number) + (occ.margins[k] as number);
        }
      }
      let best: string | null = null;
      let bestSum = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < m; k++) {
        if ((sums[k] as number) > bestSum) {
          best = sumOf[k] as string;
          bestSum = sums[k] as number;
        }
      }
      if (best === null) continue;
      for (const occ of group) {
        const at = occ.originals.indexOf(best);
        if (at < 0) continue;
        const margin = occ.margins[at] as number;
        // Each occurrence's margin, with the group's other occurrences as extra evidence.
        const pooled = margin + params.poolWeight * (bestSum - margin);
        if (pooled >= params.minMargin) picks.push({ occ, option: occ.options[at] as number, margin: pooled });
      }
    }
  } else {
    for (const occ of occurrences) {
      if (occ.chosen < 0) continue;
      const at = occ.originals.indexOf((candidateOf[occ.chosen] as ChannelCandidate).original);
      if (at >= 0 && (occ.margins[at] as number) >= params.minMargin) {
        picks.push({ occ, option: occ.options[at] as number, margin: occ.margins[at] as number });
      }
    }
  }

  const kept: (Replacement | undefined)[] = new Array(n);
  for (const p of disjoint(picks, n)) {
    const { first, length } = p.occ;
    const candidate = candidateOf[p.option] as ChannelCandidate;
    kept[first] = {
      first,
      last: first + length - 1,
      original: candidate.original,
      alternatives: runnersUp(p.occ, candidate.original, p.margin - 2),
      margin: p.margin,
      source: candidate.source,
    };
  }
  const result: Replacement[] = [];
  for (let i = 0; i < n; i++) if (kept[i]) result.push(kept[i] as Replacement);
  return result;
}

interface Pick {
  occ: Occurrence;
  option: number;
  margin: number;
}

/**
 * Pooling can propose overlapping restorations (a phrase and a word inside it). Spinners swap
 * phrases as units ("security guarantees" → "safety ensures"), so the longer one goes first, then
 * the higher margin. Only picks that overlap another need that order (and a sort): the others are
 * kept whatever comes before them.
 */
function disjoint(picks: readonly Pick[], n: number): Pick[] {
  const cover = new Uint8Array(n);
  for (const p of picks)
    for (let t = p.occ.first; t < p.occ.first + p.occ.length; t++) if (cover[t] !== 2) cover[t] = (cover[t] as number) + 1;
  const alone = (p: Pick) => {
    for (let t = p.occ.first; t < p.occ.first + p.occ.length; t++) if (cover[t] !== 1) return false;
    return true;
  };
  const out: Pick[] = [];
  const contested: Pick[] = [];
  for (const p of picks) (alone(p) ? out : contested).push(p);
  contested.sort((a, b) => b.occ.length - a.occ.length || b.margin - a.margin);
  const taken = new Uint8Array(n);
  for (const p of contested) {
    const { first, length } = p.occ;
    let free = true;
    for (let t = first; t < first + length && free; t++) free = taken[t] === 0;
    if (!free) continue;
    taken.fill(1, first, first + length);
    out.push(p);
  }
  return out;
}

/** `score` (words ending in p2, p1), then the right context r0 and r1 (unless it is -2), added word by word. */
function withTail(lm: LanguageModel, score: number, p2: number, p1: number, r0: number, r1: number): number {
  score += lm.trigram(p2, p1, r0);
  return r1 === -2 ? score : score + lm.trigram(p1, r0, r1);
}

/** Records a candidate's margin at an occurrence (a repeated original keeps its first place, as in a Map). */
function setScore(occ: Occurrence, original: string, option: number, margin: number): void {
  const at = occ.originals.indexOf(original);
  if (at >= 0) {
    occ.options[at] = option;
    occ.margins[at] = margin;
    return;
  }
  occ.originals.push(original);
  occ.options.push(option);
  occ.margins.push(margin);
}

/** Up to three originals other than `chosen` with a margin above `floor`, best first. */
function runnersUp(occ: Occurrence, chosen: string, floor: number): string[] {
  const top: { original: string; margin: number }[] = [];
  for (let k = 0; k < occ.originals.length; k++) {
    const original = occ.originals[k] as string;
    const margin = occ.margins[k] as number;
    if (original === chosen || margin <= floor) continue;
    let j = top.length;
    while (j > 0 && (top[j - 1] as { margin: number }).margin < margin) j--;
    if (j < 3) {
      top.splice(j, 0, { original, margin });
      if (top.length > 3) top.length = 3;
    }
  }
  return top.map((t) => t.original);
}

/**
 * The candidates of one position that passed the pre-score, ranked by it as they come (best
 * first; ties in the order found, as a stable sort leaves them): a form's record in its prepared
 * `open` list, the tokens it spans, its pre-score. Reused from position to position.
 */
const drafts = { count: 0, prep: [] as Prepared[], at: [] as number[], length: [] as number[], pre: [] as number[] };

function addDraft(prep: Prepared, at: number, length: number, pre: number): void {
  let d = drafts.count++;
  for (; d > 0 && (drafts.pre[d - 1] as number) < pre; d--) {
    drafts.prep[d] = drafts.prep[d - 1] as Prepared;
    drafts.at[d] = drafts.at[d - 1] as number;
    drafts.length[d] = drafts.length[d - 1] as number;
    drafts.pre[d] = drafts.pre[d - 1] as number;
  }
  drafts.prep[d] = prep;
  drafts.at[d] = at;
  drafts.length[d] = length;
  drafts.pre[d] = pre;
}

function buildOptions(
  tokens: readonly Token[],
  words: readonly Word[],
  ids: readonly number[][],
  models: Models,
  { prepare }: Preparer,
  maxCandidates: number,
): Lattice {
  const { lm, channel } = models;
  const n = tokens.length;
  const first = new Int32Array(n + 1);
  // Room for about two options a token (pages have fewer), doubled when that runs out.
  let room = 2 * n + 16;
  let lengths = new Uint8Array(room);
  let idsFrom = new Int32Array(room);
  const flatIds: number[] = [];
  let logProbs = new Float64Array(room);
  let replaceable = new Uint8Array(room);
  const candidates: (ChannelCandidate | null)[] = [];
  const breaks = new Uint8Array(n);
  let count = 0;
  const add = (length: number, optionIds: readonly number[], logProb: number, candidate: ChannelCandidate | null) => {
    if (count + 1 >= room) {
      room *= 2;
      lengths = grown(lengths, new Uint8Array(room));
      idsFrom = grown(idsFrom, new Int32Array(room));
      logProbs = grown(logProbs, new Float64Array(room));
      replaceable = grown(replaceable, new Uint8Array(room));
    }
    lengths[count] = length;
    idsFrom[count] = flatIds.length;
    for (let k = 0; k < optionIds.length; k++) flatIds.push(optionIds[k] as number);
    logProbs[count] = logProb;
    candidates.push(candidate);
    count++;
  };
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as Token;
    if (i > 0 && tok.gap === 'sentence') breaks[i] = 1;
    const keep = count;
    first[i] = keep;
    add(1, ids[i] ?? [-1], 0, null);
    // Words, number-words a spinner makes ("1000’s" for "thousands"), and numbers that start a longer
    // spun form ("12 months over 12 months" for "year over year").
    if (tok.kind === 'word' || /\p{L}/u.test(tok.norm) || (words[i] as Word).prefix) {
      // Pre-score against the page's own neighbours with bigrams: cheap, and only for pruning.
      const left = i === 0 || tok.gap === 'sentence' ? lm.startId : (ids[i - 1]?.at(-1) ?? -1);
      drafts.count = 0;
      let key = tok.norm;
      let shout = false;
      for (let k = 0; k < channel.maxSpunWords && i + k < n; k++) {
        const t = tokens[i + k] as Token;
        let prep: Prepared | null;
        let prefix: boolean;
        if (k === 0) {
          // one word: its channel entry is cached with its LM ids
          const word = words[i] as Word;
          prep = word.prepared;
          prefix = word.prefix;
        } else {
          if (t.gap !== 'space' && t.gap !== 'hyphen') break;
          key += (t.gap === 'hyphen' ? '-' : ' ') + t.norm;
          const id = channel.find(key);
          const hits = channel.candidatesOf(id);
          prep = hits ? prepare(id, key, hits) : null;
          prefix = channel.isPrefixId(id);
        }
        shout ||= isShouting(t.text);
        if (prep) {
          if (k === 0 && prep.replaceable) replaceable[keep] = 1;
          const next = tokens[i + k + 1];
          const right = next && next.gap !== 'sentence' ? (ids[i + k + 1]?.[0] ?? -1) : lm.endId;
          // What keeping the page's words scores on the same terms: candidates far below it cannot
          // win in any pass, so they never enter the lattice (most positions keep no candidate).
          let keepPre = 0;
          let prev = left;
          for (let t = i; t <= i + k; t++) {
            for (const w of ids[t] ?? [-1]) {
              keepPre += lm.bigram(prev, w);
              prev = w;
            }
          }
          keepPre += lm.bigram(prev, right);
          const floor = keepPre - PRUNE_SLACK;
          const open = prep.open;
          for (let x = 0; x < open.length; x += OPEN_FIELDS) {
            // Acronyms ("U.S." → "America") are not spinner swaps, unless the spinner table says so.
            if (shout && open[x + 4] === 0) continue;
            const pre = lm.bigram(left, open[x + 1] as number) + (open[x + 3] as number) + lm.bigram(open[x + 2] as number, right);
            if (pre < floor) continue;
            addDraft(prep, x, k + 1, pre);
          }
        }
        if (k + 1 < channel.maxSpunWords && !prefix) break;
      }
      for (let d = 0; d < drafts.count && d < maxCandidates; d++) {
        const prep = drafts.prep[d] as Prepared;
        const x = drafts.at[d] as number;
        const j = prep.open[x] as number;
        add(drafts.length[d] as number, prep.oids[j] as number[], prep.open[x + 5] as number, prep.cands[j] as ChannelCandidate);
      }
    }
  }
  first[n] = count;
  idsFrom[count] = flatIds.length;
  return {
    tokens,
    models,
    first,
    length: lengths.subarray(0, count),
    idsFrom: idsFrom.subarray(0, count + 1),
    ids: Int32Array.from(flatIds),
    logProb: logProbs.subarray(0, count),
    replaceable: replaceable.subarray(0, count),
    onPage: null,
    candidate: candidates,
    breaks,
    wordId: idsOfWords(words),
    seen: {
      p2: new Int32Array(SLOTS * count).fill(-3),
      p1: new Int32Array(SLOTS * count),
      score: new Float64Array(SLOTS * count),
    },
  };
}

/** `more` (a larger array of the same kind) holding `a` at its start. */
function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, more: T): T {
  more.set(a);
  return more;
}

function idsOfWords(words: readonly Word[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = (words[i] as Word).id;
  return out;
}

/**
 * All-caps text ("U.S.", "NATO") or an acronym's plural ("PCs", "CEOs"): a lowercase ASCII last letter
 * other than that plural "s" rules it out without uppercasing a copy.
 */
function isShouting(text: string): boolean {
  const core = text.length > 2 && text.charCodeAt(text.length - 1) === 115 ? text.slice(0, -1) : text;
  const last = core.charCodeAt(core.length - 1);
  if (last >= 97 && last <= 122) return false;
  return core.length > 1 && core === core.toUpperCase() && /\p{Lu}/u.test(core);
}

/**
 * A spun form's candidates with everything that does not depend on the page worked out once:
 * LM ids, the channel log-probability plus the bigrams inside the original, and the swaps that are
 * never allowed. Cached per language model, like the ids (spun forms recur across pages).
 */
interface Prepared {
  /** Some candidate differs from the form itself: keeping the page's word costs log(1 − ρ). */
  replaceable: boolean;
  cands: ChannelCandidate[];
  oids: number[][];
  /**
   * The candidates that may be a spinner swap here (not the form itself, nor from a general lexicon a
   * function-word swap or another spelling of the same word: spelling.ts), OPEN_FIELDS numbers each,
   * all in one array (the lattice reads them for every occurrence of the form, so they share cache
   * lines): its index in `cands`, the LM ids of its first and last words, its channel log-prob plus the
   * bigrams inside it, 1 if from the spinner table (allowed even in all-caps text), its channel log-prob.
   */
  open: Float64Array;
}

const OPEN_FIELDS = 6;

/** A page word's LM ids and its channel entry as a one-word spun form, cached by its text. */
interface Word {
  /** Its number among the words cached so far. */
  id: number;
  ids: number[];
  /** A British spelling's LM ids as its American twin ("realise" as "realize"), when the model knows that better. */
  usIds: number[] | null;
  /** Spelt as only American writers do ("organize", "color"). */
  american: boolean;
  /** The candidates of the word as a spun form, if it is one. */
  prepared: Prepared | null;
  /** Some longer spun form starts with this word. */
  prefix: boolean;
}

interface Preparer {
  prepare(id: number, key: string, hits: readonly ChannelCandidate[]): Prepared;
  word(norm: string): Word;
  /** Forgets the page words cached when there are too many (between pages only: a word keeps its id within one). */
  trim(): void;
}

/**
 * Page words kept cached across pages: every distinct word the engine has seen, which a background
 * page running for days would otherwise grow without bound (about 20 MB per 100,000 words).
 */
const MAX_CACHED_WORDS = 100_000;

/**
 * Per channel, per language model: prepared candidates by the channel's id of the spun form, and
 * page words by their text (one Map lookup per token instead of an LM and a channel hash lookup).
 */
const preparedCache = new WeakMap<ChannelModel, WeakMap<LanguageModel, Preparer>>();
function preparerFor(lm: LanguageModel, channel: ChannelModel): Preparer {
  return perPair(preparedCache, channel, lm, () => newPreparer(lm, channel));
}

function newPreparer(lm: LanguageModel, channel: ChannelModel): Preparer {
  const map = new Map<number, Prepared>();
  const wordMap = new Map<string, Word>();
  const idsOf = phraseIdsFor(lm);
  // Unique among the words cached since the preparer was made, also after trim().
  let nextWordId = 0;
  const prepare = (id: number, key: string, hits: readonly ChannelCandidate[]): Prepared => {
    let got = map.get(id);
    if (got) return got;
    const oidsOf = hits.map((c) => idsOf(c.original));
    const open: number[] = [];
    const functionWord = FUNCTION_WORDS.has(key);
    for (let j = 0; j < hits.length; j++) {
      const c = hits[j] as ChannelCandidate;
      const functionSwap = c.source !== 'spinner' && functionWord && (FUNCTION_WORDS.has(c.original) || !c.original.includes(' '));
      if (c.original === key || functionSwap || isRespelling(key, c) || c.source === 'credit') continue;
      const oids = oidsOf[j] as number[];
      let inner = c.logProb;
      for (let w = 1; w < oids.length; w++) inner += lm.bigram(oids[w - 1] ?? -1, oids[w] ?? -1);
      open.push(j, oids[0] ?? -1, oids[oids.length - 1] ?? -1, inner, c.source === 'spinner' ? 1 : 0, c.logProb);
    }
    got = {
      replaceable: hits.some((c) => c.original !== key && c.source !== 'credit'),
      cands: [...hits],
      oids: oidsOf,
      open: Float64Array.from(open),
    };
    map.set(id, got);
    return got;
  };
  const word = (norm: string): Word => {
    let got = wordMap.get(norm);
    if (!got) {
      const id = channel.find(norm);
      const hits = channel.candidatesOf(id);
      got = {
        id: nextWordId++,
        ids: phraseIds(lm, norm),
        usIds: britishTwin(lm, norm),
        american: isAmericanSpelling(norm),
        prepared: hits ? prepare(id, norm, hits) : null,
        prefix: channel.isPrefixId(id),
      };
      wordMap.set(norm, got);
    }
    return got;
  };
  const trim = () => {
    if (wordMap.size > MAX_CACHED_WORDS) wordMap.clear();
  };
  return { prepare, word, trim };
}

/**
 * A British spelling's LM ids as the American twin the model knows better, or null. The model learnt
 * American text, where "realise" and "offences" are rare or missing: scored as written, a British
 * page's own words lose to any American-spelled synonym ("realise" → "see").
 */
function britishTwin(lm: LanguageModel, norm: string): number[] | null {
  let best: string | null = null;
  let bestLogProb = lm.unigram(lm.id(norm));
  for (const v of americanSpellings(norm)) {
    const p = lm.unigram(lm.id(v));
    if (p > bestLogProb) {
      best = v;
      bestLogProb = p;
    }
  }
  return best === null ? null : phraseIds(lm, best);
}

/**
 * A page written in British spelling: two or more British forms, and more than twice as many
 * British as American ones. Only there are British forms scored as their American twins; on an
 * American page a British spelling is itself a tell, a spinner drawing on a thesaurus that lists
 * both ("acknowledging" → "recognising" in the seed repost).
 */
function isBritishPage(words: readonly Word[]): boolean {
  let british = 0;
  let american = 0;
  const types = new Set<Word>();
  for (const w of words) {
    if (w.usIds) {
      british++;
      types.add(w);
    } else if (w.american) american++;
  }
  return types.size >= 2 && british > 2 * american;
}

/** Function words a thesaurus lists as synonyms of each other (to/of, in/on) are not spinner swaps. */
const FUNCTION_WORDS = new Set(
  'a an the and or but nor so yet for of in on at to by with from into onto upon over under about after before than as if then that this these those it its he she they we you i me him her them us his their our your my be is are was were been being have has had do does did not no'.split(
    ' ',
  ),
);

/** LM ids of an original's words, cached per language model (originals recur across pages). */
const idCache = new WeakMap<LanguageModel, Map<string, number[]>>();
function phraseIdsFor(lm: LanguageModel): (phrase: string) => number[] {
  let cache = idCache.get(lm);
  if (!cache) {
    cache = new Map();
    idCache.set(lm, cache);
  }
  const map = cache;
  return (phrase) => {
    let got = map.get(phrase);
    if (!got) {
      got = phraseIds(lm, phrase);
      map.set(phrase, got);
    }
    return got;
  };
}

/** LM ids of a phrase's words, word by word without split/flatMap (a cold start asks for thousands). */
function phraseIds(lm: LanguageModel, phrase: string): number[] {
  const got: number[] = [];
  for (let a = 0; ; ) {
    const z = phrase.indexOf(' ', a);
    const w = z < 0 ? phrase.slice(a) : phrase.slice(a, z);
    // a number as the page's numbers are scored: read aloud ("switch 2" is "switch two")
    const spoken = w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 ? numberWords(w) : null;
    if (spoken) for (const x of spoken) got.push(lm.id(x));
    else if (w.includes('.')) for (const x of lmWords(w)) got.push(lm.id(x));
    else got.push(lm.id(possessiveStem(w)));
    if (z < 0) break;
    a = z + 1;
  }
  return got;
}

const CONTRACTIONS = new Set(["it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "let's", "where's", "how's"]);

/**
 * The words the language model sees for one of ours. It spells abbreviations letter by letter
 * ("u.k." is "u." "k."), and its possessives are rare words with few n-grams, so "reserve's" is
 * scored as "reserve" (what follows a name is the same with or without the 's).
 */
function lmWords(word: string): string[] {
  if (/^(?:\p{L}{1,3}\.){2,}$/u.test(word)) return word.match(/\p{L}{1,3}\./gu) ?? [word];
  return [possessiveStem(word)];
}

/** "reserve's" → "reserve" (not "it's"); lmWords for a word without a dot. */
function possessiveStem(word: string): string {
  return word.length > 3 && word.endsWith("'s") && !CONTRACTIONS.has(word) ? word.slice(0, -2) : word;
}
