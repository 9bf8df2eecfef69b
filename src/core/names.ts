/**
 * Names and titles: a spinner swaps words inside proper names word by word (Secretary-General →
 * Secretary-Basic, White House → White Home, European Commission → European Fee). A capitalised
 * stretch of the page is restored as a name when putting channel candidates in place of one or more
 * of its words gives a name of the gazetteer (public/data/names.txt.gz, built from WordNet and the
 * news LM by scripts/data/build-names.mjs). Pure TypeScript: no DOM, no Node or browser APIs.
 */
import { applyCase } from './casing';
import type { ChannelCandidate, ChannelModel } from './channel';
import { decodeUtf8, type LanguageModel } from './lm';
import { perPair } from './memo';
import { isRespelling } from './spelling';
import type { Token } from './tokenize';
import type { Span } from './types';

/** Known multiword names (lowercase, words joined by one space, hyphens as spaces) and dotted abbreviations. */
export interface Gazetteer {
  readonly size: number;
  has(name: string): boolean;
  /** True when some name starts with `words` followed by a space. */
  isPrefix(words: string): boolean;
  /** How many names contain `word` (lowercase): "republic" 107, "house" 15, "best" 2. */
  namesWith(word: string): number;
}

/**
 * Names in a Set; the prefix set and the word counts are each built on the first question that
 * needs them (many pages ask only about names and prefixes, and on a cold start building the word
 * counts cost about as much as both sets).
 */
class SetGazetteer implements Gazetteer {
  private readonly names: Set<string>;
  private prefixes: Set<string> | null = null;
  private words: Map<string, number> | null = null;
  constructor(names: Iterable<string>) {
    this.names = new Set(names);
  }
  get size(): number {
    return this.names.size;
  }
  has(name: string): boolean {
    return this.names.has(name);
  }
  isPrefix(words: string): boolean {
    this.prefixes ??= prefixesOf(this.names);
    return this.prefixes.has(words);
  }
  namesWith(word: string): number {
    this.words ??= wordCounts(this.names);
    return this.words.get(word) ?? 0;
  }
}

/** Every name's word prefixes ("white house press" gives "white" and "white house"). */
function prefixesOf(names: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const n of names) for (let i = n.indexOf(' '); i !== -1; i = n.indexOf(' ', i + 1)) prefixes.add(n.slice(0, i));
  return prefixes;
}

/** The number of names holding each word (a word counts once per name). */
function wordCounts(names: Iterable<string>): Map<string, number> {
  const words = new Map<string, number>();
  for (const n of names) {
    const ws = n.split(' ');
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as string;
      // a name of a few words: a scan finds a repeat without a Set per name (built on a cold start)
      if (ws.indexOf(w) === i) words.set(w, (words.get(w) ?? 0) + 1);
    }
  }
  return words;
}

/**
 * The asset's names, with the sets built on the first question rather than at load: loading stays
 * cheap, and the analysis that first asks (a capitalised word the decoder would restore, or a spun
 * page's names) gets hash lookups from then on.
 */
class LazyGazetteer implements Gazetteer {
  private sets: SetGazetteer | null = null;
  constructor(private readonly names: readonly string[]) {}
  get size(): number {
    return this.names.length;
  }
  private built(): SetGazetteer {
    this.sets ??= new SetGazetteer(this.names);
    return this.sets;
  }
  has(name: string): boolean {
    return this.built().has(name);
  }
  isPrefix(words: string): boolean {
    return this.built().isPrefix(words);
  }
  namesWith(word: string): number {
    return this.built().namesWith(word);
  }
}

const MAGIC = 'UNM1';

/** Decode the gunzipped names asset: the line "UNM1", then one name per line. */
export function decodeNames(bytes: Uint8Array): Gazetteer {
  const lines = decodeUtf8(bytes, 0, bytes.length).split('\n');
  if (lines[0] !== MAGIC) throw new Error('names: bad magic');
  return new LazyGazetteer(lines.slice(1).filter((l) => l.length > 0));
}

/** A gazetteer from a list of names as written ("White House", "Secretary-General"); for tests and tools. */
export function gazetteerOf(names: readonly string[]): Gazetteer {
  return new SetGazetteer(names.map(nameKey));
}

/** The gazetteer key of a name: lowercase, curly apostrophes folded, hyphens and runs of spaces as one space. */
export function nameKey(name: string): string {
  if (isKeyAlready(name)) return name;
  return name
    .toLowerCase()
    .replace(/[’\u02BC]/g, "'")
    .replace(/[\s\-‐]+/g, ' ')
    .trim();
}

/** True when nameKey(s) is s: no capitals, no curly apostrophes, no hyphens, single inner spaces only (most keys; checked without regexes). */
function isKeyAlready(s: string): boolean {
  if (s.length === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) return s.length === 0;
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    // Lowercase ASCII letters, digits and the ASCII signs other than '-' keep; anything else (capitals,
    // white space, non-ASCII) takes the full path.
    if (c >= 127 || c < 33 || c === 45 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** A word in at least this many names of the gazetteer is a name word ("house", "court"; not "best" or "kick"). */
const NAME_WORD_MIN = 3;

/**
 * Spinners keep capitals, so a capitalised word in mid-sentence that stands alone (no capitalised
 * neighbour) came from a capitalised original: a name, or a word of one ("Protection index" for
 * "Defense index"). Restoring it to a word that no known name contains ("Trump" → "Best",
 * "Squawk" → "Kick") is more likely a personal or place name mistaken for a spun word (withoutNameSwaps
 * still keeps the spinner table's own swaps). True when the restoration of token i to `original` should
 * be dropped for that reason. Sentence starts, text after an opening quote or bracket, and all-capitals
 * tokens are left to the decoder.
 */
export function isUnlikelyNameSwap(text: string, tokens: readonly Token[], i: number, original: string, gazetteer: Gazetteer): boolean {
  if (!isCapitalisedMidSentence(text, tokens, i)) return false;
  const tok = tokens[i] as Token;
  const prev = tokens[i - 1] as Token;
  const next = tokens[i + 1];
  const joinedTo = (t: Token | undefined, gap: Token['gap'] | undefined) =>
    !!t && (gap === 'space' || gap === 'hyphen') && isCapitalised(t.text);
  if (joinedTo(prev, tok.gap) || joinedTo(next, next?.gap)) return false;
  return !original.split(' ').some((w) => gazetteer.namesWith(w) >= NAME_WORD_MIN);
}

const isAllCaps = (text: string) => text.length > 1 && text === text.toUpperCase();

/** Token i has a capital where the sentence gives it none: not at a sentence start, not after an opening quote or bracket, not all capitals. */
function isCapitalisedMidSentence(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i] as Token;
  const prev = tokens[i - 1];
  if (!prev || tok.gap === 'sentence' || !isCapitalised(tok.text) || isAllCaps(tok.text)) return false;
  return !/[.!?:;"“‘([«]/.test(text.slice(prev.end, tok.start));
}

/**
 * The decoder's restorations without name-like swaps (isUnlikelyNameSwap): a spun form judged a name
 * at one occurrence is a name at every occurrence on the page, including sentence starts and after
 * a title ("President Trump"), where capitals say nothing.
 */
export function withoutNameSwaps<R extends { first: number; last: number; original: string; source: string }>(
  text: string,
  tokens: readonly Token[],
  restorations: readonly R[],
  gazetteer: Gazetteer,
): R[] {
  const single = (r: R) => r.first === r.last && r.source !== 'spinner';
  const key = (r: R) => `${(tokens[r.first] as Token).norm}\n${r.original}`;
  const names = new Set<string>();
  for (const r of restorations) if (single(r) && isUnlikelyNameSwap(text, tokens, r.first, r.original, gazetteer)) names.add(key(r));
  const capitalised = (r: R) => {
    const t = tokens[r.first] as Token;
    return single(r) && isCapitalised(t.text) && !isAllCaps(t.text);
  };
  const kept = namesLeftAlone(
    text,
    tokens,
    restorations,
    new Set(restorations.filter(capitalised).map((r) => (tokens[r.first] as Token).norm)),
  );
  return restorations.filter((r) => !((single(r) && names.has(key(r))) || (capitalised(r) && kept.has((tokens[r.first] as Token).norm))));
}

/**
 * Of the `asked` forms, those that stand capitalised in mid-sentence somewhere on the page and are
 * restored at none of those places: the page uses them as names ("Trump" in "Donald Trump", "Trump
 * said"), so an occurrence at a sentence start, where its capital says nothing, is the same name.
 */
function namesLeftAlone(
  text: string,
  tokens: readonly Token[],
  restorations: readonly { first: number; last: number }[],
  asked: ReadonlySet<string>,
): Set<string> {
  const alone = new Set<string>();
  if (asked.size === 0) return alone;
  const restored = new Uint8Array(tokens.length);
  for (const r of restorations) restored.fill(1, r.first, r.last + 1);
  const changed = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const norm = (tokens[i] as Token).norm;
    if (!asked.has(norm) || !isCapitalisedMidSentence(text, tokens, i)) continue;
    (restored[i] ? changed : alone).add(norm);
  }
  for (const w of changed) alone.delete(w);
  return alone;
}

/**
 * The restorations without those that shrink a name (shrinksName). Only for restoring: a thesaurus
 * spinner does sometimes expand a name into a longer synonym ("Mantle" → "Mickey Charles Mantle"),
 * and such a swap is still evidence that the page was spun.
 */
export function withoutShrunkNames<R extends { first: number; last: number; original: string; source: string }>(
  tokens: readonly Token[],
  restorations: readonly R[],
): R[] {
  return restorations.filter((r) => !shrinksName(tokens, r));
}

/**
 * Spinners swap the words of a name one by one ("European Fee", "Downing Road"); they do not turn a
 * name of several capitalised words into a shorter phrase ("Margaret Court" → "Court", "Department
 * of Education" → "Education"). True for such a restoration, unless the spinner table knows it.
 */
function shrinksName(tokens: readonly Token[], r: { first: number; last: number; original: string; source: string }): boolean {
  if (r.first === r.last || r.source === 'spinner') return false;
  let capitals = 0;
  for (let i = r.first; i <= r.last; i++) if (isCapitalised((tokens[i] as Token).text)) capitals++;
  return capitals >= 2 && r.original.split(' ').length < r.last - r.first + 1;
}

export interface NameParams {
  /**
   * A known name's prior, added to the margin: margin = bonus + LM gain of the name over the page's
   * words in their context + Σ channel log10 P(spun | original) of the swaps. confidence = σ(margin).
   */
  bonus: number;
  /** Matches whose margin is below this are not proposed. */
  minMargin: number;
  /** A name whose every word was swapped needs each swap at least this likely (log10). */
  minLogProbAllSwapped: number;
  /** Longest page stretch (tokens) one channel lookup may cover ("Home windows" → "Windows"). */
  maxSpunTokens: number;
}

export const DEFAULT_NAME_PARAMS: NameParams = { bonus: 1, minMargin: 1, minLogProbAllSwapped: -0.5, maxSpunTokens: 3 };

/** One swapped stretch inside a name: tokens first..last (inclusive) were the spun form of `original`. */
interface Swap {
  first: number;
  last: number;
  original: string;
  logProb: number;
}

/** A name found on the page: tokens first..last, the gazetteer name, and the swaps that restore it. */
export interface NameMatch {
  first: number;
  last: number;
  /** Offsets of the whole name on the page. */
  start: number;
  end: number;
  name: string;
  swaps: readonly Swap[];
  /** See NameParams.bonus. */
  margin: number;
  confidence: number;
}

const CAPITALISED = /^\p{Lu}/u;
/** CAPITALISED.test(text), without the regex for ASCII. */
function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAPITALISED.test(text);
}
const swappedTokens = (m: NameMatch) => m.swaps.reduce((n, s) => n + s.last - s.first + 1, 0);
const SMALL_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'for', 'and', 'to', 'by', 'from', 'with', 'as']);
const ABBREVIATION = /^(?:\p{L}{1,3}\.){2,}$/u;

/**
 * Every spun name in `tokens`, non-overlapping: longest first, then fewest swaps, then the highest
 * margin, then the swap covering most words (a name the spinner table knows whole, "European Fee",
 * is one swap over both words). A name needs at least one swapped word, every word of the page's stretch capitalised (small
 * connecting words such as "of" may stay lowercase when the name has them there), words joined by
 * spaces or hyphens, and at least two words unless it is a dotted abbreviation (U.Ok. → U.K.).
 * A stretch that is itself a known name is left alone.
 */
export function matchNames(
  tokens: readonly Token[],
  { channel, lm }: { channel: ChannelModel; lm: LanguageModel },
  gazetteer: Gazetteer,
  params: NameParams = DEFAULT_NAME_PARAMS,
): NameMatch[] {
  const found: NameMatch[] = [];
  const joined = (j: number) => j > 0 && ((tokens[j] as Token).gap === 'space' || (tokens[j] as Token).gap === 'hyphen');
  // Per-token facts the search below asks again and again, computed once.
  const caps = tokens.map((t) => isCapitalised(t.text));
  const keys: string[] = [];
  const keyOf = (j: number) => {
    let k = keys[j];
    if (k === undefined) {
      k = nameKey((tokens[j] as Token).norm);
      keys[j] = k;
    }
    return k;
  };
  const nameStarts = nameStartsFor(gazetteer, channel);
  const originalKeys = new Map<string, string>();
  const originalKey = (original: string) => {
    let k = originalKeys.get(original);
    if (k === undefined) {
      k = nameKey(original);
      originalKeys.set(original, k);
    }
    return k;
  };
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (first.kind !== 'word' || !caps[i]) continue;
    // A name starts its capitalised run: "National Library Week" holds no "Library"-less name, but a
    // sentence-initial word, a small word ("The") or a word no thesaurus knows ("Arlington") may precede it.
    const before = tokens[i - 1];
    if (before && joined(i) && caps[i - 1] && before.gap !== 'sentence' && !SMALL_WORDS.has(before.norm) && channel.lookup(before.norm))
      continue;
    const swaps: Swap[] = [];
    const extend = (j: number, prefix: string) => {
      const tok = tokens[j];
      if (tok?.kind !== 'word' || (j > i && !joined(j))) return;
      const capitalised = caps[j] as boolean;
      // The page's own word.
      const keep = prefix ? `${prefix} ${keyOf(j)}` : keyOf(j);
      if (capitalised || j > i) step(j, keep, null, capitalised);
      if (!capitalised) return;
      // A swap: the page's stretch j..k is a spun form of a candidate original.
      let key = '';
      for (let k = j; k < tokens.length && k < j + params.maxSpunTokens; k++) {
        const t = tokens[k] as Token;
        // A spun form's later words may be lowercase: the spinner capitalises only the first one of a
        // phrase it puts in ("Well being" for "Health", "Financial institution" for "Bank").
        if (k > j && !joined(k)) break;
        key = k === j ? t.norm : `${key}${t.gap === 'hyphen' ? '-' : ' '}${t.norm}`;
        const id = channel.find(key); // one hash for lookup and isPrefix
        const candidates = channel.candidatesOf(id);
        if (candidates) {
          // Alone, a candidate matters only as a name or the start of one (see step).
          for (const c of prefix ? candidates : nameStarts(id, candidates)) {
            // another spelling of the word is no swap ("Labour Day" is not a spun "Labor Day")
            if (isRespelling(key, c)) continue;
            const words = originalKey(c.original);
            step(k, prefix ? `${prefix} ${words}` : words, { first: j, last: k, original: c.original, logProb: c.logProb }, true);
          }
        }
        if (!channel.isPrefixId(id)) break;
      }
    };
    /** The name so far ends at token k: record it if complete, go on if some name continues it. */
    const step = (k: number, words: string, swap: Swap | null, capitalised: boolean) => {
      if (swap) swaps.push(swap);
      // record() takes a one-token name only as an abbreviation, a longer one only with a space:
      // the gazetteer is not asked about what it would turn down.
      const recordable = i === k ? words.indexOf('.') !== -1 && ABBREVIATION.test(words) : words.indexOf(' ') !== -1;
      if (swaps.length > 0 && capitalised && recordable && gazetteer.has(words)) record(i, k, words);
      if (gazetteer.isPrefix(words)) extend(k + 1, words);
      if (swap) swaps.pop();
    };
    const record = (a: number, b: number, name: string) => {
      if (a === b && !ABBREVIATION.test(name)) return;
      if (a !== b && name.indexOf(' ') === -1) return;
      if (holdsNameOverSwap(a, b, keyOf, swaps, gazetteer)) return;
      const swapped = swaps.reduce((n, w) => n + w.last - w.first + 1, 0);
      if (swapped === b - a + 1 && swaps.some((w) => w.logProb < params.minLogProbAllSwapped)) return;
      const page: string[] = [];
      for (let k = a; k <= b; k++) page.push(...keyOf(k).split(' '));
      const channelLogProb = swaps.reduce((sum, w) => sum + w.logProb, 0);
      const margin = params.bonus + channelLogProb + lmGain(lm, tokens, a, b, page, name.split(' '));
      if (margin < params.minMargin) return;
      found.push({
        first: a,
        last: b,
        start: (tokens[a] as Token).start,
        end: (tokens[b] as Token).end,
        name,
        swaps: [...swaps],
        margin,
        confidence: Math.round(1000 / (1 + 10 ** -margin)) / 1000,
      });
    };
    extend(i, '');
  }
  found.sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) ||
      a.swaps.length - b.swaps.length ||
      b.margin - a.margin ||
      swappedTokens(b) - swappedTokens(a) ||
      a.first - b.first,
  );
  const taken = new Uint8Array(tokens.length);
  const out: NameMatch[] = [];
  for (const m of found) {
    if (taken.subarray(m.first, m.last + 1).some((x) => x === 1)) continue;
    taken.fill(1, m.first, m.last + 1);
    out.push(m);
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * Per gazetteer and channel: the candidates of a spun form (by the channel's id) whose name key is a
 * known name or starts one. Only those can begin a name, and most candidates of a capitalised
 * word are neither ("Home" → "dwelling", "residence", ...), so the search skips them page after page.
 */
const nameStartCache = new WeakMap<Gazetteer, WeakMap<ChannelModel, Map<number, readonly ChannelCandidate[]>>>();
function nameStartsFor(
  gazetteer: Gazetteer,
  channel: ChannelModel,
): (id: number, candidates: readonly ChannelCandidate[]) => readonly ChannelCandidate[] {
  const map = perPair(nameStartCache, gazetteer, channel, () => new Map<number, readonly ChannelCandidate[]>());
  return (id, candidates) => {
    let got = map.get(id);
    if (!got) {
      got = candidates.filter((c) => {
        const words = nameKey(c.original);
        return gazetteer.has(words) || gazetteer.isPrefix(words);
      });
      map.set(id, got);
    }
    return got;
  };
}

/**
 * True when tokens a..b hold a known name of two or more words that covers a swapped token: the page
 * already has a name there, which the match would break. A name beside the swaps is no objection
 * ("Central Intelligence" in "Central Intelligence Company" → "Central Intelligence Agency").
 */
function holdsNameOverSwap(a: number, b: number, keyOf: (k: number) => string, swaps: readonly Swap[], gazetteer: Gazetteer): boolean {
  const swapped = (x: number, y: number) => swaps.some((w) => w.first <= y && x <= w.last);
  for (let x = a; x <= b; x++) {
    let key = keyOf(x);
    for (let y = x; y <= b; y++) {
      if (y > x) key += ` ${keyOf(y)}`;
      if (key.indexOf(' ') !== -1 && gazetteer.has(key) && swapped(x, y)) return true;
      if (!gazetteer.isPrefix(key)) break;
    }
  }
  return false;
}

const CONTEXT = 2;

/**
 * log10 P_LM of the name's words minus that of the page's words, each between the same two words
 * of left context (or the sentence start) and the same two of right context (or the sentence end).
 */
function lmGain(
  lm: LanguageModel,
  tokens: readonly Token[],
  a: number,
  b: number,
  page: readonly string[],
  name: readonly string[],
): number {
  const left: number[] = [];
  let k = a;
  while (left.length < CONTEXT && k > 0 && (tokens[k] as Token).gap !== 'sentence') {
    k--;
    left.unshift(...lmWords((tokens[k] as Token).norm).map((w) => lm.id(w)));
  }
  if (left.length < CONTEXT && (tokens[k] as Token).gap === 'sentence') left.unshift(lm.startId);
  const right: number[] = [];
  for (k = b + 1; right.length < CONTEXT && k < tokens.length && (tokens[k] as Token).gap !== 'sentence'; k++) {
    right.push(...lmWords((tokens[k] as Token).norm).map((w) => lm.id(w)));
  }
  if (right.length < CONTEXT) right.push(lm.endId);
  const score = (words: readonly string[]) => {
    const ids = [...left, ...words.flatMap(lmWords).map((w) => lm.id(w)), ...right];
    let p2 = left.length > 1 ? (left[left.length - 2] as number) : -1;
    let p1 = left.length > 0 ? (left[left.length - 1] as number) : -1;
    let sum = 0;
    for (let i = left.length; i < ids.length; i++) {
      const w = ids[i] as number;
      sum += lm.trigram(p2, p1, w);
      p2 = p1;
      p1 = w;
    }
    return sum;
  };
  return score(name) - score(page);
}

/** The LM spells abbreviations letter by letter ("u.k." is "u." "k."); a possessive is scored as its noun. */
function lmWords(word: string): string[] {
  if (ABBREVIATION.test(word)) return word.match(/\p{L}{1,3}\./gu) ?? [word];
  return [lmKey(word)];
}

const lmKey = (word: string) => (word.length > 3 && word.endsWith("'s") ? word.slice(0, -2) : word);

/**
 * The spans that restore `match` on the page: one per swapped stretch, widened to whole hyphenated
 * words (Secretary-Basic → Secretary-General), with the page's capitalisation.
 */
export function nameSpans(text: string, tokens: readonly Token[], match: NameMatch): Span[] {
  const restoredAt = new Map<number, Swap>();
  for (const s of match.swaps) restoredAt.set(s.first, s);
  // Pieces: a swapped stretch or one kept token.
  const pieces: { first: number; last: number; swap: Swap | null }[] = [];
  for (let k = match.first; k <= match.last; ) {
    const s = restoredAt.get(k) ?? null;
    const last = s ? s.last : k;
    pieces.push({ first: k, last, swap: s });
    k = last + 1;
  }
  const spans: Span[] = [];
  let group: typeof pieces = [];
  const flush = () => {
    if (group.some((p) => p.swap)) {
      const a = tokens[(group[0] as (typeof pieces)[0]).first] as Token;
      const b = tokens[(group[group.length - 1] as (typeof pieces)[0]).last] as Token;
      let restored = '';
      let cursor = a.start;
      for (const p of group) {
        const pa = tokens[p.first] as Token;
        const pb = tokens[p.last] as Token;
        const pageText = text.slice(pa.start, pb.end);
        restored += text.slice(cursor, pa.start) + (p.swap ? applyCase(pageText, p.swap.original) : pageText);
        cursor = pb.end;
      }
      const pageText = text.slice(a.start, b.end);
      spans.push({
        start: a.start,
        end: b.end,
        text: pageText,
        restored,
        alternatives: [],
        confidence: match.confidence,
        kind: /\s/.test(pageText) || /\s/.test(restored) ? 'phrase' : 'synonym',
      });
    }
    group = [];
  };
  for (const p of pieces) {
    if (group.length > 0 && (tokens[p.first] as Token).gap !== 'hyphen') flush();
    group.push(p);
  }
  flush();
  return spans;
}

/**
 * Name restorations for a page judged spun: the spans of every spun name, and the page's spans with
 * those that overlap a restored name dropped (the name wins over the decoder inside it). Credit and
 * spintax spans are kept. `tokens` are the page's tokens without credit lines and spintax (the
 * decoder's, withoutBlocked), so those are never read as names.
 */
export function withNames(
  text: string,
  tokens: Token[],
  spans: readonly Span[],
  { channel, lm, names: gazetteer }: { channel: ChannelModel; lm: LanguageModel; names: Gazetteer },
  params: NameParams = DEFAULT_NAME_PARAMS,
): Span[] {
  const matches = matchNames(tokens, { channel, lm }, gazetteer, params);
  if (matches.length === 0) return [...spans];
  const out: Span[] = [];
  for (const m of matches) out.push(...nameSpans(text, tokens, m));
  // Matches are disjoint and sorted, so their ends ascend: the first that ends after s.start is
  // the only candidate to overlap s.
  const inName = (s: Span) => {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((matches[mid] as NameMatch).end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    const m = matches[lo];
    return m !== undefined && m.start < s.end;
  };
  for (const s of spans) if ((s.kind !== 'synonym' && s.kind !== 'phrase') || !inName(s)) out.push(s);
  // Credit and spintax repairs keep their place in front (the first of two overlapping spans wins).
  return out.sort((a, b) => rank(a) - rank(b));
}

const rank = (s: Span) => (s.kind === 'credit' || s.kind === 'spintax' ? 0 : 1);
