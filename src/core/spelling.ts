import type { ChannelCandidate } from './channel';

/**
 * British and American spellings of one word ("stabilise" / "stabilize", "programme" / "program",
 * "offence" / "offense", "travelled" / "traveled") and the same word written open, hyphenated or
 * closed ("health care" / "healthcare"). Thesauri such as WordNet list them as synonyms, but a
 * restoration from one to the other changes nothing a reader cares about, and on a British article
 * it rewrites correct spelling as if the page had been spun.
 *
 * The two must differ in one place only, by one of the known alternations, after a shared start long
 * enough that "four" / "for" or "filled" / "filed" are not taken for spellings of one word. No regular
 * expressions: the decoder asks this of every candidate it prepares, on a cold start too.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  // Every alternation needs a shared start of one letter or more: most candidates stop here.
  if (a === b || Math.abs(a.length - b.length) > 3 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  // Every alternation below is two letters at most on either side.
  if (a.length - end - start > 2 || b.length - end - start > 2) return false;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const rules = ALTERNATIONS.get(`${x}|${y}`) ?? ALTERNATIONS.get(`${y}|${x}`);
  return (
    rules?.some(
      ([least, then = '', after]) =>
        start >= least && a.startsWith(then, a.length - end) && (after === undefined || a[start - 1] === after),
    ) ?? false
  );
}

/**
 * A thesaurus candidate that only spells the spun form another way ("programme" for "program"): no swap.
 * Spinners do join or split words ("web site" for "website"), but only where the spinner table says so.
 */
export function isRespelling(spun: string, candidate: ChannelCandidate): boolean {
  return candidate.source !== 'spinner' && isSpellingVariant(spun, candidate.original);
}

/**
 * What one spelling has where the other has something else: the shared start it needs, what must
 * follow it, if anything, and which letter must come right before it, if one must.
 */
const ALTERNATIONS = new Map<string, [number, string?, string?][]>([
  ['s|z', [[3]]], // organise, analyse, organisation
  ['u|', [[4]]], // colour, favourite, neighbouring (not "four", "hour", "flour")
  ['re|er', [[3]]], // centre, fibre, theatre
  ['c|s', [[4]]], // offence, defence, licence, practise
  ['me|', [[4]]], // programme
  ['l|', [[4, '', 'l']]], // a doubled l: travelled, modelling, counsellor, fulfil, skilful (not "filled", "startled")
  ['ue|', [[4]]], // catalogue, dialogue
  [
    'e|',
    [
      [4, 'ment'],
      [2, 'ing'],
    ],
  ], // judgement, acknowledgement (not "lapse"); ageing, whingeing
  ['c|k', [[1, 'ept']]], // sceptical, scepticism
  ['a|', [[1, 'e']]], // paediatric, anaesthetic, leukaemia, haemorrhage
  ['y|i', [[1, 're']]], // tyre, tyres
  ['i|', [[6, 'um']]], // aluminium
  [' |', [[2]]], // health care
  ['-|', [[1]]], // e-mail
  ['-| ', [[2]]], // decision-making, decision making
]);

/**
 * American spellings a British one may stand for, one alternation apart ("realise" → "realize",
 * "offences" → "offenses", "travelled" → "traveled", "centre" → "center", "fulfil" → "fulfill",
 * "ageing" → "aging", "sceptical" → "skeptical", "paediatric" → "pediatric", "tyre" → "tire");
 * each passes isSpellingVariant. Only where British spelling puts them: "ise"/"yse" (not
 * "business"), "our" (not "four"), "nce" as a noun ending, a doubled "l" before a vowel, "re" at the
 * end, a single "l" at the end or before "ment"/"ful", "geing", "scept", "ae", "tyre", "-ium".
 */
export function americanSpellings(word: string): string[] {
  const out: string[] = [];
  const add = (at: number, cut: number, put: string) => {
    const v = word.slice(0, at) + put + word.slice(at + cut);
    if (isSpellingVariant(word, v) && !out.includes(v)) out.push(v);
  };
  const n = word.length;
  for (let i = 1; i < n; i++) {
    const c = word.charCodeAt(i);
    const prev = word[i - 1];
    const next = word[i + 1];
    if (c === 97 /* a */ && next === 'e' && !isVowel(prev)) add(i, 1, '');
    else if (i < 2) continue;
    else if (c === 115 /* s */ && (prev === 'i' || prev === 'y') && (next === 'e' || next === 'i' || next === 'a')) add(i, 1, 'z');
    else if (c === 117 /* u */ && prev === 'o' && next === 'r') add(i, 1, '');
    else if (c === 99 /* c */ && prev === 'n' && next === 'e' && (i + 2 === n || word[i + 2] === 's')) add(i, 1, 's');
    else if (c === 108 /* l */ && prev === 'l' && (next === 'e' || next === 'i' || next === 'o')) add(i, 1, '');
    else if (c === 114 /* r */ && prev === 't' && next === 'e' && (i + 2 === n || word[i + 2] === 's' || word[i + 2] === 'd'))
      add(i, 2, 'er');
    else if (
      c === 108 /* l */ &&
      i >= 3 &&
      (prev === 'i' || prev === 'o' || prev === 'a') &&
      !isVowel(word[i - 2]) &&
      SINGLE_L_ENDS.has(word.slice(i + 1))
    )
      add(i, 0, 'l');
    else if (c === 101 /* e */ && prev === 'g' && word.startsWith('ing', i + 1) && (i + 4 === n || (i + 5 === n && word[i + 4] === 's')))
      add(i, 1, '');
    else if (c === 105 /* i */ && i === n - 3 && n > 8 && word.endsWith('ium')) add(i, 1, '');
  }
  if (word.startsWith('scept')) add(1, 1, 'k');
  if (word === 'tyre' || word === 'tyres') add(1, 1, 'i');
  return out;
}

/** What follows a British single "l" that American writers double: fulfil, fulfils, fulfilment, skilful, skilfully. */
const SINGLE_L_ENDS = new Set(['s', 'ment', 'ments', 'ful', 'fully', '']);
const isVowel = (ch: string | undefined) => ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';

/**
 * Spellings only American writers use: "-ize" after four letters or more ("organize", not "prize"),
 * "-or" where British writes "-our", "center", "theater", "defense", "offense", a single "l" in
 * "traveled". Enough to tell an American page from a British one, not a dictionary.
 */
export function isAmericanSpelling(word: string): boolean {
  return AMERICAN.test(word);
}
const AMERICAN = new RegExp(
  [
    '^\\p{L}{4,}iz(?:e|es|ed|ing|ation|ations|er|ers)$',
    '^(?:colo|favo|hono|labo|neighbo|behavio|harbo|humo|rumo|flavo|vigo)r(?:s|ed|ing|ite|ites|able|ful|hood)?$',
    '^(?:cent|theat|fib|lit)ers?$',
    '^(?:defen|offen|preten)ses?$',
    '^(?:travel|cancel|label|model|fuel|counsel)(?:ed|ing|er|ers|or|ors)$',
  ].join('|'),
  'u',
);
