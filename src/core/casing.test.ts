import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCase, casePattern, SMALL_WORDS } from './casing';

describe('applyCase', () => {
  it('keeps lowercase restorations lowercase', () => {
    expect(applyCase('mentioned', 'said')).toBe('said');
  });
  it('capitalises the first word after a capitalised spun word', () => {
    expect(applyCase('Earlier than', 'before')).toBe('Before');
  });
  it('title-cases every word of a restored name when the whole spun name was capitalised', () => {
    expect(applyCase('Downing Road', 'downing street')).toBe('Downing Street');
    expect(applyCase('White Home', 'white house')).toBe('White House');
  });
  it('title-cases a restored name whose spun name kept its small words in lowercase', () => {
    expect(applyCase('Name of Obligation', 'call of duty')).toBe('Call of Duty');
    expect(applyCase('Facilities for Illness Management and Prevention', 'centers for disease control and prevention')).toBe(
      'Centers for Disease Control and Prevention',
    );
    // not a name: a lowercase word that is no small word
    expect(applyCase('On the identical time', 'at the same time')).toBe('At the same time');
  });
  it('writes a word the restoration shares with the page, in the same place, as the page does', () => {
    expect(applyCase('Tim Cook dinner', 'tim cook')).toBe('Tim Cook');
    expect(applyCase('iPhone gross sales', 'iphone sales')).toBe('iPhone sales');
    expect(applyCase('the corporate', 'the company')).toBe('the company');
  });
  it('writes restored abbreviations in capitals', () => {
    expect(applyCase('U.Ok.', 'u.k.')).toBe('U.K.');
  });
  it('restores shouting as shouting', () => {
    expect(applyCase('STRUGGLE', 'war')).toBe('WAR');
  });
  it('recognises patterns', () => {
    expect(casePattern('NATO')).toBe('upper');
    expect(casePattern('Struggle')).toBe('title');
    expect(casePattern('iPhone')).toBe('mixed');
  });
});

/** The regex definitions the code-unit versions follow. */
function referencePattern(word: string): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return 'lower';
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const first = letters[0] ?? '';
  if (first === first.toUpperCase() && letters.slice(1) === letters.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

function referenceApplyCase(model: string, restored: string): string {
  const modelWords = model.split(/[\s-]+/).filter(Boolean);
  let i = 0;
  return referenceByPatterns(model, restored).replace(/[^\s-]+/gu, (w) => {
    const m = modelWords[i++];
    return m !== undefined && m.toLowerCase() === w.toLowerCase() ? m : w;
  });
}

function referenceByPatterns(model: string, restored: string): string {
  if (/^(?:\p{L}{1,3}\.){2,}$/u.test(restored) && /^\p{Lu}/u.test(model)) return restored.toUpperCase();
  const patterns = model
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(referencePattern);
  if (patterns.length > 0 && patterns.every((p) => p === 'upper')) return restored.toUpperCase();
  if (patterns.length > 1 && patterns.every((p) => p === 'title' || p === 'upper')) {
    return restored.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  }
  const words = model.split(/[\s-]+/).filter(Boolean);
  const small = (w: string, i: number) => i > 0 && SMALL_WORDS.has(w);
  const capital = (p: string | undefined) => p === 'title' || p === 'upper';
  if (words.length > 2 && words.some(small) && words.every((w, i) => (small(w, i) ? patterns[i] === 'lower' : capital(patterns[i])))) {
    let seen = 0;
    return restored
      .split(/([\s-]+)/u)
      .map((part) => {
        if (part === '' || /^[\s-]+$/u.test(part)) return part;
        seen++;
        if (seen > 1 && SMALL_WORDS.has(part)) return part;
        return part.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      })
      .join('');
  }
  if (patterns[0] === 'title' || patterns[0] === 'upper' || patterns[0] === 'mixed')
    return restored.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return restored;
}

describe('casing, against its regex definition', () => {
  const unit = fc.constantFrom('a', 'b', 'A', 'B', ' ', '-', '.', "'", '1', 'é', 'É', 'ß', 'İ', 'ǅ', '\u00A0', '😀');
  const str = fc.array(unit, { maxLength: 10 }).map((a) => a.join(''));

  it('reads the same pattern from any word', () => {
    fc.assert(
      fc.property(str, (w) => {
        expect(casePattern(w)).toBe(referencePattern(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('cases names with small words inside them the same way (models made of words, not letters)', () => {
    const word = fc.constantFrom('Name', 'of', 'the', 'and', 'A', 'a', 'an', 'Big', 'big', 'BIG', 'Éclair', 'x', 'For');
    const phrase = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '-', '  ')), { minLength: 1, maxLength: 6 })
      .map((ws) => ws.map(([w, sep], i) => (i === 0 ? w : sep + w)).join(''));
    fc.assert(
      fc.property(phrase, phrase, (model, restored) => {
        expect(applyCase(model, restored.toLowerCase())).toBe(referenceApplyCase(model, restored.toLowerCase()));
      }),
      { numRuns: 3000 },
    );
  });

  it('cases any restoration by any model the same way, also for several restorations of one model in a row', () => {
    fc.assert(
      fc.property(str, fc.array(str, { minLength: 1, maxLength: 4 }), (model, restored) => {
        for (const r of restored) expect(applyCase(model, r)).toBe(referenceApplyCase(model, r));
      }),
      { numRuns: 3000 },
    );
  });
});
