/**
 * The engine: text in, analysis out. tokenize → credits → spintax → decode (detect + restore)
 * → verdict → source. Pure: no DOM, no browser or Node APIs; data arrive as decoded Resources.
 */
import { applyCase } from './casing';
import { type CreditLine, findCredits, restyleCredits } from './credits';
import { DETECT_DECODE, type DecodeParams, decodeLattice, RESTORE_DECODE } from './decode';
import { buildLattice, type Lattice } from './lattice';
import { findLinks } from './links';
import { DEFAULT_NAME_PARAMS, type NameParams, withNames, withoutNameSwaps, withoutShrunkNames } from './names';
import { withoutCommaConjunctions } from './punctuation';
import type { Resources } from './resources';
import { findSignoffs } from './signoffs';
import { houseCreditLabels, inferSource } from './source';
import { findSpintax } from './spintax';
import { type Token, tokenize, withoutBlocked } from './tokenize';
import { ANALYSIS_VERSION, type Analysis, type AnalyzeOptions, DEFAULT_THRESHOLD, type Span } from './types';
import { confidentDensity, DEFAULT_VERDICT, type VerdictParams, verdictOf } from './verdict';

export type Analyzer = (text: string, options?: AnalyzeOptions) => Analysis;

/** The engine's tunable constants (fitted with scripts/tune, documented in docs/engine.md). */
export interface EngineParams {
  detect: DecodeParams;
  /** Restore pass; its spinRate is the ceiling of the per-page estimate. */
  restore: DecodeParams;
  verdict: VerdictParams;
  /**
   * Restore-pass spin rate = clamp(spinRatePerDensity × density^spinRatePower, minSpinRate,
   * restore.spinRate). The power is above 1 because detection finds a smaller share of the swaps on a
   * heavily spun page (their neighbours are swapped too), so its density understates the rate there most.
   */
  spinRatePerDensity: number;
  spinRatePower: number;
  /**
   * The floor of that estimate. 0.1 until session 8 held the lightest pages' restore pass above what
   * their density said (12 × 0.02^1.5 ≈ 0.03); at 0.05 the light-spin set's WER reduction rose from
   * 26.2 to 27.8% and no other set moved by more than 0.1 point.
   */
  minSpinRate: number;
  /** Name restorations (names.ts) on pages judged spun; null turns them off. */
  names: NameParams | null;
  /** Longest stretch of text (UTF-16 units) decoded at once; longer texts are cut at line breaks. */
  chunkChars: number;
  /** Up to this length a text's chunks keep their lattices for the restore pass instead of building them again. */
  keepChars: number;
}

export const DEFAULT_PARAMS: EngineParams = {
  detect: DETECT_DECODE,
  restore: RESTORE_DECODE,
  verdict: DEFAULT_VERDICT,
  spinRatePerDensity: 12,
  spinRatePower: 1.5,
  minSpinRate: 0.05,
  names: DEFAULT_NAME_PARAMS,
  chunkChars: 200_000,
  keepChars: 800_000,
};

export function createAnalyzer(resources: Resources): Analyzer {
  return (text, options) => analyze(text, resources, options);
}

export function analyze(text: string, resources: Resources, options: AnalyzeOptions = {}, params: EngineParams = DEFAULT_PARAMS): Analysis {
  const t0 = now();
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const credits = findCredits(text, resources.channel);
  const spintax = findSpintax(text);
  const signoffs = findSignoffs(text, resources.channel);

  // Credit lines, spintax groups and wire sign-offs are repaired on their own terms, and addresses,
  // hashtags and handles are left as written (links.ts); the decoder sees the prose around them, with
  // a sentence break where they were cut out.
  const blocked: { start: number; end: number }[] = [...credits, ...spintax, ...signoffs, ...findLinks(text)].sort(
    (a, b) => a.start - b.start,
  );
  // A long text is decoded a chunk at a time (cut at line breaks). Up to keepChars the chunks keep
  // their lattices for both passes (an article is one chunk); past it each pass builds them again, so
  // memory stays bounded by the chunk, not the text. (100,000 words in a fresh process, kept vs
  // rebuilt: peak JS heap 54–60 vs 56–74 MiB, 1.1 vs 2.0 s.)
  const chunks = chunkRanges(text, params.chunkChars);
  const tokensOf = (c: Range) => withoutBlocked(tokenize(text, c.start, c.end), blocked);
  const latticeOf = (tokens: Token[]) =>
    buildLattice(tokens, resources, Math.max(params.detect.maxCandidates, params.restore.maxCandidates), text);
  // Either pass's restorations without what the page shows is no swap: a name mistaken for a spun word
  // (names.ts), a "however," taken for a "but" (punctuation.ts).
  const decodeOn = (tokens: Token[], lattice: Lattice, pass: DecodeParams) =>
    withoutNameSwaps(text, tokens, withoutCommaConjunctions(text, tokens, decodeLattice(lattice, pass)), resources.names);

  // Pass 1 asks whether there is spinning at all (a low prior spin rate); only a page judged spun
  // is decoded again with the spin rate of spinner output, which restores far more.
  let words = 0;
  const margins: number[] = [];
  const keep = chunks.length === 1 || text.length <= params.keepChars;
  const kept: { tokens: Token[]; lattice: Lattice }[] = [];
  for (const chunk of chunks) {
    const tokens = tokensOf(chunk);
    for (const t of tokens) if (t.kind === 'word') words++;
    const lattice = latticeOf(tokens);
    for (const r of decodeOn(tokens, lattice, params.detect)) margins.push(r.margin);
    if (keep) kept.push({ tokens, lattice });
  }
  const verdict = verdictOf(
    {
      words,
      margins,
      spintax: spintax.length,
      mangledCredits: credits.filter((c) => c.tell === 'name').length,
      rewordedCredits: credits.filter((c) => c.tell === 'wording').length,
    },
    threshold,
    params.verdict,
  );
  // The density of confident detections estimates how hard this page was spun; the restore pass
  // uses it as its prior, so a lightly spun page is not rewritten as eagerly as a heavily spun one.
  const density = confidentDensity(words, margins, params.verdict);
  const spinRate = Math.min(
    params.restore.spinRate,
    Math.max(params.minSpinRate, params.spinRatePerDensity * density ** params.spinRatePower),
  );

  // Everything but the credit lines' repairs, which may be redone once the source is known (below).
  const spans: Span[] = [];
  for (const s of spintax) spans.push({ ...s, confidence: 0.99, kind: 'spintax' });
  if (verdict.spun) {
    for (const h of signoffs) for (const w of h.swaps) spans.push({ ...w, alternatives: [], confidence: 0.95, kind: 'synonym' });
    for (const [c, chunk] of chunks.entries()) {
      const tokens = kept[c]?.tokens ?? tokensOf(chunk);
      const lattice = kept[c]?.lattice ?? latticeOf(tokens);
      const decoded: Span[] = [];
      // Names stay names: a lone capitalised word is not restored to a word no name contains, and a
      // name of several capitalised words is not shrunk to a shorter phrase (names.ts).
      for (const r of withoutShrunkNames(tokens, decodeOn(tokens, lattice, { ...params.restore, spinRate }))) {
        const a = tokens[r.first] as Token;
        const b = tokens[r.last] as Token;
        const pageText = text.slice(a.start, b.end);
        const restored = applyCase(pageText, r.original);
        const multi = r.first !== r.last || r.original.includes(' ');
        decoded.push({
          start: a.start,
          end: b.end,
          text: pageText,
          restored,
          alternatives: r.alternatives.map((alt) => applyCase(pageText, alt)),
          confidence: round(1 / (1 + 10 ** -r.margin)),
          kind: multi ? 'phrase' : 'synonym',
        });
      }
      // Names and titles restore as names: inside a spun name the gazetteer wins over the decoder.
      spans.push(...(params.names ? withNames(text, tokens, decoded, resources, params.names) : decoded));
    }
  }
  const creditSpans = (lines: readonly CreditLine[]): Span[] =>
    lines.flatMap((c) => c.fixes.map((f): Span => ({ ...f, alternatives: [], confidence: 0.95, kind: 'credit' })));
  let lines = credits;
  let disjoint = keepDisjoint([...creditSpans(lines), ...spans]);
  let restoredText = applySpans(text, disjoint);
  const source = inferSource({ text, restoredText, url: options.url, meta: options.meta });
  // Credit labels follow the house style of the publisher the page turns out to be from ("Pic" and
  // "Photo" become "Photograph" on a Guardian story). The source was inferred before, so the labels
  // chosen are no evidence for it.
  const house = houseCreditLabels(source.publisher);
  if (house && credits.length > 0) {
    const restyled = restyleCredits(text, credits, resources.channel, house);
    if (restyled.some((c, i) => c.restored !== credits[i]?.restored)) {
      lines = restyled;
      disjoint = keepDisjoint([...creditSpans(lines), ...spans]);
      restoredText = applySpans(text, disjoint);
    }
  }
  const creditsOut = lines.map(({ fixes: _fixes, tell: _tell, ...c }) => c);
  return {
    version: ANALYSIS_VERSION,
    verdict,
    spans: disjoint,
    restoredText,
    credits: creditsOut,
    source,
    timings: { totalMs: round(now() - t0) },
  };
}

/** `text` with every span's wording replaced by its restoration. Spans are sorted and disjoint. */
export function applySpans(text: string, spans: readonly Pick<Span, 'start' | 'end' | 'restored'>[]): string {
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + s.restored;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/** Sorted, and the first of two overlapping spans wins (credit repairs are pushed first). */
function keepDisjoint(spans: Span[]): Span[] {
  // Array sort is stable: spans with equal starts keep their order.
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) continue;
    out.push(s);
  }
  return out;
}

interface Range {
  start: number;
  end: number;
}

/**
 * `text` cut into stretches of at most `max` units: at the last line break before the limit, else
 * the last sentence end, else the last space (a token never straddles two chunks).
 */
export function chunkRanges(text: string, max: number): Range[] {
  const out: Range[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    let cut = text.lastIndexOf('\n', limit - 1) + 1;
    if (cut <= start) cut = sentenceCut(text, start, limit);
    if (cut <= start) cut = text.lastIndexOf(' ', limit - 1) + 1;
    if (cut <= start) cut = limit;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: text.length });
  return out;
}

function sentenceCut(text: string, start: number, limit: number): number {
  for (let i = limit - 1; i > start; i--) {
    if (text.charCodeAt(i) === 32 && /[.!?]/.test(text.charAt(i - 1))) return i + 1;
  }
  return -1;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const now = () => globalThis.performance.now();
