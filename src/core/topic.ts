/**
 * The topic term of the restore pass. A spinner draws synonyms blind to sense ("ground" for the "found" of
 * "we found communities", "press" for an election "campaign", "summon" for a stock "rally"), and a word
 * from another sense is usually off the page's topic: something a trigram model, which sees two words
 * back, cannot tell. Each restoration is scored by how much better its original wording fits the words
 * around it than the page's wording does, as cosines of word vectors (vectors.ts) with their sum over a
 * window of neighbouring tokens.
 */
import type { Lattice } from './decode';
import type { WordVectors } from './vectors';

/**
 * Per option of the lattice: cos(original, context) − cos(page's words, context), where context is the
 * sum of the vectors of up to `window` tokens on each side (not the option's own). 0 for "keep", and
 * where either side or the context has no vector (function words, rare words): a rare spun word is no
 * evidence either way. 0 for a spinner-table swap too: the topic tells a thesaurus's senses apart, and a
 * table swap is what a spinner was seen doing, on any topic ("the Swap 2" in a story about consoles,
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

  const context = new Float64Array(dims);
  const spun = new Float64Array(dims);
  const original = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    const end = first[i + 1] as number;
    for (let o = (first[i] as number) + 1; o < end; o++) {
      if (candidate[o]?.source === 'spinner') continue;
      const last = i + (length[o] as number);
      let spunWords = 0;
      for (let t = i; t < last; t++) if ((rowOf[t] as number) >= 0) spunWords++;
      if (spunWords === 0) continue;
      const a = Math.max(0, i - window);
      const b = Math.min(n, last + window);
      for (let d = 0; d < dims; d++) {
        context[d] =
          (sums[b * dims + d] as number) -
          (sums[a * dims + d] as number) -
          ((sums[last * dims + d] as number) - (sums[i * dims + d] as number));
        spun[d] = (sums[last * dims + d] as number) - (sums[i * dims + d] as number);
        original[d] = 0;
      }
      let words = 0;
      for (let k = idsFrom[o] as number; k < (idsFrom[o + 1] as number); k++) {
        const row = vectors.row(ids[k] as number);
        if (row < 0) continue;
        words++;
        vectors.addTo(row, original, 0);
      }
      if (words > 0) fit[o] = cosine(original, context, dims) - cosine(spun, context, dims);
    }
  }
  return fit;
}

/** Cosine of two vectors; 0 when either is zero (no vector on that side). */
function cosine(a: Float64Array, b: Float64Array, dims: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < dims; d++) {
    const x = a[d] as number;
    const y = b[d] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
