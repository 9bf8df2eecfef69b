import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Gap, normalize, type Token, tokenize } from './tokenize';

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

  it('ends no sentence at a decimal point', () => {
    const tokens = tokenize('Shares rose 1.5% to $2.5bn. Then');
    expect(tokens.map((t) => [t.text, t.gap])).toEqual([
      ['Shares', 'sentence'],
      ['rose', 'space'],
      ['1', 'space'],
      ['5', 'punct'],
      ['to', 'punct'],
      ['2', 'punct'],
      ['5bn', 'punct'],
      ['Then', 'sentence'],
    ]);
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

/** The regex tokenizer the scanner replaced: the reference for what a token and a gap are. */
function referenceTokenize(text: string, from = 0, to = text.length): Token[] {
  const re = /(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\u02BC][\p{L}\p{M}\p{N}]+)*/gu;
  const gapOf = (between: string, first: boolean, before: string, after: string): Gap => {
    if (first) return 'sentence';
    if (between === '-' || between === '‐') return 'hyphen';
    if (between === '.' && /\d$/.test(before) && /^\d/.test(after)) return 'punct';
    if (between === '' || /^[ \t\u00A0]+$/.test(between)) return 'space';
    if (/[.!?]["”’)\]]*\s*$|\n/.test(between)) return 'sentence';
    return 'punct';
  };
  const tokens: Token[] = [];
  re.lastIndex = from;
  let prevEnd = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const raw = m[0];
    tokens.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      norm: raw.toLowerCase().replace(/[’\u02BC]/g, "'"),
      kind: /^\p{N}/u.test(raw) ? 'number' : 'word',
      gap: gapOf(text.slice(prevEnd, m.index), tokens.length === 0, tokens.at(-1)?.text ?? '', raw),
    });
    prevEnd = m.index + raw.length;
  }
  return tokens;
}

describe('tokenize, against the regex it implements', () => {
  // Pieces that exercise every rule: abbreviations, apostrophes, hyphens, sentence ends with
  // closing quotes, Unicode letters, marks, numbers and spaces, surrogate pairs and lone halves.
  const piece = fc.constantFrom(
    'U.S.',
    'U.Ok.',
    'e.g.',
    'abcd.',
    'ab.',
    'A.B.C.D.',
    'x',
    'Word',
    'don’t',
    "it's",
    'Oʼ',
    "'",
    '’',
    '1000',
    '1.5',
    '2.',
    '.5',
    '½',
    'é',
    'e\u0301',
    '\u0301',
    'Ünïcödé',
    'ΣΑΣ',
    'İ',
    '東京',
    '𝐀𝐁',
    '😀',
    '\uD835',
    '\uDC00',
    ' ',
    '  ',
    '\t',
    '\u00A0',
    '\u2009',
    '\n',
    '-',
    '‐',
    '—',
    '.',
    '!',
    '?',
    ',',
    '"',
    '”',
    ')',
    ']',
    '(',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

  it('finds the same tokens, keys, kinds and gaps for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(tokenize(s)).toEqual(referenceTokenize(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same tokens when reading a stretch of the text, even one starting inside a surrogate pair', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const from = s.length === 0 ? 0 : a % (s.length + 1);
        const to = from + (s.length === 0 ? 0 : b % (s.length - from + 1));
        expect(tokenize(s, from, to)).toEqual(referenceTokenize(s, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on arbitrary strings too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(tokenize(s)).toEqual(referenceTokenize(s));
      }),
      { numRuns: 500 },
    );
  });
});
