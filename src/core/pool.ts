/**
 * After the Viterbi path: each place the page's words could be a spun form is scored against keeping
 * them, in the path's context, and the evidence is pooled over every occurrence of the same spun form.
 */
import type { ChannelCandidate } from './channel';
import type { DecodeParams, Replacement } from './decode';
import { type Lattice, optionScore } from './lattice';
import type { LanguageModel } from './lm';
import type { Token } from './tokenize';

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
export function pool(
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
