// Builds public/data/lm.bin(.gz): unigram log10 probs + backoffs for the whole sphinx vocabulary and
// the bigrams whose log-prob beats the Katz backoff estimate by at least MIN_GAIN, all byte-quantized.
//
// lm.bin layout (little endian), decoded by src/core/lm.ts:
//   "ULM1"  u32 V  u32 nBigrams  f32 unkLogProb  i32 startId  i32 endId
//   f32[256] unigram codebook, f32[256] backoff codebook, f32[256] bigram gain codebook (only the first GAIN_LEVELS used)
//   u32 len + UTF-8 vocabulary joined by "\n" (sorted by code unit; id = position)
//   u8[V] unigram codes, u8[V] backoff codes
//   varint[V] bigram count per context word (CSR by prev)
//   varint[nBigrams] next-word ids, delta-coded within each context (first one absolute)
//   u8[nBigrams] bigram gain codes: log10 P(w|v) = backoff(v) + unigram(w) + gainCodebook[code]
import { ByteWriter, requireDebianFile, SOURCES, uniformQuantizer } from './common.mjs';
import { readSphinxLM } from './sphinx-lm.mjs';

export const LM_PARAMS = {
  /** keep bigram (v,w) when log10 P(w|v) - (backoff(v) + log10 P(w)) >= MIN_GAIN */
  minGain: 2.5,
  /** plus the bigrams with the largest expected gain P(v) P(w|v) (gain), if gain >= weightedMinGain */
  weightedTop: 120000,
  weightedMinGain: 0.25,
  /** and both words rank within the top MAX_RANK unigrams (sentence markers always kept) */
  maxRank: 30000,
  /** cap per context word, most probable continuations first (keeps "of the" over rare collocations) */
  maxPerContext: 300,
};

export function buildLM(params = LM_PARAMS) {
  const lm = readSphinxLM(requireDebianFile(SOURCES.sphinx.file, SOURCES.sphinx.name));
  const V = lm.words.length;
  // Sorted by code unit so the vocabulary is stable and compresses well (sphinx order is already this).
  const order = lm.words.map((_w, i) => i).sort((a, b) => (lm.words[a] < lm.words[b] ? -1 : lm.words[a] > lm.words[b] ? 1 : 0));
  const newId = new Uint32Array(V);
  order.forEach((old, i) => {
    newId[old] = i;
  });
  const words = order.map((i) => lm.words[i]);
  const startOld = lm.words.indexOf('<s>');
  const endOld = lm.words.indexOf('</s>');
  // rank by unigram prob
  const byFreq = lm.words.map((_w, i) => i).sort((a, b) => lm.uniProb[b] - lm.uniProb[a] || a - b);
  const rank = new Uint32Array(V);
  byFreq.forEach((old, r) => {
    rank[old] = r;
  });
  rank[startOld] = 0;
  rank[endOld] = 0;

  let minUni = 0;
  for (let i = 0; i < V; i++) if (i !== startOld && lm.uniProb[i] < minUni) minUni = lm.uniProb[i];
  const unkLogProb = Math.round((minUni - 0.5) * 100) / 100;

  const uq = uniformQuantizer(-9.6, -0.8);
  const bq = uniformQuantizer(-2.1, 0.1);
  // Bigram gains over the (quantized) backoff estimate, coarsely quantized: low entropy, gzips well.
  const GAIN_LEVELS = 64;
  const gainStep = 0.12;
  const gainBase = Math.min(params.minGain, params.weightedMinGain);
  const gainCodebook = new Float32Array(256);
  for (let i = 0; i < 256; i++) gainCodebook[i] = gainBase + Math.min(i, GAIN_LEVELS - 1) * gainStep;
  const uniQ = (old) => (old === startOld ? unkLogProb : uq.codebook[uq.q(lm.uniProb[old])]);
  const boQ = (old) => bq.codebook[bq.q(lm.uniBackoff[old])];

  // select bigrams: (a) strong collocations, gain >= minGain; (b) the top weightedTop by expected gain
  const weighted = new Float64Array(lm.n2);
  for (let i = 0; i < lm.n2; i++) {
    const v = lm.biPrev[i];
    const w = lm.biWord[i];
    const gain = lm.biProb[i] - (lm.uniBackoff[v] + (w === startOld ? unkLogProb : lm.uniProb[w]));
    const pv = v === startOld ? -1.3 : lm.uniProb[v];
    weighted[i] =
      rank[v] < params.maxRank && rank[w] < params.maxRank && gain >= params.weightedMinGain ? 10 ** (pv + lm.biProb[i]) * gain : 0;
  }
  const sortedW = Float64Array.from(weighted).sort();
  const wCut = Math.max(sortedW[sortedW.length - params.weightedTop] ?? 0, Number.MIN_VALUE);
  const perPrev = new Map();
  let considered = 0;
  for (let i = 0; i < lm.n2; i++) {
    const v = lm.biPrev[i];
    const w = lm.biWord[i];
    if (rank[v] >= params.maxRank || rank[w] >= params.maxRank) continue;
    const p = lm.biProb[i];
    const base = lm.uniBackoff[v] + (w === startOld ? unkLogProb : lm.uniProb[w]);
    const gain = p - base;
    considered++;
    if (gain < params.minGain && weighted[i] < wCut) continue;
    let list = perPrev.get(v);
    if (!list) {
      list = [];
      perPrev.set(v, list);
    }
    // store the gain relative to the quantized estimate the decoder will reconstruct
    const g = p - (boQ(v) + uniQ(w));
    const code = Math.max(0, Math.min(GAIN_LEVELS - 1, Math.round((g - gainBase) / gainStep)));
    list.push({ w: newId[w], p, gain, code });
  }
  const biLists = new Array(V);
  let nB = 0;
  for (const [v, list] of perPrev) {
    list.sort((a, b) => b.p - a.p || a.w - b.w);
    const kept = list.slice(0, params.maxPerContext).sort((a, b) => a.w - b.w);
    biLists[newId[v]] = kept;
    nB += kept.length;
  }

  const out = new ByteWriter(1 << 22);
  out.bytes(Buffer.from('ULM1', 'latin1'));
  out.u32(V);
  out.u32(nB);
  out.f32(unkLogProb);
  out.i32(startOld >= 0 ? newId[startOld] : -1);
  out.i32(endOld >= 0 ? newId[endOld] : -1);
  for (const cb of [uq.codebook, bq.codebook, gainCodebook]) for (const c of cb) out.f32(c);
  out.text(words.join('\n'));
  for (let i = 0; i < V; i++) {
    const old = order[i];
    out.u8(old === startOld ? 0 : uq.q(lm.uniProb[old]));
  }
  for (let i = 0; i < V; i++) out.u8(bq.q(lm.uniBackoff[order[i]]));
  for (let i = 0; i < V; i++) out.varint(biLists[i] ? biLists[i].length : 0);
  for (let i = 0; i < V; i++) {
    let prev = 0;
    for (const e of biLists[i] ?? []) {
      out.varint(e.w - prev);
      prev = e.w;
    }
  }
  for (let i = 0; i < V; i++) for (const e of biLists[i] ?? []) out.u8(e.code);
  return {
    bin: out.result(),
    stats: { vocab: V, bigrams: nB, bigramsConsidered: considered, unkLogProb, sentenceMarkers: ['<s>', '</s>'], params },
    sphinx: lm,
    words,
  };
}
