// Builds public/data/lm.bin(.gz): unigram log10 probs + backoffs for the whole sphinx vocabulary, the bigrams
// whose log-prob beats the Katz backoff estimate by enough, and the trigrams with the largest expected gain over
// their backoff estimate, all byte-quantized.
//
// lm.bin layout (little endian), decoded by src/core/lm.ts:
//   "ULM2"  u32 V  u32 nBigrams  f32 unkLogProb  i32 startId  i32 endId
//   f32[256] unigram codebook, f32[256] backoff codebook, f32[256] bigram gain codebook (only the first GAIN_LEVELS used)
//   u32 len + UTF-8 vocabulary joined by "\n" (most frequent first, ties by code unit; id = position)
//   u8[V] unigram codes, u8[V] backoff codes
//   varint[V] bigram count per context word (CSR by prev)
//   gap planes of the next-word ids: u8[nBigrams] low bytes, then u8[nBigrams] high bytes of each id's gap to
//     the one before it in its context's list (the first from 0)
//   u8[nBigrams] bigram gain codes: log10 P(w|v) = backoff(v) + unigram(w) + gainCodebook[code]
// then the optional trigram section (an asset that ends here has no trigrams):
//   "TRI2"  u32 nContexts  u32 nTrigrams
//   f32[256] context backoff codebook, f32[256] trigram gain codebook
//   varint[nContexts] contexts (p2 p1) as the index of the stored bigram (p2, p1) in the bigram arrays above,
//     ascending, delta-coded (first one absolute)
//   u8[nContexts] backoff codes: bo(p2 p1), renormalised for the kept trigrams
//   varint[nContexts] trigram count per context
//   gap planes (as above) of w as the position of the bigram (p1, w) within p1's bigram list, within each
//     context (every stored trigram's bigram is stored)
//   u8[nTrigrams] trigram gain codes: log10 P(w|p2 p1) = bo(p2 p1) + bigram(p1, w) + triGainCodebook[code]
import { ByteWriter, requireDebianFile, SOURCES, uniformQuantizer } from './common.mjs';
import { readSphinxLM } from './sphinx-lm.mjs';

/** Words the engine asks the model for by name (lattice.ts scores every number as "number"). */
const ENGINE_WORDS = ['number'];

export const LM_PARAMS = {
  /** leave out the words that neither the channel can swap nor any kept n-gram holds */
  pruneVocab: true,
  /** keep bigram (v,w) when log10 P(w|v) - (backoff(v) + log10 P(w)) >= MIN_GAIN */
  minGain: 2.5,
  /** plus the bigrams with the largest expected gain P(v) P(w|v) (gain), if gain >= weightedMinGain */
  weightedTop: 1012000,
  weightedMinGain: 0.25,
  /** and both words rank within the top MAX_RANK unigrams (sentence markers always kept) */
  maxRank: 30000,
  /** cap per context word, most probable continuations first (keeps "of the" over rare collocations) */
  maxPerContext: 3000,
  /** bigram gains over the backoff estimate: levels × step (log10) from the smaller min gain up */
  gainLevels: 32,
  gainStep: 0.24,
  trigrams: {
    /** keep the `top` trigrams (a b w) with the largest expected gain P(a b w) * gain, where
     *  gain = log10 P(w|a b) - (bo(a b) + log10 P(w|b)) in the source model, if gain >= minGain */
    top: 420000,
    minGain: 0.15,
    /** all three words within the top maxRank unigrams (sentence markers always allowed) */
    maxRank: 30000,
    /** 'force': a kept trigram keeps its bigram (b w) too; 'drop': trigrams whose bigram was pruned are dropped */
    bigrams: 'force',
    /** recompute bo(a b) for the kept trigrams (Katz renormalisation) instead of using the sphinx value */
    renormalize: true,
    /** trigram gain quantization step (log10); coarse steps cost no measured quality and gzip better */
    step: 0.3,
  },
};

/**
 * @param {typeof LM_PARAMS} params
 * @param {{ sphinx?: ReturnType<typeof readSphinxLM>, inPlay?: Set<string> }} [opts] inPlay: the words the
 *   decoder can ever swap in or out (the channel's spun forms and originals, word by word); an n-gram
 *   none of whose words is among them scores every reading of a page alike, so it is not kept
 */
export function buildLM(params = LM_PARAMS, opts = {}) {
  const lm = opts.sphinx ?? readSphinxLM(requireDebianFile(SOURCES.sphinx.file, SOURCES.sphinx.name));
  if (opts.inPlay && params.pruneVocab && !opts.vocab) {
    // A word out of play that no kept n-gram holds scores every reading of a page alike whether the
    // model knows it or not (its log-prob shifts them all by the same amount): leave it out, as unknown.
    const { used } = buildLM(params, { ...opts, vocab: new Set(lm.words.keys()) });
    const vocab = new Set(used);
    lm.words.forEach((w, i) => {
      if (opts.inPlay.has(w) || w === '<s>' || w === '</s>' || ENGINE_WORDS.includes(w)) vocab.add(i);
    });
    return buildLM(params, { ...opts, vocab });
  }
  const playing = opts.inPlay ? Uint8Array.from(lm.words, (w) => (opts.inPlay.has(w) ? 1 : 0)) : null;
  const matters = (...ids) => !playing || ids.some((id) => playing[id] === 1);
  const V = lm.words.length;
  const byCodeUnit = (a, b) => (lm.words[a] < lm.words[b] ? -1 : lm.words[a] > lm.words[b] ? 1 : 0);
  // Ids in order of frequency (ties by code unit, so the order is stable): successor lists are then
  // dominated by small ids and small gaps, which take fewer varint bytes and gzip better than
  // alphabetical ids (16% less in all; docs/data.md), for a slightly larger vocabulary section.
  const order = lm.words
    .map((_w, i) => i)
    .filter((i) => !opts.vocab || opts.vocab.has(i))
    .sort((a, b) => lm.uniProb[b] - lm.uniProb[a] || byCodeUnit(a, b));
  // V counts the source model's words; VO the words of this asset.
  const VO = order.length;
  const newId = new Int32Array(V).fill(-1);
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
  const GAIN_LEVELS = params.gainLevels;
  const gainStep = params.gainStep;
  const gainBase = Math.min(params.minGain, params.weightedMinGain);
  const gainCodebook = new Float32Array(256);
  for (let i = 0; i < 256; i++) gainCodebook[i] = gainBase + Math.min(i, GAIN_LEVELS - 1) * gainStep;
  const uniQ = (old) => (old === startOld ? unkLogProb : uq.codebook[uq.q(lm.uniProb[old])]);
  const boQ = (old) => bq.codebook[bq.q(lm.uniBackoff[old])];

  // Trigram candidates first: a kept trigram may need its bigram kept (params.trigrams.bigrams === 'force').
  const triCand = selectTrigrams(lm, params.trigrams, { rank, startOld, matters });
  const forced = new Set();
  // every context "a b" of a kept trigram is a stored bigram: the asset addresses contexts by bigram index
  for (const t of triCand.kept) forced.add(t.ctxBi);
  if (params.trigrams.bigrams === 'force') for (const t of triCand.kept) forced.add(t.bi);

  // select bigrams: (a) strong collocations, gain >= minGain; (b) the top weightedTop by expected gain;
  // (c) the bigrams (b w) of kept trigrams (a b w)
  const nBi = lm.uniNext[V];
  const weighted = new Float64Array(nBi);
  for (let i = 0; i < nBi; i++) {
    const v = lm.biPrev[i];
    const w = lm.biWord[i];
    const gain = lm.biProb[i] - (lm.uniBackoff[v] + (w === startOld ? unkLogProb : lm.uniProb[w]));
    const pv = v === startOld ? -1.3 : lm.uniProb[v];
    weighted[i] =
      rank[v] < params.maxRank && rank[w] < params.maxRank && gain >= params.weightedMinGain && matters(v, w)
        ? 10 ** (pv + lm.biProb[i]) * gain
        : 0;
  }
  const sortedW = Float64Array.from(weighted).sort();
  const wCut = Math.max(sortedW[sortedW.length - params.weightedTop] ?? 0, Number.MIN_VALUE);
  const perPrev = new Map();
  let considered = 0;
  for (let i = 0; i < nBi; i++) {
    const v = lm.biPrev[i];
    const w = lm.biWord[i];
    if (rank[v] >= params.maxRank || rank[w] >= params.maxRank) continue;
    const p = lm.biProb[i];
    const base = lm.uniBackoff[v] + (w === startOld ? unkLogProb : lm.uniProb[w]);
    const gain = p - base;
    considered++;
    const force = forced.has(i);
    if ((gain < params.minGain || !matters(v, w)) && weighted[i] < wCut && !force) continue;
    let list = perPrev.get(v);
    if (!list) {
      list = [];
      perPrev.set(v, list);
    }
    // store the gain relative to the quantized estimate the decoder will reconstruct
    const g = p - (boQ(v) + uniQ(w));
    const code = Math.max(0, Math.min(GAIN_LEVELS - 1, Math.round((g - gainBase) / gainStep)));
    list.push({ w: newId[w], p, gain, code, force });
  }
  const biLists = new Array(VO);
  let nB = 0;
  for (const [v, list] of perPrev) {
    list.sort((a, b) => Number(b.force) - Number(a.force) || b.p - a.p || a.w - b.w);
    const cap = Math.max(params.maxPerContext, list.filter((e) => e.force).length);
    const kept = list.slice(0, cap).sort((a, b) => a.w - b.w);
    biLists[newId[v]] = kept;
    nB += kept.length;
  }
  // position of bigram (v, w) (new ids) within v's list, and what the decoder returns for bigram(v, w) (old ids)
  const biPos = new Map();
  for (let i = 0; i < VO; i++) {
    const list = biLists[i] ?? [];
    for (let k = 0; k < list.length; k++) biPos.set(i * V + list[k].w, k);
  }
  const biDecoded = (v, w) => {
    const k = biPos.get(newId[v] * V + newId[w]);
    return boQ(v) + uniQ(w) + (k === undefined ? 0 : gainCodebook[biLists[newId[v]][k].code]);
  };
  const biStart = new Uint32Array(VO + 1);
  for (let i = 0; i < VO; i++) biStart[i + 1] = biStart[i] + (biLists[i]?.length ?? 0);
  const tri = encodeTrigrams(lm, params.trigrams, triCand.kept, { V, newId, biPos, biStart, biDecoded });

  const out = new ByteWriter(1 << 22);
  out.bytes(Buffer.from('ULM2', 'latin1'));
  out.u32(VO);
  out.u32(nB);
  out.f32(unkLogProb);
  out.i32(startOld >= 0 ? newId[startOld] : -1);
  out.i32(endOld >= 0 ? newId[endOld] : -1);
  for (const cb of [uq.codebook, bq.codebook, gainCodebook]) for (const c of cb) out.f32(c);
  out.text(words.join('\n'));
  for (let i = 0; i < VO; i++) {
    const old = order[i];
    out.u8(old === startOld ? 0 : uq.q(lm.uniProb[old]));
  }
  for (let i = 0; i < VO; i++) out.u8(bq.q(lm.uniBackoff[order[i]]));
  for (let i = 0; i < VO; i++) out.varint(biLists[i] ? biLists[i].length : 0);
  writeGapPlanes(
    out,
    Array.from({ length: VO }, (_, i) => (biLists[i] ?? []).map((e) => e.w)),
  );
  for (let i = 0; i < VO; i++) for (const e of biLists[i] ?? []) out.u8(e.code);
  writeTrigrams(out, tri);
  return {
    bin: out.result(),
    used: usedWords(biLists, order),
    stats: {
      vocab: VO,
      bigrams: nB,
      bigramsConsidered: considered,
      bigramsForcedByTrigrams: forced.size,
      trigrams: tri.nT,
      trigramContexts: tri.nC,
      trigramsConsidered: triCand.considered,
      unkLogProb,
      sentenceMarkers: ['<s>', '</s>'],
      params,
    },
    sphinx: lm,
    words,
  };
}

/** Every word (source id) that a kept bigram holds, as context or continuation; trigrams hold only such words. */
function usedWords(biLists, order) {
  const used = new Set();
  biLists.forEach((list, v) => {
    if (!list?.length) return;
    used.add(order[v]);
    for (const e of list) used.add(order[e.w]);
  });
  return used;
}

/** index of bigram "a b" in the sphinx arrays (entries under unigram b are sorted by a), or -1 */
function findBigram(lm, a, b) {
  let lo = lm.uniNext[b];
  let hi = lm.uniNext[b + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = lm.biPrev[mid];
    if (x < a) lo = mid + 1;
    else if (x > a) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Trigram candidates (a b w) of the source model with gain = log P(w|a b) - (bo(a b) + log P(w|b)) >= minGain,
 * ranked by expected gain P(a) P(b|a) P(w|a b) * gain; returns the top `top` (old ids, bi = index of "b w").
 */
function selectTrigrams(lm, tp, { rank, startOld, matters }) {
  const n1 = lm.words.length;
  const cand = [];
  for (let i = 0; i < lm.uniNext[n1]; i++) {
    const b = lm.biPrev[i];
    const w = lm.biWord[i];
    const j0 = lm.biNext[i];
    const j1 = lm.biNext[i + 1];
    if (j0 === j1 || rank[b] >= tp.maxRank || rank[w] >= tp.maxRank || w === startOld) continue;
    for (let j = j0; j < j1; j++) {
      const a = lm.triFirst[j];
      if ((j > j0 && a === lm.triFirst[j - 1]) || rank[a] >= tp.maxRank || !matters(a, b, w)) continue;
      const k = findBigram(lm, a, b);
      if (k < 0) continue; // cannot happen in a Katz model: every trigram's context is a bigram
      const bo2 = lm.biBackoff[k];
      const pab = lm.biProb[k];
      const p = lm.triProb[j];
      const gain = p - (bo2 + lm.biProb[i]);
      if (gain < tp.minGain) continue;
      const joint = (a === startOld ? -1.3 : lm.uniProb[a]) + pab + p;
      cand.push({ a, b, w, bi: i, ctxBi: k, p, weight: 10 ** joint * gain });
    }
  }
  cand.sort((x, y) => y.weight - x.weight || x.bi - y.bi || x.a - y.a);
  return { kept: cand.slice(0, tp.top), considered: cand.length };
}

// Trigram gain codebook: code c means log10 P(w|a b) = bo(a b) + bigram(b, w) + TRI_GAIN_BASE + c * step.
const TRI_GAIN_BASE = -1;
const TRI_BO_LEVELS = 64;
const TRI_BO_LO = -2.2;
const TRI_BO_HI = 0.3;

/** Group the kept trigrams by context (a, b), sorted by (b, a) in new ids; backoff and gain codes per entry. */
function encodeTrigrams(lm, tp, kept, { V, newId, biPos, biStart, biDecoded }) {
  const byCtx = new Map();
  for (const t of kept) {
    const k = biPos.get(newId[t.b] * V + newId[t.w]);
    if (k === undefined) continue; // its bigram was pruned ('drop')
    const key = newId[t.b] * V + newId[t.a];
    let c = byCtx.get(key);
    if (!c) {
      const g = biStart[newId[t.a]] + biPos.get(newId[t.a] * V + newId[t.b]);
      c = { g, b: t.b, bo2: lm.biBackoff[t.ctxBi], list: [] };
      byCtx.set(key, c);
    }
    c.list.push({ ...t, k });
  }
  // 64 levels (step 0.04): the context backoffs are many and gzip poorly at 256 levels
  const boStep = (TRI_BO_HI - TRI_BO_LO) / (TRI_BO_LEVELS - 1);
  const boCodebook = new Float32Array(256);
  for (let i = 0; i < 256; i++) boCodebook[i] = TRI_BO_LO + Math.min(i, TRI_BO_LEVELS - 1) * boStep;
  const bq = {
    codebook: boCodebook,
    q: (v) => Math.max(0, Math.min(TRI_BO_LEVELS - 1, Math.round((v - TRI_BO_LO) / boStep))),
  };
  const gainCodebook = new Float32Array(256);
  for (let i = 0; i < 256; i++) gainCodebook[i] = TRI_GAIN_BASE + i * tp.step;
  const contexts = [...byCtx.values()].sort((x, y) => x.g - y.g);
  let nT = 0;
  for (const c of contexts) {
    let bo = c.bo2;
    if (tp.renormalize) {
      // Katz: the mass the kept trigrams leave, over the bigram mass of the words they do not cover
      let st = 0;
      let sb = 0;
      for (const t of c.list) {
        st += 10 ** t.p;
        sb += 10 ** lm.biProb[t.bi];
      }
      bo = Math.log10(Math.max(1 - st, 1e-6) / Math.max(1 - sb, 1e-6));
    }
    c.boCode = bq.q(bo);
    const boQ = bq.codebook[c.boCode];
    c.tri = c.list
      .map((t) => {
        const base = boQ + biDecoded(c.b, t.w);
        let code = Math.max(0, Math.min(255, Math.round((t.p - base - TRI_GAIN_BASE) / tp.step)));
        // never round a probability above 1 (P(states | the united) = 10^-0.01)
        while (code > 0 && base + gainCodebook[code] > 0) code--;
        return { k: t.k, code };
      })
      .sort((x, y) => x.k - y.k);
    nT += c.tri.length;
  }
  return { contexts, nC: contexts.length, nT, boCodebook: bq.codebook, gainCodebook };
}

/** The trigram section, appended after the bigrams (layout at the top). */
function writeTrigrams(out, tri) {
  out.bytes(Buffer.from('TRI2', 'latin1'));
  out.u32(tri.nC);
  out.u32(tri.nT);
  for (const cb of [tri.boCodebook, tri.gainCodebook]) for (const c of cb) out.f32(c);
  let prevG = 0;
  for (const c of tri.contexts) {
    out.varint(c.g - prevG);
    prevG = c.g;
  }
  for (const c of tri.contexts) out.u8(c.boCode);
  for (const c of tri.contexts) out.varint(c.tri.length);
  writeGapPlanes(
    out,
    tri.contexts.map((c) => c.tri.map((t) => t.k)),
  );
  for (const c of tri.contexts) for (const t of c.tri) out.u8(t.code);
}

/**
 * Ascending lists as the gaps between their values (the first from 0), two bytes each, all the low bytes
 * and then all the high bytes. gzip finds the high bytes (mostly 0) and the low ones apart, and the engine
 * reads them without a varint's branch per byte (docs/data.md).
 */
function writeGapPlanes(out, lists) {
  const gaps = [];
  for (const list of lists) {
    let prev = 0;
    for (const v of list) {
      const gap = v - prev;
      if (gap < 0 || gap > 0xffff) throw new Error(`gap ${gap} does not fit two bytes`);
      gaps.push(gap);
      prev = v;
    }
  }
  for (const g of gaps) out.u8(g & 0xff);
  for (const g of gaps) out.u8(g >>> 8);
}
