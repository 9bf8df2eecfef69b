/**
 * Wire-service sign-offs: the fixed formulas that close a Reuters or Bloomberg story, "(Reporting by
 * …; Editing by …)" and "With assistance from …". A spinner swaps their words like any others
 * ("Accounting by" for "Reporting by"), and the decoder, which sees only words, would "restore" an
 * intact one ("With assistance from" → "With help from"). Here a formula is found whole, each word
 * as written or as a channel swap of it, and restored as the formula; the decoder does not see it.
 */
import { applyCase } from './casing';
import type { ChannelModel } from './channel';
import { tokenize } from './tokenize';

export interface SignoffHit {
  /** The whole formula on the page ("Accounting by"), which the decoder must not see. */
  start: number;
  end: number;
  /** Its swapped words, each with the formula's word in the page's case. */
  swaps: { start: number; end: number; text: string; restored: string }[];
}

/** Longest first, so "additional reporting by" wins over "reporting by". */
const FORMULAS = ['additional reporting by', 'with assistance from', 'reporting by', 'editing by', 'writing by', 'compiled by'].map((f) =>
  f.split(' '),
);

/**
 * Where a formula may begin: right after the "(" or dash that opens a line, or after a ";" in a line
 * opened so ("(Reporting by A; Editing by B)"), or at a line's start for Bloomberg's "With assistance
 * from". It must name someone: the word after "by"/"from" is capitalised.
 */
const OPENED = /[ \t]*(?:\(|[—–-][ \t]*)/y;
const WITH = /[ \t]*with /iy;

export function findSignoffs(text: string, channel: ChannelModel | null): SignoffHit[] {
  const hits: SignoffHit[] = [];
  let lineStart = 0;
  // Every " to this ", found before the lines are walked: a search from each line scans the rest
  // of a long page once per line. Kept out of the line loop altogether: with the search in the loop
  // behind a guard that never let it run, optimised code still took as long as one search per line
  // (Node 20, 100,000 words: 0.8 s).
  const reports: number[] = [];
  for (let at = text.indexOf(TO_THIS); at >= 0; at = text.indexOf(TO_THIS, at + TO_THIS.length)) reports.push(at);
  let r = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    OPENED.lastIndex = lineStart;
    const opened = OPENED.exec(text);
    if (opened) {
      const starts = [lineStart + opened[0].length];
      for (let i = lineStart; i < lineEnd; i++) if (text.charCodeAt(i) === 59 /* ; */) starts.push(i + 1);
      for (const at of starts) {
        const hit = formulaAt(text, at, lineEnd, channel, true);
        if (hit) hits.push(hit);
      }
    } else {
      WITH.lastIndex = lineStart;
      const hit = WITH.test(text) ? formulaAt(text, lineStart, lineEnd, channel, false) : null;
      if (hit) hits.push(hit);
    }
    while (r < reports.length && (reports[r] as number) < lineStart) r++;
    const report = reports[r];
    const credit = report !== undefined && report < lineEnd ? contributedAt(text, report, lineStart, lineEnd, channel) : null;
    if (credit) hits.push(credit);
    lineStart = lineEnd + 1;
  }
  return hits;
}

function formulaAt(text: string, from: number, to: number, channel: ChannelModel | null, opened: boolean): SignoffHit | null {
  const tokens = tokenize(text, from, Math.min(to, from + 120));
  for (const words of FORMULAS) {
    if (!opened && words[0] !== 'with') continue;
    const name = tokens[words.length];
    if (!name || !/^\p{Lu}/u.test(name.text)) continue;
    const swaps: SignoffHit['swaps'] = [];
    // The spinner table may list the formula as a phrase ("Enhancing by" for "Editing by") where no
    // thesaurus pairs its words: then each changed word is a swap.
    const phrase = tokens.slice(0, words.length);
    const whole =
      phrase.length === words.length &&
      phrase.every((t, w) => w === 0 || t.gap === 'space') &&
      isSwapOf(channel, phrase.map((t) => t.norm).join(' '), words.join(' '));
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      const tok = tokens[w];
      const want = words[w] as string;
      if (!tok || (w > 0 && tok.gap !== 'space')) ok = false;
      else if (tok.norm === want) continue;
      // The closing "by"/"from" is as written: a spinner's swap of it would leave nothing to know the formula by.
      else if (w < words.length - 1 && (whole || isSwapOf(channel, tok.norm, want)))
        swaps.push({ start: tok.start, end: tok.end, text: tok.text, restored: applyCase(tok.text, want) });
      else ok = false;
    }
    if (!ok) continue;
    const first = tokens[0];
    const last = tokens[words.length - 1];
    if (first && last) return { start: first.start, end: last.end, swaps };
  }
  return null;
}

/** The channel lists `spun` as a spinner's swap of `original`. */
function isSwapOf(channel: ChannelModel | null, spun: string, original: string): boolean {
  return channel?.lookup(spun)?.some((c) => c.original === original) ?? false;
}

const TO_THIS = ' to this ';
const WRITERS_NOUNS = new Set(['story', 'article']);

/**
 * The Associated Press's "Associated Press writer A contributed to this report." (CNBC and others
 * write it too): "contributed" and "report", each as written or swapped ("gave", "conduced";
 * "reputation", "account"), after a capitalised name (not a sentence's first word: "Everyone gave…"),
 * "to this" between them (at `at`, in the line) and the sentence's end after them.
 */
function contributedAt(text: string, at: number, lineStart: number, lineEnd: number, channel: ChannelModel | null): SignoffHit | null {
  const after = tokenize(text, at + TO_THIS.length, Math.min(lineEnd, at + TO_THIS.length + 40));
  const noun = after[0];
  if (!noun || noun.start !== at + TO_THIS.length || !/^[.\s]*$/.test(text.slice(noun.end, Math.min(lineEnd, noun.end + 3)))) return null;
  const before = tokenize(text, Math.max(lineStart, at - 60), at);
  const verb = before.at(-1);
  const name = before.at(-2);
  if (!verb || !name || verb.end !== at || name.gap === 'sentence' || !/^\p{Lu}/u.test(name.text)) return null;
  const swaps: SignoffHit['swaps'] = [];
  for (const [tok, want] of [
    [verb, 'contributed'],
    [noun, 'report'],
  ] as const) {
    if (tok.norm === want) continue;
    // Newsrooms write "contributed to this story" (or "article") too: such a line is left as written.
    if (WRITERS_NOUNS.has(tok.norm)) return null;
    if (!isSwapOf(channel, tok.norm, want)) return null;
    swaps.push({ start: tok.start, end: tok.end, text: tok.text, restored: applyCase(tok.text, want) });
  }
  return { start: verb.start, end: noun.end, swaps };
}
