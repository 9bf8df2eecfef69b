import { describe, expect, it } from 'vitest';
import { withoutCommaConjunctions } from './punctuation';
import { tokenize } from './tokenize';

const at = (tokens: ReturnType<typeof tokenize>, word: string, original: string) => {
  const i = tokens.findIndex((t) => t.text === word);
  return { first: i, last: i, original };
};

describe('withoutCommaConjunctions', () => {
  it('keeps a sentence-opening “However,” from being restored to “But”', () => {
    const text = 'Rates fell. However, almost 60,000 patients waited.';
    const tokens = tokenize(text);
    expect(withoutCommaConjunctions(text, tokens, [at(tokens, 'However', 'but')])).toEqual([]);
  });

  it('still restores a spun “However” with no comma after it, and other originals before a comma', () => {
    const text = 'Rates fell. However the patients waited. Additionally, costs rose.';
    const tokens = tokenize(text);
    const restorations = [at(tokens, 'However', 'but'), at(tokens, 'Additionally', 'also')];
    expect(withoutCommaConjunctions(text, tokens, restorations)).toEqual(restorations);
  });

  it('applies inside a sentence too (“…, however, …”)', () => {
    const text = 'Rates fell, however, costs rose, however the board said no.';
    const tokens = tokenize(text);
    const second = tokens.findLastIndex((t) => t.text === 'however');
    const restorations = [at(tokens, 'however', 'but'), { first: second, last: second, original: 'but' }];
    expect(withoutCommaConjunctions(text, tokens, restorations)).toEqual([restorations[1]]);
  });
});
