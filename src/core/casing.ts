/** Carry the capitalisation of the page's wording over to a restored word or phrase. */
export type CasePattern = 'lower' | 'title' | 'upper' | 'mixed';

export function casePattern(word: string): CasePattern {
  // ASCII words (nearly all) are read from their code units; others through \p{L}.
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return casePatternOfLetters(word.replace(/[^\p{L}]/gu, ''));
    if (c >= 65 && c <= 90) {
      if (upper + lower === 0) firstUpper = true;
      upper++;
    } else if (c >= 97 && c <= 122) lower++;
  }
  if (upper === 0) return 'lower';
  if (lower === 0 && upper > 1) return 'upper';
  if (firstUpper && upper === 1) return 'title';
  return 'mixed';
}

function casePatternOfLetters(letters: string): CasePattern {
  if (letters === '') return 'lower';
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const first = letters[0] ?? '';
  if (first === first.toUpperCase() && letters.slice(1) === letters.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

const ABBREVIATION = /^(?:\p{L}{1,3}\.){2,}$/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** What applyCase reads from a model; the engine cases a restoration and its alternatives by one model in a row. */
interface ModelCase {
  model: string;
  words: string[];
  startsUpper: boolean;
  patterns: CasePattern[];
  /** A capitalised name with small words inside it ("Name of Obligation"). */
  nameWithSmallWords: boolean;
}
let lastModel: ModelCase = { model: '', words: [], startsUpper: false, patterns: [], nameWithSmallWords: false };

/** Words a title leaves in lowercase inside a name ("Centers for Disease Control and Prevention"). */
export const SMALL_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** A word that starts a name: capitalised or in capitals. */
const isCapital = (p: CasePattern | undefined) => p === 'title' || p === 'upper';

function modelCase(model: string): ModelCase {
  if (lastModel.model !== model) {
    const words = model.split(/[\s-]+/).filter(Boolean);
    const patterns = words.map(casePattern);
    lastModel = {
      model,
      words,
      startsUpper: STARTS_UPPER.test(model),
      patterns,
      nameWithSmallWords:
        words.length > 2 &&
        isCapital(patterns[0]) &&
        words.some((w, i) => i > 0 && SMALL_WORDS.has(w)) &&
        words.every((w, i) => (i > 0 && SMALL_WORDS.has(w) ? patterns[i] === 'lower' : isCapital(patterns[i]))),
    };
  }
  return lastModel;
}

const WORD = /[^\s-]+/gu;

/**
 * Apply the case of `model` (the spun text, possibly several words) to `restored` (lowercase).
 * A title-cased phrase ("Downing Road") restores title-cased word by word when every word of the
 * model was capitalised, or every word but small ones inside it ("Name of Obligation" → "Call of
 * Duty"); otherwise only the first letter follows the model ("Earlier than" → "Before").
 */
export function applyCase(model: string, restored: string): string {
  const mc = modelCase(model);
  // A word the restoration shares with the page, in the same place, stays as the page writes it: a name
  // cut short keeps its capitals ("Tim Cook dinner" → "Tim Cook"), a brand its own ("iPhone gross sales" → "iPhone sales").
  let i = 0;
  return caseByPatterns(mc, restored).replace(WORD, (w) => {
    const m = mc.words[i++];
    return m !== undefined && m !== w && m.toLowerCase() === w.toLowerCase() ? m : w;
  });
}

function caseByPatterns({ startsUpper, patterns, nameWithSmallWords }: ModelCase, restored: string): string {
  // Abbreviations are written in capitals: "U.Ok." restores to "U.K.", not "U.k.".
  if (startsUpper && ABBREVIATION.test(restored)) return restored.toUpperCase();
  if (patterns.length > 0 && patterns.every((p) => p === 'upper')) return restored.toUpperCase();
  if (patterns.length > 1 && patterns.every(isCapital)) {
    return restored.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  }
  if (nameWithSmallWords) {
    let first = true;
    return restored.replace(WORD, (word) => {
      const keep = !first && SMALL_WORDS.has(word);
      first = false;
      return keep ? word : word.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    });
  }
  if (patterns[0] === 'title' || patterns[0] === 'upper' || patterns[0] === 'mixed') {
    return restored.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  }
  return restored;
}
