/**
 * British and American spellings of one word ("stabilise" / "stabilize", "programme" / "program",
 * "offence" / "offense", "travelled" / "traveled") and the same word written open, hyphenated or
 * closed ("health care" / "healthcare"). Thesauri such as WordNet list them as synonyms, but a
 * restoration from one to the other changes nothing a reader cares about, and on a British article
 * it rewrites correct spelling as if the page had been spun.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  return a !== b && spellingKey(a) === spellingKey(b);
}

/** One key for the spellings of a lowercase word or phrase (rules at word ends, stems long enough not to catch "four" or "filled"). */
export function spellingKey(phrase: string): string {
  let out = '';
  for (const word of phrase.split(/[ -]/)) out += americanSpelling(word);
  return out;
}

const RULES: readonly [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  // organise, organised, organises, organising (a stem of three letters at least: not "rise", "wise")
  [/(\w{3})is(e|ed|es|ing|er|ers)$/, '$1iz$2'],
  [/(\w{3})ys(e|ed|es|ing)$/, '$1yz$2'],
  // colour, favourite, neighbouring, labour (not "four", "your", "hour", "tour": stem of three letters)
  [/(\w{3})our((?:s|ed|ing|ite|ites|able|ably|er|ers|ful|less|iz\w*)?)$/, '$1or$2'],
  [/(\w{2}[bt])re(s?)$/, '$1er$2'],
  [/(\w{3})ence(s?)$/, '$1ense$2'],
  [/(\w{3})mme(s?)$/, '$1m$2'],
  // travelled, modelling, counsellor (not "filled", "willing": stem of four letters at least)
  [/(\w{4})ll(ed|ing|er|ers|or|ors)$/, '$1l$2'],
  [/(\w{3})ogue(s?)$/, '$1og$2'],
  [/dgement(s?)$/, 'dgment$1'],
];

function americanSpelling(word: string): string {
  // Every rule in turn: "colourised" needs two.
  let out = word;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
