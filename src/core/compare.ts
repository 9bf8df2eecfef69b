/**
 * Proof for a journalist: align a repost with the article it is suspected to copy, word by word,
 * and measure how much of the original survives. A spun copy keeps the original's word order and
 * most of its words; every difference is a swap the spinner made.
 */
import { diffArrays } from 'diff';
import { type Token, tokenize } from './tokenize';
import type { Span } from './types';

export interface Stretch {
  start: number;
  end: number;
  text: string;
}

/** One aligned difference: what the repost says where the original says something else. */
export interface Change {
  repost: Stretch | null;
  original: Stretch | null;
  /** The engine restored this stretch of the repost to exactly the original's wording. */
  predicted?: boolean;
}

export interface Comparison {
  repostWords: number;
  originalWords: number;
  /** Words in both texts, in the same order (longest common subsequence). */
  matchedWords: number;
  /** matchedWords / originalWords: how much of the original the repost keeps in place. */
  similarity: number;
  /** The longest run of consecutive identical words. */
  longestRun: number;
  changes: Change[];
  verdict: 'copy' | 'related' | 'different';
  /** With the engine's spans of the repost: changes it found, and changes it restored exactly. */
  detectedChanges?: number;
  restoredChanges?: number;
}

/** Past this many differing words the alignment gives up: the texts are not copies of each other. */
const MAX_EDIT = 50_000;

export function compareTexts(repost: string, original: string, spans: readonly Span[] = []): Comparison {
  const a = tokenize(repost);
  const b = tokenize(original);
  const parts = diffArrays(
    a.map((t) => t.norm),
    b.map((t) => t.norm),
    { maxEditLength: MAX_EDIT },
  );
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  let matched = 0;
  let longestRun = 0;
  let pending: Change | null = null;
  const stretch = (text: string, tokens: Token[], from: number, to: number): Stretch => {
    const s = (tokens[from] as Token).start;
    const e = (tokens[to - 1] as Token).end;
    return { start: s, end: e, text: text.slice(s, e) };
  };
  for (const p of parts ?? []) {
    const n = p.count ?? p.value.length;
    if (!p.added && !p.removed) {
      if (pending) changes.push(pending);
      pending = null;
      matched += n;
      longestRun = Math.max(longestRun, n);
      i += n;
      j += n;
      continue;
    }
    pending ??= { repost: null, original: null };
    if (p.removed) {
      pending.repost = stretch(repost, a, i, i + n);
      i += n;
    } else {
      pending.original = stretch(original, b, j, j + n);
      j += n;
    }
  }
  if (pending) changes.push(pending);

  // No alignment within MAX_EDIT (parts undefined): nothing matched.
  const similarity = b.length ? matched / b.length : a.length ? 0 : 1;
  const result: Comparison = {
    repostWords: a.length,
    originalWords: b.length,
    matchedWords: matched,
    similarity: round(similarity),
    longestRun,
    changes,
    verdict: similarity >= 0.5 && matched >= 8 ? 'copy' : similarity >= 0.2 ? 'related' : 'different',
  };
  if (spans.length) {
    let detected = 0;
    let restored = 0;
    for (const c of changes) {
      if (!c.repost) continue;
      const r = c.repost;
      const over = spans.filter((s) => s.start < r.end && r.start < s.end);
      if (over.length === 0) continue;
      detected++;
      const rewritten = applyWithin(repost, r, over);
      c.predicted = normalizeWords(rewritten) === normalizeWords(c.original?.text ?? '');
      if (c.predicted) restored++;
    }
    result.detectedChanges = detected;
    result.restoredChanges = restored;
  }
  return result;
}

/** The repost stretch with the spans inside it restored (spans may reach past the stretch). */
function applyWithin(text: string, r: Stretch, spans: readonly Span[]): string {
  const from = Math.min(r.start, ...spans.map((s) => s.start));
  const to = Math.max(r.end, ...spans.map((s) => s.end));
  let out = '';
  let cursor = from;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + s.restored;
    cursor = s.end;
  }
  return out + text.slice(cursor, to);
}

const normalizeWords = (s: string) =>
  tokenize(s)
    .map((t) => t.norm)
    .join(' ');
const round = (x: number) => Math.round(x * 1000) / 1000;
