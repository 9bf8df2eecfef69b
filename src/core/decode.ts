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
  /** LM ids of the words emitted. */
  ids: number[];
  /** Channel cost with the prior: log ρ + log P(spun | original) to restore, log(1 − ρ) to keep a replaceable word. */
  cost: number;
  candidate: ChannelCandidate | null;
  /** Score against the page's own neighbours, used only to prune candidates before the search. */
  pre: number;
}

/** Two words of context (what a trigram model conditions on). */
interface Context {
  p2: number;
  p1: number;
}

interface State extends Context {
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

/** log10 P of `words` after context (p2, p1); returns the score and the new context. */
function extend(lm: LanguageModel, ctx: Context, words: readonly number[]): { score: number; ctx: Context } {
  let { p2, p1 } = ctx;
  let score = 0;
  for (const w of words) {
    score += lm.trigram(p2, p1, w);
    p2 = p1;
    p1 = w;
  }
  return { score, ctx: { p2, p1 } };
}

const stateKey = (c: Context) => (c.p2 + 1) * 262144 + (c.p1 + 1);

export function decode(tokens: readonly Token[], models: Models, params: DecodeParams = DETECT_DECODE): Replacement[] {
  const { lm } = models;
  const n = tokens.length;
  if (n === 0) return [];
  const numberId = lm.id('number');
  const ids = tokens.map((t) => (t.kind === 'number' ? numberId : lm.id(t.norm)));
  const sentenceStart: Context = { p2: -1, p1: lm.startId };
  const options = buildOptions(tokens, ids, models, params);

  // Viterbi over token boundaries. states[i] holds the best states before token i.
  const states: Map<number, State>[] = Array.from({ length: n + 1 }, () => new Map());
  states[0]?.set(stateKey(sentenceStart), { ...sentenceStart, score: 0, prev: null, option: null, from: 0 });
  for (let i = 0; i < n; i++) {
    const here = prune(states[i], params.beam);
    const tok = tokens[i] as Token;
    const breaks = i > 0 && tok.gap === 'sentence';
    for (const st of here) {
      let base = st.score;
      let ctx: Context = st;
      if (breaks) {
        base += lm.trigram(st.p2, st.p1, lm.endId);
        ctx = sentenceStart;
      }
      for (const opt of options[i] ?? []) {
        const ext = extend(lm, ctx, opt.ids);
        const score = base + ext.score + opt.cost;
        const target = states[i + opt.length] as Map<number, State>;
        const key = stateKey(ext.ctx);
        const cur = target.get(key);
        if (!cur || cur.score < score) target.set(key, { ...ext.ctx, score, prev: st, option: opt, from: i });
      }
    }
  }

  // Backtrack.
  let best: State | null = null;
  for (const st of states[n]?.values() ?? []) if (!best || st.score > best.score) best = st;
  const chosen: { from: number; option: Option }[] = [];
  for (let st = best; st?.option; st = st.prev) chosen.push({ from: st.from, option: st.option });
  chosen.reverse();

  // The restored word sequence, with sentence breaks, to score each restoration in its final context.
  const out: number[] = [];
  const outStart: number[] = [];
  for (const c of chosen) {
    if (c.from > 0 && (tokens[c.from] as Token).gap === 'sentence') out.push(lm.endId, lm.startId);
    outStart.push(out.length);
    out.push(...c.option.ids);
  }
  const result: Replacement[] = [];
  chosen.forEach((c, k) => {
    if (!c.option.candidate) return;
    const at = outStart[k] ?? 0;
    const startsSentence = c.from === 0 || (tokens[c.from] as Token).gap === 'sentence';
    const left: Context = startsSentence ? sentenceStart : { p2: out[at - 2] ?? -1, p1: out[at - 1] ?? lm.startId };
    const after = at + c.option.ids.length;
    const right = [out[after] ?? lm.endId, out[after + 1] ?? lm.endId];
    if (right[0] === lm.endId) right.length = 1;
    const keepIds: number[] = [];
    let keepCost = 0;
    for (let t = c.from; t < c.from + c.option.length; t++) {
      const keep = options[t]?.[0] as Option;
      keepIds.push(...keep.ids);
      keepCost += keep.cost;
    }
    const keepScore = extend(lm, left, [...keepIds, ...right]).score + keepCost;
    const localScore = (o: Option) => extend(lm, left, [...o.ids, ...right]).score + o.cost - keepScore;
    const mine = localScore(c.option);
    if (mine < params.minMargin) return;
    const alternatives = (options[c.from] ?? [])
      .filter((o) => o !== c.option && o.candidate && o.length === c.option.length)
      .map((o) => ({ o, s: localScore(o) }))
      .filter((x) => x.s > mine - 2)
      .sort((a, b) => b.s - a.s)
      .slice(0, 3)
      .map((x) => x.o.candidate?.original ?? '');
    result.push({
      first: c.from,
      last: c.from + c.option.length - 1,
      original: c.option.candidate.original,
      alternatives,
      margin: mine,
      source: c.option.candidate.source,
    });
  });
  return result;
}

function prune(states: Map<number, State> | undefined, beam: number): State[] {
  if (!states) return [];
  const list = [...states.values()];
  if (list.length <= beam) return list;
  return list.sort((a, b) => b.score - a.score).slice(0, beam);
}

function buildOptions(tokens: readonly Token[], ids: readonly number[], { lm, channel }: Models, params: DecodeParams): Option[][] {
  const replaceCost = Math.log10(params.spinRate);
  const keepCost = Math.log10(1 - params.spinRate);
  const phraseIds = new Map<string, number[]>();
  const idsOf = (phrase: string): number[] => {
    let got = phraseIds.get(phrase);
    if (!got) {
      got = phrase.split(' ').map((w) => lm.id(w));
      phraseIds.set(phrase, got);
    }
    return got;
  };
  const n = tokens.length;
  const all: Option[][] = [];
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as Token;
    const keep: Option = { length: 1, ids: [ids[i] ?? -1], cost: 0, candidate: null, pre: 0 };
    const list: Option[] = [keep];
    if (tok.kind === 'word') {
      // The page's own neighbours: two words before, two after (sentence breaks respected).
      const left: Context =
        i === 0 || tok.gap === 'sentence'
          ? { p2: -1, p1: lm.startId }
          : { p2: i > 1 && tokens[i - 1]?.gap !== 'sentence' ? (ids[i - 2] ?? -1) : lm.startId, p1: ids[i - 1] ?? -1 };
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
          const right = rightContext(tokens, ids, i + k + 1, lm.endId);
          for (const c of hits) {
            if (c.original === key || !allowed(tokens, i, k + 1, key, c)) continue;
            const opt: Option = { length: k + 1, ids: idsOf(c.original), cost: c.logProb + replaceCost, candidate: c, pre: 0 };
            opt.pre = extend(lm, left, [...opt.ids, ...right]).score + opt.cost;
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

/** Up to two of the page's words from token j, stopping at a sentence break. */
function rightContext(tokens: readonly Token[], ids: readonly number[], j: number, endId: number): number[] {
  const a = tokens[j];
  if (!a || a.gap === 'sentence') return [endId];
  const b = tokens[j + 1];
  return [ids[j] ?? -1, !b || b.gap === 'sentence' ? endId : (ids[j + 1] ?? -1)];
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
