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
import type { ChannelCandidate } from './channel';
import { costs } from './costs';
import { buildLattice, grown, type Lattice, type Models, optionScore, SLOTS } from './lattice';
import { pool } from './pool';
import type { Token } from './tokenize';

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
