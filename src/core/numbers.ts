/**
 * Numbers as the language model read them. It was built for speech recognition, from text with
 * every number spelled out ("nineteen points", "two thousand five", "seven billion"), so a digit
 * token is scored as those words: "14 periods" and "14 points" then differ as "fourteen periods" and
 * "fourteen points" do, where a stand-in word for any number gave both the same context.
 */
import { isDigit } from './tokenize';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];
const SUFFIX_SCALE: Record<string, string> = { bn: 'billion', b: 'billion', m: 'million', mn: 'million', k: 'thousand', tn: 'trillion' };
const SCALE_SUFFIX = Object.keys(SUFFIX_SCALE).join('|');
/** A whole number with a plural, ordinal or scale suffix ("1990s", "2nd", "7bn"). */
const NUMBER = new RegExp(`^(\\d{1,12})('?s|st|nd|rd|th|${SCALE_SUFFIX})?$`);
/** The digits after a decimal point, with a scale suffix ("5bn" of "2.5bn"). */
const DECIMALS = new RegExp(`^(\\d{1,6})(${SCALE_SUFFIX})?$`);
const ORDINAL: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** Words for 0 ≤ n < 1000. */
function belowThousand(n: number): string[] {
  const out: string[] = [];
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)] as string, 'hundred');
    n %= 100;
    if (n === 0) return out;
  }
  if (n < 20) out.push(ONES[n] as string);
  else {
    out.push(TENS[Math.floor(n / 10)] as string);
    if (n % 10) out.push(ONES[n % 10] as string);
  }
  return out;
}

function cardinal(n: number): string[] {
  if (n >= 1100 && n <= 2099 && (n < 2000 || n >= 2010)) {
    // Read as a year: "nineteen sixty", "twenty twenty four", "nineteen hundred", "nineteen oh five".
    const lo = n % 100;
    return [...belowThousand(Math.floor(n / 100)), ...(lo === 0 ? ['hundred'] : lo < 10 ? ['oh', ONES[lo] as string] : belowThousand(lo))];
  }
  const out: string[] = [];
  for (const [scale, word] of SCALES) {
    if (n >= scale) {
      out.push(...belowThousand(Math.floor(n / scale) % 1000), word);
      n %= scale;
    }
  }
  if (n > 0 || out.length === 0) out.push(...belowThousand(n));
  return out;
}

function ordinal(word: string): string {
  if (ORDINAL[word]) return ORDINAL[word];
  if (word.endsWith('y')) return `${word.slice(0, -1)}ieth`;
  return `${word}th`;
}

function plural(word: string): string {
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : word.endsWith('x') ? `${word}es` : `${word}s`;
}

/**
 * The spoken words of a number token ("14" → fourteen; "2024" → twenty twenty four; "7bn" → seven
 * billion; "2nd" → second; "1990s" → nineteen nineties), at most six; null when it is no number we
 * can read (a digit run too long, or letters that are not a known suffix).
 */
export function numberWords(norm: string): string[] | null {
  const m = NUMBER.exec(norm);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n)) return null;
  const words = cardinal(n);
  const suffix = m[2]?.replace("'", '');
  const last = words.length - 1;
  if (suffix === 's') words[last] = plural(words[last] as string);
  else if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') words[last] = ordinal(words[last] as string);
  else if (suffix) words.push(SUFFIX_SCALE[suffix] as string);
  // The first and last words are what neighbours see; the middle of a long number matters little.
  return words.length > 6 ? [...words.slice(0, 3), ...words.slice(-3)] : words;
}

const CURRENCY: Record<string, string> = { $: 'dollars', '£': 'pounds', '€': 'euros' };

/**
 * The spoken words of number token i in its place: numberWords, plus what the punctuation around it
 * says aloud. "3%" is three percent, "$7bn" seven billion dollars, "2,858" two thousand eight hundred
 * fifty eight, "1.5" one point five.
 */
export function spokenNumber(
  text: string,
  tokens: readonly { start: number; end: number; norm: string; kind: string }[],
  i: number,
): string[] | null {
  const t = tokens[i];
  if (!t) return null;
  // Parts of one number: tokens joined by a single "." or "," between digits.
  const joined = (k: number) => {
    const a = tokens[k];
    const b = tokens[k + 1];
    return (
      !!a &&
      !!b &&
      a.kind === 'number' &&
      b.kind === 'number' &&
      b.start === a.end + 1 &&
      isDigit(text.charCodeAt(a.end - 1)) &&
      isDigit(text.charCodeAt(b.start))
    );
  };
  const sep = (k: number) => text[(tokens[k] as { end: number }).end];
  let words: string[] | null;
  if (i > 0 && joined(i - 1) && sep(i - 1) === '.') {
    // After a decimal point: digit by digit ("point two five"), then any scale ("5bn").
    const m = DECIMALS.exec(t.norm);
    if (!m) return null;
    words = ['point', ...[...(m[1] as string)].map((d) => ONES[Number(d)] as string)];
    if (m[2]) words.push(SUFFIX_SCALE[m[2]] as string);
  } else if (i > 0 && joined(i - 1) && sep(i - 1) === ',' && /^\d{3}$/.test(t.norm)) {
    // A group after a comma: "858" of "2,858"; "000" of "10,000" adds no word, so it repeats the scale
    // ("ten thousand" + "thousand"): what follows the number still reads it after "thousand".
    const n = Number(t.norm);
    const more = joined(i) && sep(i) === ',';
    words = n === 0 ? [] : belowThousand(n);
    if (more || words.length === 0) words.push('thousand');
  } else if (joined(i) && sep(i) === ',' && /^\d{3}(?!\d)/.test(tokens[i + 1]?.norm ?? '')) {
    // A thousands group: "2" of "2,858" is "two thousand", of "2,858,000" "two million".
    words = numberWords(t.norm);
    if (words) words.push(joined(i + 1) && sep(i + 1) === ',' ? 'million' : 'thousand');
  } else words = numberWords(t.norm);
  if (!words) return null;
  if (text[t.end] === '%') words.push('percent');
  // A currency sign before the number is said after its last part.
  if (!joined(i)) {
    let g = i;
    while (g > 0 && joined(g - 1)) g--;
    const currency = CURRENCY[text[(tokens[g] as { start: number }).start - 1] ?? ''];
    if (currency) words.push(currency);
  }
  return words.length > 7 ? [...words.slice(0, 3), ...words.slice(-4)] : words;
}
