import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, tokenize } from './tokenize';

describe('tokenize', () => {
  it('keeps exact UTF-16 offsets for every token', () => {
    const text = 'Trump “mentioned” 1000’s of 😀 troopers, didn’t he?';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps curly and straight apostrophes inside words and folds them in the key', () => {
    const tokens = tokenize("tens of 1000’s and didn't");
    expect(tokens.map((t) => t.norm)).toEqual(['tens', 'of', "1000's", 'and', "didn't"]);
    expect(tokens[2]?.kind).toBe('number');
  });

  it('keeps abbreviations with inner periods as one token', () => {
    expect(tokenize('the U.S. and the U.Ok. agreed').map((t) => t.text)).toEqual(['the', 'U.S.', 'and', 'the', 'U.Ok.', 'agreed']);
  });

  it('marks hyphenated compounds, punctuation and sentence ends between tokens', () => {
    const tokens = tokenize('NATO Secretary-Basic Mark, said. Then\nNext');
    expect(tokens.map((t) => t.gap)).toEqual(['sentence', 'space', 'hyphen', 'space', 'punct', 'sentence', 'sentence']);
  });

  it('lowercases keys and folds typographic apostrophes', () => {
    expect(normalize('Ukraine’s')).toBe("ukraine's");
  });

  it('never produces a token outside the text or out of order, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(t.start, t.end)).toBe(t.text);
          last = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
