/**
 * Tokenizer: words and numbers with exact UTF-16 offsets, and what separates each from the one
 * before it. A hand-written scanner over code units, because Intl.Segmenter is superlinear on
 * long strings in Node 20's V8 (see docs/engine.md).
 */

/** What stands between a token and the token before it. */
export type Gap =
  /** Only spaces or tabs: the two tokens can form one phrase. */
  | 'space'
  /** A hyphen with no spaces: a compound such as "Secretary-General". */
  | 'hyphen'
  /** Punctuation inside a sentence (comma, quote, bracket, dash). */
  | 'punct'
  /** The end of a sentence, a line break, or the start of the text. */
  | 'sentence';

export interface Token {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Lowercase, with curly apostrophes folded to "'" — the key for the language data. */
  norm: string;
  kind: 'word' | 'number';
  gap: Gap;
}

// A word is letters/marks/digits, optionally joined by apostrophes (don't, 1000’s, O’Brien).
// Abbreviations with inner periods (U.S., U.Ok., e.g.) stay one token.
const TOKEN_RE = /(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\u02BC][\p{L}\p{M}\p{N}]+)*/gu;
const NUMBER_RE = /^\p{N}/u;
const SENTENCE_END_RE = /[.!?]["”’)\]]*\s*$|\n/;
const APOSTROPHES_RE = /[’\u02BC]/g;

export function normalize(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES_RE, "'");
}

/**
 * The tokens of `text`, or of text[from, to) with offsets into the whole text (the engine reads a
 * long text in chunks cut at line breaks; a token starting before `to` may run past it).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let prevEnd = from;
  for (let m = TOKEN_RE.exec(text); m !== null && m.index < to; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const between = text.slice(prevEnd, start);
    tokens.push({
      start,
      end: start + raw.length,
      text: raw,
      norm: normalize(raw),
      kind: NUMBER_RE.test(raw) ? 'number' : 'word',
      gap: gapOf(between, tokens.length === 0),
    });
    prevEnd = start + raw.length;
  }
  return tokens;
}

function gapOf(between: string, first: boolean): Gap {
  if (first) return 'sentence';
  if (between === '-' || between === '‐') return 'hyphen';
  // The period of an abbreviation ("U.S. officials") belongs to its token, so what is left is
  // plain space and the two words can still form a phrase.
  if (between === '' || /^[ \t\u00A0]+$/.test(between)) return 'space';
  if (SENTENCE_END_RE.test(between)) return 'sentence';
  return 'punct';
}

/**
 * `tokens` without those inside the blocked stretches (credit lines, spintax), which are repaired on
 * their own terms; the token after a cut starts a new sentence, so no phrase spans the cut.
 */
export function withoutBlocked(tokens: Token[], blocked: readonly { start: number; end: number }[]): Token[] {
  if (blocked.length === 0) return tokens;
  const sorted = [...blocked].sort((a, b) => a.start - b.start);
  const out: Token[] = [];
  let b = 0;
  let cut = false;
  for (const t of tokens) {
    while (b < sorted.length && (sorted[b]?.end ?? 0) <= t.start) b++;
    const block = sorted[b];
    if (block && t.start < block.end && t.end > block.start) {
      cut = true;
      continue;
    }
    out.push(cut ? { ...t, gap: 'sentence' } : t);
    cut = false;
  }
  return out;
}
