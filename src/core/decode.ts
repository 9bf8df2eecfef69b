/**
 * Restoration as noisy-channel decoding. The page's words S are modelled as an original text O,
 * written by a news writer (the bigram language model), passed through a spinner (the channel
 * model) that replaces some words and phrases with thesaurus synonyms. We search the lattice of
 * "keep this token" / "these tokens are the spun form of that original" for the O that maximises
 *
 *   log P_LM(O) + Σ_restorations [ log P(spun | original) + log ρ ] + Σ_kept replaceable words log (1 − ρ)
 *
 * with a beam Viterbi whose state is the last original word (what a bigram model needs). So
 * neighbouring restorations are chosen jointly and phrases restore as phrases
 * ("onerous actuality" → "hard reality").
 *
 * The spinner replaces a replaceable word with probability ρ (the spin rate), so a restoration
 * costs log ρ + log P(spun | original) and keeping a word that has synonyms costs log (1 − ρ).
 * A low ρ asks "is there any spinning here?"; once a page is known to be spun, a high ρ restores.
 */
import type { ChannelCandidate, ChannelModel } from './channel';
import type { LanguageModel } from './lm';
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
}

export const DETECT_DECODE: DecodeParams = { spinRate: 0.15, maxCandidates: 8, beam: 6, minMargin: 0 };
export const RESTORE_DECODE: DecodeParams = { spinRate: 0.5, maxCandidates: 10, beam: 6, minMargin: 0 };

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

interface Option {
  /** Tokens consumed. */
  length: number;
  /** LM ids of the words emitted (empty only for impossible cases). */
  ids: number[];
  /** Channel cost, prior included; 0 for "keep". */
  cost: number;
  /** Bigram log-prob inside a multi-word original. */
  inner: number;
  candidate: ChannelCandidate | null;
  /** Score against the page's own neighbours, used only to prune candidates before the search. */
  pre: number;
}

interface State {
  last: number;
  score: number;
  prev: State | null;
  /** The option that led into this state, and the position it started at. */
  option: Option | null;
  from: number;
}

export interface Models {
  lm: LanguageModel;
  channel: ChannelModel;
}


export function decode(tokens: readonly Token[], models: Models, params: DecodeParams = DETECT_DECODE): Replacement[] {
  const { lm } = models;
  const n = tokens.length;
  if (n === 0) return [];
  const numberId = lm.id('number');
  const ids = tokens.map((t) => (t.kind === 'number' ? numberId : lm.id(t.norm)));
  const idsOfPhrase = new Map<string, number[]>();
  const phraseIds = (phrase: string): number[] => {
    let got = idsOfPhrase.get(phrase);
    if (!got) {
      got = phrase.split(' ').map((w) => lm.id(w));
      idsOfPhrase.set(phrase, got);
    }
    return got;
  };
  const innerOf = (pids: number[]): number => {
    let s = 0;
    for (let k = 1; k < pids.length; k++) s += lm.bigram(pids[k - 1] ?? -1, pids[k] ?? -1);
    return s;
  };

  const options = buildOptions(tokens, ids, models, params, phraseIds, innerOf);

  // Viterbi over token boundaries. states[i] holds the best states before token i.
  const states: Map<number, State>[] = Array.from({ length: n + 1 }, () => new Map());
  states[0]?.set(lm.startId, { last: lm.startId, score: 0, prev: null, option: null, from: 0 });
  for (let i = 0; i < n; i++) {
    const here = prune(states[i], params.beam);
    const tok = tokens[i] as Token;
    const sentenceStart = i > 0 && tok.gap === 'sentence';
    for (const st of here) {
      let base = st.score;
      let last = st.last;
      if (sentenceStart) {
        base += lm.bigram(last, lm.endId);
        last = lm.startId;
      }
      for (const opt of options[i] ?? []) {
        const first = opt.ids[0] ?? -1;
        const score = base + lm.bigram(last, first) + opt.inner + opt.cost;
        const end = i + opt.length;
        const lastId = opt.ids[opt.ids.length - 1] ?? -1;
        const target = states[end] as Map<number, State>;
        const cur = target.get(lastId);
        if (!cur || cur.score < score) target.set(lastId, { last: lastId, score, prev: st, option: opt, from: i });
      }
    }
  }

  // Backtrack.
  let best: State | null = null;
  for (const st of states[n]?.values() ?? []) if (!best || st.score > best.score) best = st;
  const chosen: { from: number; option: Option }[] = [];
  for (let st = best; st?.option; st = st.prev) chosen.push({ from: st.from, option: st.option });
  chosen.reverse();

  // The restored word sequence, to score each restoration against its final neighbours.
  const outIds: number[] = [];
  const outStart: number[] = []; // index into outIds where each chosen option starts
  for (const c of chosen) {
    outStart.push(outIds.length);
    outIds.push(...c.option.ids);
  }
  const result: Replacement[] = [];
  chosen.forEach((c, k) => {
    if (!c.option.candidate) return;
    const leftTok = tokens[c.from] as Token;
    const left = leftTok.gap === 'sentence' ? lm.startId : (outIds[(outStart[k] ?? 0) - 1] ?? lm.startId);
    const nextIdx = c.from + c.option.length;
    const nextTok = tokens[nextIdx];
    const right = !nextTok || nextTok.gap === 'sentence' ? lm.endId : (outIds[outStart[k + 1] ?? -1] ?? lm.endId);
    const keepScore = keepLocal(options, c.from, c.option.length, left, right, lm);
    const scored = (options[c.from] ?? [])
      .filter((o) => o.candidate && o.length === c.option.length)
      .map((o) => ({ o, s: local(o, left, right, lm) - keepScore }))
      .sort((a, b) => b.s - a.s);
    const mine = local(c.option, left, right, lm) - keepScore;
    if (mine < params.minMargin) return;
    result.push({
      first: c.from,
      last: c.from + c.option.length - 1,
      original: c.option.candidate.original,
      alternatives: scored
        .filter((x) => x.o !== c.option && x.s > mine - 2)
        .slice(0, 3)
        .map((x) => x.o.candidate?.original ?? ''),
      margin: mine,
      source: c.option.candidate.source,
    });
  });
  return result;
}

function local(o: Option, left: number, right: number, lm: LanguageModel): number {
  const first = o.ids[0] ?? -1;
  const last = o.ids[o.ids.length - 1] ?? -1;
  return lm.bigram(left, first) + o.inner + lm.bigram(last, right) + o.cost;
}

/** Score of keeping the page's tokens [from, from+length) between `left` and `right`. */
function keepLocal(options: readonly Option[][], from: number, length: number, left: number, right: number, lm: LanguageModel): number {
  let s = 0;
  let prev = left;
  for (let k = from; k < from + length; k++) {
    const keep = options[k]?.[0] as Option;
    const id = keep.ids[0] ?? -1;
    s += lm.bigram(prev, id) + keep.cost;
    prev = id;
  }
  return s + lm.bigram(prev, right);
}

function prune(states: Map<number, State> | undefined, beam: number): State[] {
  if (!states) return [];
  const list = [...states.values()];
  if (list.length <= beam) return list;
  return list.sort((a, b) => b.score - a.score).slice(0, beam);
}

function buildOptions(
  tokens: readonly Token[],
  ids: readonly number[],
  { lm, channel }: Models,
  params: DecodeParams,
  phraseIds: (p: string) => number[],
  innerOf: (ids: number[]) => number,
): Option[][] {
  const replaceCost = Math.log10(params.spinRate);
  const keepCost = Math.log10(1 - params.spinRate);
  const n = tokens.length;
  const all: Option[][] = [];
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as Token;
    const keep: Option = { length: 1, ids: [ids[i] ?? -1], cost: 0, inner: 0, candidate: null, pre: 0 };
    const list: Option[] = [keep];
    if (tok.kind === 'word') {
      const obsLeft = i > 0 && tok.gap !== 'sentence' ? (ids[i - 1] ?? -1) : lm.startId;
      const cands: Option[] = [];
      let key = '';
      for (let k = 0; k < channel.maxSpunWords && i + k < n; k++) {
        const t = tokens[i + k] as Token;
        if (k > 0) {
          if (t.gap !== 'space' && t.gap !== 'hyphen') break;
          key += t.gap === 'hyphen' ? '-' : ' ';
        }
        key += t.norm;
        const hits = channel.lookup(key);
        if (hits) {
          if (k === 0 && hits.some((c) => c.original !== key)) keep.cost = keepCost;
          const next = tokens[i + k + 1];
          const obsRight = next && next.gap !== 'sentence' ? (ids[i + k + 1] ?? -1) : lm.endId;
          for (const c of hits) {
            if (c.original === key || !allowed(tokens, i, k + 1, key, c)) continue;
            const pids = phraseIds(c.original);
            const opt: Option = { length: k + 1, ids: pids, cost: c.logProb + replaceCost, inner: innerOf(pids), candidate: c, pre: 0 };
            opt.pre = local(opt, obsLeft, obsRight, lm);
            cands.push(opt);
          }
        }
        if (k + 1 < channel.maxSpunWords && !channel.isPrefix(key)) break;
      }
      if (cands.length > params.maxCandidates) {
        cands.sort((a, b) => b.pre - a.pre);
        cands.length = params.maxCandidates;
      }
      list.push(...cands);
    }
    all.push(list);
  }
  return all;
}

/** Function words a thesaurus lists as synonyms of each other (to/of, in/on) are not spinner swaps. */
const FUNCTION_WORDS = new Set(
  'a an the and or but nor so yet for of in on at to by with from into onto upon over under about after before than as if then that this these those it its he she they we you i me him her them us his their our your my be is are was were been being have has had do does did not no'.split(
    ' ',
  ),
);

/**
 * Candidates the general lexicons propose but spinners do not produce: acronyms ("U.S." → "America")
 * and single function-word swaps. The spinner table (observed spinner behaviour) is always allowed.
 */
function allowed(tokens: readonly Token[], first: number, length: number, key: string, c: ChannelCandidate): boolean {
  if (c.source === 'spinner') return true;
  for (let k = first; k < first + length; k++) {
    const text = (tokens[k] as Token).text;
    if (text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) return false;
  }
  if (length === 1 && FUNCTION_WORDS.has(key) && (FUNCTION_WORDS.has(c.original) || !c.original.includes(' '))) return false;
  return true;
}
