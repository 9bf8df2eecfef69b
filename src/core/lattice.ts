/**
 * The lattice the decoder searches (decode.ts): a page's tokens with every restoration the channel
 * allows at each position. Each spun form's candidates are prepared once per pair of models (their
 * LM ids and the parts of their pre-score that do not depend on the page) and pre-scored against
 * the page's own neighbours with bigrams, so that only candidates that could win in some pass
 * become options. Also here: how a page's words and the channel's originals are turned into the
 * LM's words (numbers read aloud, abbreviations spelt out, British spellings in American).
 */
import type { ChannelCandidate, ChannelModel } from './channel';
import type { LanguageModel } from './lm';
import { perPair } from './memo';
import { numberWords, spokenNumber } from './numbers';
import { americanSpellings, isAmericanSpelling, isRespelling } from './spelling';
import type { Token } from './tokenize';
import type { WordVectors } from './vectors';

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

/** Contexts each option remembers its score from (see optionScore). */
export const SLOTS = 2;

/**
 * log10 P of option o's words after the context (p2, p1), word by word. Each option remembers the
 * contexts its position's first SLOTS states scored it from (slot `remember`, or none when -1) and
 * the scores: the other pass and pooling ask again from those contexts, and an option's slots sit
 * next to each other, where the LM's memo is a random probe in a large table.
 */
export function optionScore(lattice: Lattice, o: number, p2: number, p1: number, remember: number): number {
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
export function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, more: T): T {
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
    const oidsOf = hits.map((c) => originalIds(lm, c) ?? idsOf(c.original));
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
  const variants = americanSpellings(norm);
  // Most words have none: then no LM lookup at all (this runs for every new word of a page).
  if (variants.length === 0) return null;
  let best: string | null = null;
  let bestLogProb = lm.unigram(lm.id(norm));
  for (const v of variants) {
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

/**
 * A candidate's original as the LM id the channel names it by, when that is how phraseIds would read it
 * (a word of this LM, no number to read aloud, no abbreviation, no possessive); else null. Saves hashing
 * the original's text for most candidates of a page's new words.
 */
function originalIds(lm: LanguageModel, c: ChannelCandidate): number[] | null {
  const id = c.originalId ?? -1;
  if (id < 0 || lm.word(id) !== c.original) return null;
  const w = c.original;
  const first = w.charCodeAt(0);
  return (first >= 48 && first <= 57) || w.includes('.') || possessiveStem(w) !== w ? null : [id];
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
