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
// Abbreviations with inner periods (U.S., U.Ok., e.g.) stay one token. The scanner below finds
// exactly what a search with this regex finds (tokenize.test.ts checks that they agree):
//   /(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\u02BC][\p{L}\p{M}\p{N}]+)*/gu
// and reads gaps from code units, which costs a fraction of regex matches and slices per token.
const APOSTROPHES_RE = /[’\u02BC]/g;

export function normalize(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES_RE, "'");
}

/** Code point classes: not part of a word, a letter (\p{L}), a mark (\p{M}), a number (\p{N}). */
const OTHER = 0;
const LETTER = 1;
const MARK = 2;
const NUMBER = 3;
const UNKNOWN = 255;

/** Classes of the BMP, filled as they are met (ASCII up front). */
const BMP_CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) BMP_CLASS[c] = OTHER;
for (let c = 65; c <= 90; c++) BMP_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) BMP_CLASS[c] = LETTER;
for (let c = 48; c <= 57; c++) BMP_CLASS[c] = NUMBER;

function classOfCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return /\p{L}/u.test(ch) ? LETTER : /\p{M}/u.test(ch) ? MARK : /\p{N}/u.test(ch) ? NUMBER : OTHER;
}

/** The class of the code point at i (a lone surrogate is OTHER); its width is cpWidth. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOfCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  let k = BMP_CLASS[c] as number;
  if (k === UNKNOWN) {
    k = c >= 0xd800 && c <= 0xdfff ? OTHER : classOfCodePoint(c);
    BMP_CLASS[c] = k;
  }
  return k;
}

/** Code units of the code point at i: 2 for a surrogate pair, else 1. */
function cpWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc;

/**
 * The tokens of `text`, or of text[from, to) with offsets into the whole text (the engine reads a
 * long text in chunks cut at line breaks; a token starting before `to` may run past it).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  // As a /u regex does, a start inside a surrogate pair reads from the pair's start.
  let i = from;
  if (i > 0 && i < n && cpWidth(text, i - 1) === 2) i--;
  let prevEnd = from;
  while (i < n) {
    // The next code point that can start a word.
    const c0 = text.charCodeAt(i);
    const k0 = c0 < 128 ? (BMP_CLASS[c0] as number) : classAt(text, i);
    if (k0 === OTHER) {
      i += c0 < 128 ? 1 : cpWidth(text, i);
      continue;
    }
    const start = i;
    if (start >= to) break;
    let end = k0 === LETTER ? abbreviationEnd(text, start) : -1;
    // Only a token with a non-ASCII unit can hold ’ or ʼ (a letter itself), folded in the key; an
    // ASCII token without capitals is its own key (toLowerCase is slow on two-byte strings).
    let ascii = true;
    let upper = false;
    if (end !== -1) {
      for (let j = start; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c >= 128) ascii = false;
        else if (c <= 90 && c >= 65) upper = true;
      }
    } else {
      // Letters, marks and digits, joined by apostrophes.
      let j = start;
      for (;;) {
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c < 128) {
            if (BMP_CLASS[c] === OTHER) break;
            if (c <= 90 && c >= 65) upper = true;
            j++;
          } else {
            if (classAt(text, j) === OTHER) break;
            ascii = false;
            j += cpWidth(text, j);
          }
        }
        const a = text.charCodeAt(j);
        if (j + 1 < n && isApostrophe(a) && classAt(text, j + 1) !== OTHER) {
          if (a !== 39) ascii = false;
          j++;
        } else break;
      }
      end = j;
    }
    const raw = text.slice(start, end);
    tokens.push({
      start,
      end,
      text: raw,
      norm: !ascii ? normalize(raw) : upper ? raw.toLowerCase() : raw,
      kind: k0 === NUMBER ? 'number' : 'word',
      gap: tokens.length === 0 ? 'sentence' : gapBetween(text, prevEnd, start),
    });
    prevEnd = end;
    i = end;
  }
  return tokens;
}

/** Where (?:\p{L}{1,3}\.){2,} matched at `start` ends, or -1. */
function abbreviationEnd(text: string, start: number): number {
  let j = start;
  let groups = 0;
  let end = -1;
  for (;;) {
    let letters = 0;
    let q = j;
    while (letters < 4 && q < text.length && classAt(text, q) === LETTER) {
      q += cpWidth(text, q);
      letters++;
    }
    if (letters === 0 || letters > 3 || text.charCodeAt(q) !== 46) return end;
    j = q + 1;
    if (++groups >= 2) end = j;
  }
}

/** An ASCII digit's code unit. */
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** What separates a token from the one before, text[a, b). */
function gapBetween(text: string, a: number, b: number): Gap {
  if (b - a === 1) {
    const c = text.charCodeAt(a);
    if (c === 32) return 'space';
    if (c === 45 || c === 0x2010) return 'hyphen';
    // A decimal point ("1.5", "$2.5bn") ends no sentence.
    if (c === 46 && isDigit(text.charCodeAt(a - 1)) && isDigit(text.charCodeAt(b))) return 'punct';
  }
  // The period of an abbreviation ("U.S. officials") belongs to its token, so what is left is
  // plain space and the two words can still form a phrase.
  let spaces = true;
  for (let j = a; j < b; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) return 'sentence';
    if (c !== 32 && c !== 9 && c !== 0xa0) spaces = false;
  }
  if (spaces) return 'space';
  // A sentence end: . ! or ? then closing quotes or brackets, then only white space.
  let j = b - 1;
  while (j >= a && isWhiteSpace(text.charCodeAt(j))) j--;
  while (j >= a && isCloser(text.charCodeAt(j))) j--;
  if (j >= a) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 33 || c === 63) return 'sentence';
  }
  return 'punct';
}

/** ["”’)\]] */
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;

/** \s of a JavaScript regex. */
const isWhiteSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

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
