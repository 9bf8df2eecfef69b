/**
 * The topic term of the restore pass. A spinner draws synonyms blind to sense ("ground" for the "found" of
 * "we found communities", "press" for an election "campaign", "summon" for a stock "rally"), and a word
 * from another sense is usually off the page's topic: something a trigram model, which sees two words
 * back, cannot tell. Each restoration is scored by how much better its original wording fits the words
 * around it than the page's wording does, as cosines of word vectors (vectors.ts) with their sum over a
 * window of neighbouring tokens.
 */
import type { Lattice } from './lattice';
import type { WordVectors } from './vectors';

/**
 * Per option of the lattice: cos(original, context) − cos(page's words, context), where context is the
 * sum of the vectors of up to `window` tokens on each side (not the option's own); where either side has
 * no vector (function words, rare words), the page's typical cosine stands for its. 0 for "keep" and where
 * no word around has a vector. 0 for a spinner-table swap too: the topic tells a thesaurus's senses apart,
 * and a table swap is what a spinner was seen doing, on any topic ("the Swap 2" in a story about consoles,
 * where "swap" sits nearer prices than "switch" does).
 */
export function topicFit(lattice: Lattice, vectors: WordVectors, window: number): Float64Array {
  const { first, length, idsFrom, ids, candidate } = lattice;
  const { dims } = vectors;
  const n = lattice.tokens.length;
  const fit = new Float64Array(length.length);

  // Per token, its vector's row (a page word is one LM id; a number several: none).
  const rowOf = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const keep = first[t] as number;
    const from = idsFrom[keep] as number;
    rowOf[t] = (idsFrom[keep + 1] as number) - from === 1 ? vectors.row(ids[from] as number) : -1;
  }
  // Running sums of the tokens' vectors, so any window's sum is one subtraction.
  const sums = new Float64Array((n + 1) * dims);
  for (let t = 0; t < n; t++) {
    for (let d = 0; d < dims; d++) sums[(t + 1) * dims + d] = sums[t * dims + d] as number;
    const row = rowOf[t] as number;
    if (row >= 0) vectors.addTo(row, sums, (t + 1) * dims);
  }

  // A side without a vector (a rare word, a function word) is not unknown: it fits as the page's words
  // typically fit their contexts. Counting it as no evidence let rare words be restored to originals off
  // the topic (docs/engine.md).
  const typical = typicalFit(rowOf, sums, dims, window);
  // A position's options share their context and the page words' cosine whenever they span as many
  // tokens (most span one): computed once per span length.
  let longest = 1;
  for (let o = 0; o < length.length; o++) longest = Math.max(longest, length[o] as number);
  const contexts = new Float64Array(longest * dims);
  const spunCosine = new Float64Array(longest);
  const spanAt = new Int32Array(longest);
  const spun = new Float64Array(dims);
  const original = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    const end = first[i + 1] as number;
    spanAt.fill(-1);
    for (let o = (first[i] as number) + 1; o < end; o++) {
      if (candidate[o]?.source === 'spinner') continue;
      const span = length[o] as number;
      const slot = span - 1;
      if (spanAt[slot] !== i) {
        spanAt[slot] = i;
        const last = i + span;
        let spunWords = 0;
        for (let t = i; t < last; t++) if ((rowOf[t] as number) >= 0) spunWords++;
        const at = slot * dims;
        const around = windowAround(sums, dims, window, i, last, spun, contexts, at);
        // NaN, no topic evidence for this span: no word around has a vector (typical is NaN when none of
        // the page's words has).
        spunCosine[slot] = around === 0 ? Number.NaN : spunWords === 0 ? typical : cosine(spun, 0, contexts, at, dims);
      }
      const spunFit = spunCosine[slot] as number;
      if (Number.isNaN(spunFit)) continue;
      original.fill(0);
      let words = 0;
      for (let k = idsFrom[o] as number; k < (idsFrom[o + 1] as number); k++) {
        const row = vectors.row(ids[k] as number);
        if (row < 0) continue;
        words++;
        vectors.addTo(row, original, 0);
      }
      fit[o] = (words > 0 ? cosine(original, 0, contexts, slot * dims, dims) : typical) - spunFit;
    }
  }
  return fit;
}

/**
 * The mean cosine of a word's vector with the sum of its neighbours' (`window` tokens each side), over the
 * tokens that have a vector; NaN when none has.
 */
function typicalFit(rowOf: Int32Array, sums: Float64Array, dims: number, window: number): number {
  const n = rowOf.length;
  const word = new Float64Array(dims);
  const context = new Float64Array(dims);
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if ((rowOf[t] as number) < 0) continue;
    // a word with no vector around it has no fit to count (as for a restoration's options)
    if (windowAround(sums, dims, window, t, t + 1, word, context, 0) === 0) continue;
    sum += cosine(word, 0, context, 0, dims);
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

/**
 * From the running sums of the tokens' vectors: the sum over tokens from..to (exclusive) into `own`, and
 * over up to `window` tokens on each side of them into `context` at `contextAt`. Returns the context's
 * squared length (0: no word around has a vector).
 */
function windowAround(
  sums: Float64Array,
  dims: number,
  window: number,
  from: number,
  to: number,
  own: Float64Array,
  context: Float64Array,
  contextAt: number,
): number {
  const n = sums.length / dims - 1;
  const a = Math.max(0, from - window);
  const b = Math.min(n, to + window);
  let squared = 0;
  for (let d = 0; d < dims; d++) {
    const mine = (sums[to * dims + d] as number) - (sums[from * dims + d] as number);
    const around = (sums[b * dims + d] as number) - (sums[a * dims + d] as number) - mine;
    own[d] = mine;
    context[contextAt + d] = around;
    squared += around * around;
  }
  return squared;
}

/** Cosine of a[aAt ..] and b[bAt ..], `dims` numbers each; 0 when either is zero (no vector on that side). */
function cosine(a: Float64Array, aAt: number, b: Float64Array, bAt: number, dims: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < dims; d++) {
    const x = a[aAt + d] as number;
    const y = b[bAt + d] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
