/**
 * Photo-credit lines: find them, name the photographer and agencies, and repair agency,
 * collection and label names that a spinner mangled ("Getty Photos Information" → "Getty Images
 * News", "Through Reuters" → "Via Reuters"). Known names come from data/credits.json; their
 * spun variants are recognised through the channel model, so no variant list is kept by hand.
 */
import { applyCase } from './casing';
import type { ChannelModel } from './channel';
import gazetteer from './data/credits.json';
import { type Token, tokenize } from './tokenize';
import type { Credit } from './types';

/** A repaired stretch inside a credit line. */
export interface CreditFix {
  start: number;
  end: number;
  text: string;
  restored: string;
}

export interface CreditLine extends Credit {
  fixes: CreditFix[];
  /**
   * How strongly the line's repairs tell of a spinner: `name` when an agency or collection name was
   * turned by a swap the channel knows ("Getty Photos", "Related Press"), `wording` when only a label
   * or connector was ("through Getty Images": a round-trip translation writes that too), null when
   * nothing was, or a repair only guessed a name's last word ("Getty Marries": a translation or a
   * typo mangles names too).
   */
  tell: 'name' | 'wording' | null;
}

type EntryKind = 'agency' | 'label' | 'connector';
interface Entry {
  name: string;
  words: string[];
  kind: EntryKind;
}

const ENTRIES: Entry[] = [
  ...gazetteer.agencies.map((name) => entry(name, 'agency')),
  ...gazetteer.labels.map((name) => entry(name, 'label')),
  ...gazetteer.connectors.map((name) => entry(name, 'connector')),
].sort((a, b) => b.words.length - a.words.length);

function entry(name: string, kind: EntryKind): Entry {
  return { name, kind, words: tokenize(name).map((t) => t.norm) };
}

const MAX_LINE = 160;
const MAX_WORDS = 16;
const SEPARATOR_RE = /[|/©()[\]:]/;

interface Match {
  entry: Entry;
  first: number;
  /** Exclusive token index. */
  end: number;
  /** The tokens from its first changed word to its last (exclusive end), or null when it is written as the name is. */
  changed: { first: number; end: number } | null;
  /** A word of it was taken on the rest of the name's say-so (WILDCARD_LOGPROB), not as a swap the channel knows. */
  guessed: boolean;
}

/** Find every photo-credit line in `text`. `channel` lets spun names be recognised. */
export function findCredits(text: string, channel: ChannelModel | null): CreditLine[] {
  const found: { from: number; to: number; credit: LineMatch }[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const credit = creditOfLine(text, lineStart, lineEnd, channel, ANY_STYLE);
    if (credit) found.push({ from: lineStart, to: lineEnd, credit });
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  // A page credits its photos in one house style: where a spun label could be restored to several
  // ("Exposure" to "Photo" or "Photograph"), the label the page's intact credits use wins, and on a page
  // whose every label was spun, one label that all of them can be ("Shoot" can be only "Photograph").
  // Once the page's publisher is known, restyleCredits applies its own.
  const intact = new Set(found.flatMap((f) => f.credit.intactLabels));
  const labels = intact.size > 0 ? intact : sharedLabel(found, text, channel);
  const style: LabelStyle = { labels, house: false };
  return found.map((f) =>
    strip(labels.size > 0 && f.credit.mangled ? (creditOfLine(text, f.from, f.to, channel, style) ?? f.credit) : f.credit),
  );
}

/**
 * The credit lines found on a page, again in the house style of its publisher once that is known
 * (analyze.ts): on a page of a publisher that labels its credits one way ("Photograph: Name/Agency" at the
 * Guardian) another label is a spun one, even a label as written ("Photo"), where the channel can turn the
 * house label into it. Only the lines are read again, not the page.
 */
export function restyleCredits(
  text: string,
  lines: readonly CreditLine[],
  channel: ChannelModel | null,
  houseLabels: ReadonlySet<string>,
): CreditLine[] {
  return lines.map((c) => {
    const m = creditOfLine(text, c.start, c.end, channel, { labels: houseLabels, house: true });
    return m ? strip(m) : c;
  });
}

/** A line's credit without the labels it was matched by. */
function strip({ intactLabels: _, spunLabels: __, ...credit }: LineMatch): CreditLine {
  return credit;
}

/**
 * The one label every spun label on the page can be restored to, tried in order of how many lines chose
 * it on their own; none when the page has fewer than two spun labels or they have no label in common.
 */
function sharedLabel(
  found: readonly { from: number; to: number; credit: LineMatch }[],
  text: string,
  channel: ChannelModel | null,
): ReadonlySet<string> {
  const spun = found.filter((f) => f.credit.spunLabels.length > 0);
  const chosen = spun.flatMap((f) => f.credit.spunLabels);
  if (spun.length < 2 || new Set(chosen).size < 2) return ANY_STYLE.labels;
  const byVotes = [...new Set(chosen)].sort((a, b) => chosen.filter((l) => l === b).length - chosen.filter((l) => l === a).length);
  for (const label of byVotes) {
    const style: LabelStyle = { labels: new Set([label]), house: false };
    const all = spun.every((f) => creditOfLine(text, f.from, f.to, channel, style)?.spunLabels.every((l) => l === label));
    if (all) return style.labels;
  }
  return ANY_STYLE.labels;
}

/**
 * The labels a page is known to use, which win where a spun label could be restored to several; with
 * `house` (the publisher's own style) one of them wins even over another label matched as written.
 */
interface LabelStyle {
  labels: ReadonlySet<string>;
  house: boolean;
}

const ANY_STYLE: LabelStyle = { labels: new Set(), house: false };

/** A credit line, the labels it uses as written ("Photograph") and the labels it restored. */
type LineMatch = CreditLine & { intactLabels: string[]; spunLabels: string[] };

function creditOfLine(text: string, from: number, to: number, channel: ChannelModel | null, style: LabelStyle): LineMatch | null {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const line = raw.trim();
  if (line.length === 0 || line.length > MAX_LINE) return null;
  const start = from + lead;
  const tokens = tokenize(line);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  if (/[.!?]["”]?$/.test(line) && !/\b[A-Z]\.$/.test(line) && tokens.length > 6) return null;

  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; ) {
    const m = matchAt(tokens, i, line, channel, style);
    if (m) {
      matches.push(m);
      i = m.end;
    } else i++;
  }
  if (!matches.some((m) => m.entry.kind === 'agency')) return null;

  // What the gazetteer did not explain must look like a person's or an outlet's name.
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) covered.fill(1, m.first, m.end);
  const runs: Token[][] = [];
  let run: Token[] = [];
  tokens.forEach((t, i) => {
    if (covered[i]) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      if (run.length && !sameSegment(line, run[run.length - 1] as Token, t)) {
        runs.push(run);
        run = [];
      }
      run.push(t);
    }
  });
  if (run.length) runs.push(run);
  if (!runs.every(isNameLike)) return null;
  // "Name for The New York Times", "Name via Getty Images": a connector separates like '/' does.
  const hasSeparator = SEPARATOR_RE.test(line) || matches.some((m) => m.entry.kind === 'connector');
  if (!hasSeparator && runs.length > 0) return null;

  const fixes = mergeFixes(
    matches.flatMap((m) => (m.changed ? [fixOf(m, m.changed, tokens, line, start, channel)] : [])),
    text,
  );
  let restored = '';
  let cursor = start;
  for (const f of fixes) {
    restored += text.slice(cursor, f.start) + f.restored;
    cursor = f.end;
  }
  restored += text.slice(cursor, start + line.length);

  const firstRun = runs[0];
  const photographer = firstRun ? line.slice((firstRun[0] as Token).start, (firstRun[firstRun.length - 1] as Token).end) : null;
  const notes: string[] = [];
  // Spinners leave most names alone but split or swap surnames made of dictionary words
  // ("Setterfield" → "Setter Area"). Names are never rewritten; on a mangled line they are flagged.
  if (fixes.length > 0 && firstRun && firstRun.length >= 2 && channel) {
    const surname = firstRun.slice(1);
    if (surname.some((t) => channel.lookup(t.norm) !== undefined)) {
      notes.push(
        `the photographer's name “${photographer}” contains dictionary words and may have been spun too; check the original credit`,
      );
    }
  }
  const agencies = [...new Set(matches.filter((m) => m.entry.kind === 'agency').map((m) => m.entry.name))];
  const known = matches.filter((m) => m.changed && !m.guessed);
  const intactLabels = matches.filter((m) => m.entry.kind === 'label' && !m.changed).map((m) => m.entry.name);
  const spunLabels = matches.filter((m) => m.entry.kind === 'label' && m.changed).map((m) => m.entry.name);
  return {
    start,
    end: start + line.length,
    text: line,
    restored,
    photographer,
    agencies,
    mangled: fixes.length > 0,
    tell: known.some((m) => m.entry.kind === 'agency') ? 'name' : known.length > 0 ? 'wording' : null,
    notes,
    fixes,
    intactLabels,
    spunLabels,
  };
}

/**
 * The best gazetteer entry starting at token i: the most tokens explained, then the most words matched
 * exactly, then one of the style's labels, then the likelier swaps (`better`; in a house style, its label
 * comes before the words matched exactly).
 */
function matchAt(tokens: Token[], i: number, line: string, channel: ChannelModel | null, style: LabelStyle): Match | null {
  let best: Scored | null = null;
  for (const e of entriesAt(tokens, i, line, channel)) {
    const m = tryEntry(e, tokens, i, line, channel);
    if (m && (!best || better(m, best, style))) best = m;
  }
  return best;
}

/** ENTRIES positions by first word. */
const BY_FIRST_WORD = new Map<string, number[]>();
ENTRIES.forEach((e, k) => {
  const first = e.words[0] ?? '';
  BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), k]);
});

/**
 * The entries that could match at token i: those whose first word is the token, or an original the
 * channel offers for a spun form starting there (what tryEntry would find), in ENTRIES order.
 */
function entriesAt(tokens: Token[], i: number, line: string, channel: ChannelModel | null): Entry[] {
  const found = new Set<number>(BY_FIRST_WORD.get((tokens[i] as Token).norm));
  if (channel) {
    let key = '';
    for (let m = 0; m < 3 && i + m < tokens.length; m++) {
      const t = tokens[i + m] as Token;
      if (m > 0 && !sameSegment(line, tokens[i + m - 1] as Token, t)) break;
      key += (m > 0 ? ' ' : '') + t.norm;
      for (const c of channel.lookup(key) ?? []) for (const k of BY_FIRST_WORD.get(c.original) ?? []) found.add(k);
    }
  }
  return [...found].sort((a, b) => a - b).map((k) => ENTRIES[k] as Entry);
}

/** A match with how it was made: words matched exactly, and the channel log-prob of the spun ones. */
type Scored = Match & { exact: number; logProb: number };

function tryEntry(e: Entry, tokens: Token[], i: number, line: string, channel: ChannelModel | null): Scored | null {
  // Each word as written or as a spun form of one to three tokens; every way through is tried, as the
  // word as written can be the start of a longer spun form ("File cabinet Photo": "File Photo").
  let best: Scored | null = null;
  // cf .. ce: the tokens of the changed words so far (cf === -1: none yet)
  const walk = (w: number, j: number, exact: number, logProb: number, cf: number, ce: number, guessed = false): void => {
    if (w === e.words.length) {
      const changed = cf >= 0 ? { first: cf, end: ce } : null;
      const m = accepted(e, tokens, i, j, line, exact) ? { entry: e, first: i, end: j, changed, guessed, exact, logProb } : null;
      if (m && (!best || better(m, best))) best = m;
      return;
    }
    const want = e.words[w] as string;
    const tok = tokens[j];
    if (!tok || (w > 0 && !sameSegment(line, tokens[j - 1] as Token, tok))) return;
    if (tok.norm === want) walk(w + 1, j + 1, exact + 1, logProb, cf, ce, guessed);
    const spun = channel ? spunForms(tokens, j, want, line, channel) : [];
    for (const f of spun) walk(w + 1, j + f.length, exact, logProb + f.logProb, cf < 0 ? j : cf, j + f.length, guessed);
    // The last word of a brand the rest names beyond doubt ("Getty" + any synonym of "Images"):
    // spinners draw on whole thesauri, so the channel cannot list every spun form. A cut-off of the
    // name ("Press Ser") is not a spun form.
    if (
      tok.norm !== want &&
      spun.length === 0 &&
      w === e.words.length - 1 &&
      exact === w &&
      channel &&
      isWildcardable(e, channel) &&
      /^\p{Lu}/u.test(tok.text) &&
      tok.kind === 'word' &&
      !want.startsWith(tok.norm)
    ) {
      // a hyphenated synonym is one word ("Getty Look-alikes")
      let end = j + 1;
      while (tokens[end]?.kind === 'word' && line.slice((tokens[end - 1] as Token).end, (tokens[end] as Token).start) === '-') end++;
      walk(w + 1, end, exact, logProb + WILDCARD_LOGPROB, cf < 0 ? j : cf, end, true);
    }
  };
  walk(0, i, 0, 0, -1, -1);
  return best;
}

/**
 * The most tokens explained, then the most words matched exactly, then a name of the style's, then the
 * likelier swaps; in a house style, its label beats another label even matched as written.
 */
function better(m: Scored, than: Scored, style: LabelStyle = ANY_STYLE): boolean {
  if (m.end !== than.end) return m.end > than.end;
  const mine = style.labels.has(m.entry.name);
  const decides = mine !== style.labels.has(than.entry.name);
  if (decides && style.house && m.entry.kind === 'label' && than.entry.kind === 'label') return mine;
  if (m.exact !== than.exact) return m.exact > than.exact;
  if (decides) return mine;
  return m.logProb > than.logProb;
}

/** Whether a match of entry e over tokens first .. end - 1 with `exact` words as written can be trusted. */
function accepted(e: Entry, tokens: Token[], first: number, end: number, line: string, exact: number): boolean {
  // A wholly spun name needs a credit-shaped position to be trusted: a label before ':' or at
  // the end after '/', a connector between two names.
  if (exact === 0 && e.kind === 'agency') return false;
  if (exact === 0 && e.kind === 'label' && !labelPosition(tokens, first, end, line)) return false;
  return !(
    e.kind === 'agency' &&
    e.words.length === 1 &&
    /^\p{Ll}/u.test((tokens[first] as Token).text) &&
    e.name !== e.name.toLowerCase()
  );
}

/** A last word taken on the rest of the name's say-so counts less than any swap the channel knows. */
const WILDCARD_LOGPROB = -4;

/**
 * An agency name whose last word may be any capitalised word once the words before it match
 * exactly: those words include one that is no dictionary word (so the spinner left it alone:
 * "Getty", "Kyodo", "York"), and no other name of the same length starts with them ("PA Media" and
 * "PA Wire" do, so neither qualifies).
 */
function isWildcardable(e: Entry, channel: ChannelModel): boolean {
  return UNIQUE_HEAD.has(e) && e.words.slice(0, -1).some((w) => channel.lookup(w) === undefined && !STOP_HEAD.has(w));
}
/** The agency names of two words or more that no other name of their length starts like (the part that needs no channel). */
const UNIQUE_HEAD = new Set(
  ENTRIES.filter(
    (e) =>
      e.kind === 'agency' &&
      e.words.length > 1 &&
      !ENTRIES.some((o) => o !== e && o.words.length === e.words.length && e.words.slice(0, -1).every((w, k) => o.words[k] === w)),
  ),
);
const STOP_HEAD = new Set(['the', 'of', 'a', 'an', 'no', 'us', 'u.s.']);

/** The ways the tokens from j can be a spun form of `want` (how many tokens, how likely the spinner makes it). */
function spunForms(tokens: Token[], j: number, want: string, line: string, channel: ChannelModel): { length: number; logProb: number }[] {
  const out: { length: number; logProb: number }[] = [];
  let key = '';
  for (let m = 0; m < 3 && j + m < tokens.length; m++) {
    const t = tokens[j + m] as Token;
    if (m > 0 && !sameSegment(line, tokens[j + m - 1] as Token, t)) break;
    key += (m > 0 ? ' ' : '') + t.norm;
    const hit = channel.lookup(key)?.find((c) => c.original === want);
    if (hit) out.push({ length: m + 1, logProb: hit.logProb });
  }
  return out;
}

function labelPosition(tokens: Token[], first: number, end: number, line: string): boolean {
  const after = line.slice((tokens[end - 1] as Token).end).trimStart();
  const before = first > 0 ? line.slice((tokens[first - 1] as Token).end, (tokens[first] as Token).start) : '';
  return after.startsWith(':') || (end === tokens.length && /[/|]\s*$/.test(before)) || (end === tokens.length && first > 0);
}

/** Two adjacent tokens belong to one name when only spaces or a hyphen separate them. */
function sameSegment(line: string, a: Token, b: Token): boolean {
  return /^[ \t-]*$/.test(line.slice(a.end, b.start));
}

function isNameLike(run: Token[]): boolean {
  return run.length <= 6 && run.every((t) => /^[\p{Lu}\p{N}]/u.test(t.text) || /^(?:de|da|van|von|der|al|bin|la|le|del|di)$/.test(t.text));
}

/** Proper names keep their canonical spelling; lowercase connectors follow the page ("Through" → "Via"). */
function caseLike(spun: string, canonical: string): string {
  if (canonical !== canonical.toLowerCase()) return spun === spun.toLowerCase() ? canonical.toLowerCase() : canonical;
  return applyCase(spun, canonical);
}

/**
 * The repair of a changed match, over the words the spinner changed: "Getty Ikons" repairs as "Ikons" →
 * "Images" and "The New York Multiplication" as "Multiplication" → "Times", as a spinner swapping one word
 * wrote them. A name the channel knows spun as a whole ("Getty Photos" → "Getty Images", a phrase of the
 * spinner table) repairs whole, as the spinner swapped it whole.
 */
function fixOf(
  m: Match,
  changed: { first: number; end: number },
  tokens: Token[],
  line: string,
  start: number,
  channel: ChannelModel | null,
): CreditFix {
  const a = tokens[m.first] as Token;
  const b = tokens[m.end - 1] as Token;
  const text = line.slice(a.start, b.end);
  const whole = { start: start + a.start, end: start + b.end, text, restored: caseLike(text, m.entry.name) };
  if (m.end - m.first > 1) {
    const key = tokens
      .slice(m.first, m.end)
      .map((t) => t.norm)
      .join(' ');
    const name = m.entry.name.toLowerCase();
    if (channel?.lookup(key)?.some((c) => c.original === name)) return whole;
  }
  // The unchanged words around the changed ones, as written on the page, come off the restored name too.
  const first = tokens[changed.first] as Token;
  const last = tokens[changed.end - 1] as Token;
  const before = line.slice(a.start, first.start);
  const after = line.slice(last.end, b.end);
  const r = whole.restored;
  if (!r.startsWith(before) || !r.endsWith(after) || r.length < before.length + after.length) return whole;
  const restored = r.slice(before.length, r.length - after.length);
  if (restored.trim() === '') return whole;
  return { start: start + first.start, end: start + last.end, text: line.slice(first.start, last.end), restored };
}

/** Join fixes separated only by spaces, so "by way of Getty Photos" repairs as one stretch. */
function mergeFixes(fixes: CreditFix[], text: string): CreditFix[] {
  const out: CreditFix[] = [];
  for (const f of fixes) {
    const prev = out[out.length - 1];
    if (prev && /^[ \t]+$/.test(text.slice(prev.end, f.start))) {
      const gap = text.slice(prev.end, f.start);
      out[out.length - 1] = {
        start: prev.start,
        end: f.end,
        text: text.slice(prev.start, f.end),
        restored: prev.restored + gap + f.restored,
      };
    } else out.push(f);
  }
  return out;
}
