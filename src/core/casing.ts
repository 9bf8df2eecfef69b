/** Carry the capitalisation of the page's wording over to a restored word or phrase. */
export type CasePattern = 'lower' | 'title' | 'upper' | 'mixed';

export function casePattern(word: string): CasePattern {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return 'lower';
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const first = letters[0] ?? '';
  if (first === first.toUpperCase() && letters.slice(1) === letters.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

/**
 * Apply the case of `model` (the spun text, possibly several words) to `restored` (lowercase).
 * A title-cased phrase ("Downing Road") restores title-cased word by word when every word of the
 * model was capitalised; otherwise only the first letter follows the model ("Earlier than" → "Before").
 */
export function applyCase(model: string, restored: string): string {
  // Abbreviations are written in capitals: "U.Ok." restores to "U.K.", not "U.k.".
  if (/^(?:\p{L}{1,3}\.){2,}$/u.test(restored) && /^\p{Lu}/u.test(model)) return restored.toUpperCase();
  const words = model.split(/[\s-]+/).filter(Boolean);
  const patterns = words.map(casePattern);
  if (patterns.length > 0 && patterns.every((p) => p === 'upper')) return restored.toUpperCase();
  if (patterns.length > 1 && patterns.every((p) => p === 'title' || p === 'upper')) {
    return restored.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  }
  if (patterns[0] === 'title' || patterns[0] === 'upper' || patterns[0] === 'mixed') {
    return restored.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  }
  return restored;
}
