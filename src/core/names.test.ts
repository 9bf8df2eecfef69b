import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { realResources } from '../../test/helpers/resources';
import { analyze, DEFAULT_PARAMS } from './analyze';
import { type ChannelCandidate, type ChannelModel, channelFrom } from './channel';
import {
  decodeNames,
  gazetteerOf,
  isUnlikelyNameSwap,
  matchNames,
  nameKey,
  withNames,
  withoutNameSwaps,
  withoutShrunkNames,
} from './names';
import type { Resources } from './resources';
import { tokenize, withoutBlocked } from './tokenize';
import type { Span } from './types';

let res: Resources;
beforeAll(async () => {
  res = await realResources();
});

const bytes = (s: string) => new TextEncoder().encode(s);

/** The name restorations of `text` alone (no decoder spans). */
const restore = (text: string): Span[] => withNames(text, tokenize(text), [], res);

/** A channel model from a table of spun form → originals, every swap from the spinner table. */
function channelOf(table: Record<string, string[]>): ChannelModel {
  const keys = Object.keys(table);
  return channelFrom({
    maxSpunWords: 3,
    lookup: (spun) => table[spun]?.map((original): ChannelCandidate => ({ original, logProb: 0, source: 'spinner' })),
    isPrefix: (spun) => keys.some((k) => k.startsWith(`${spun} `)),
  });
}

describe('the names asset', () => {
  it('decodes one lowercase name per line after the magic line', () => {
    const g = decodeNames(bytes('UNM1\nsecretary general\nwhite house\n'));
    expect(g.size).toBe(2);
    expect(g.has('white house')).toBe(true);
    expect(g.isPrefix('white')).toBe(true);
    expect(g.isPrefix('white house')).toBe(false);
  });

  it('answers like sets of the names and their word prefixes, whatever the order of the asset', () => {
    const names = ['white house', 'white', 'white house press office', 'u.k.', 'whitehall', 'a b c', 'white-house'];
    const sorted = decodeNames(bytes(`UNM1\n${[...names].sort().join('\n')}\n`));
    const unsorted = decodeNames(bytes(`UNM1\n${names.join('\n')}\n`));
    const prefixes = new Set(
      names.flatMap((n) =>
        n
          .split(' ')
          .slice(1)
          .map((_w, i) =>
            n
              .split(' ')
              .slice(0, i + 1)
              .join(' '),
          ),
      ),
    );
    for (const q of [...names, ...prefixes, 'whit', 'white ', 'white house press', 'a', 'a b', 'b', 'zzz', '', 'u.k']) {
      for (const g of [sorted, unsorted]) {
        expect(g.has(q), q).toBe(names.includes(q));
        expect(g.isPrefix(q), q).toBe(prefixes.has(q));
      }
    }
    expect(sorted.size).toBe(names.length);
  });

  it('counts the names holding a word (once per name), also when asked before anything else', () => {
    const names = ['new york', 'new york new york', 'york', 'new', '', 'café society', 'a  b', ' lead'];
    const ascii = decodeNames(bytes(`UNM1\n${names.filter((n) => !n.includes('é')).join('\n')}`));
    const utf8 = decodeNames(bytes(`UNM1\n${names.join('\n')}\n`));
    expect(ascii.size).toBe(6);
    expect(utf8.size).toBe(7);
    const counts = { new: 3, york: 3, '': 2, a: 1, lead: 1, b: 1, caf: 0, zzz: 0 };
    for (const [q, n] of Object.entries(counts)) {
      expect(ascii.namesWith(q), q).toBe(n);
      expect(utf8.namesWith(q), q).toBe(n);
    }
    expect(utf8.namesWith('café')).toBe(1);
    expect(utf8.has('café society')).toBe(true);
    for (const g of [ascii, utf8]) {
      expect(g.has('new york new york')).toBe(true);
      expect(g.isPrefix('new york new')).toBe(true);
      expect(g.isPrefix('')).toBe(true);
      expect(g.isPrefix('a ')).toBe(true);
      expect(g.has('york new')).toBe(false);
    }
  });

  it('refuses bytes without the magic line', () => {
    expect(() => decodeNames(bytes('white house\n'))).toThrow(/magic/);
  });

  it('holds the institutions and titles of the issue, from WordNet and the news LM', () => {
    for (const name of [
      'White House',
      'Downing Street',
      'Secretary-General',
      'European Commission',
      'International Criminal Court',
      'U.K.',
    ])
      expect(res.names.has(nameKey(name)), name).toBe(true);
  });

  it('keys names by lowercase words, hyphens as spaces', () => {
    expect(nameKey('Secretary-General')).toBe('secretary general');
    expect(nameKey('Land’s  End')).toBe("land's end");
  });
});

describe('spun names on the page', () => {
  it.each([
    ['The Secretary-Basic spoke.', 'Secretary-Basic', 'Secretary-General'],
    ['A spokesman for the White Home declined.', 'White Home', 'White House'],
    ['Officials at Downing Road said so.', 'Downing Road', 'Downing Street'],
    ['The European Fee proposed it.', 'European Fee', 'European Commission'],
    ['The U.Ok. will leave.', 'U.Ok.', 'U.K.'],
    ['A case at the Worldwide Prison Courtroom opened.', 'Worldwide Prison Courtroom', 'International Criminal Court'],
  ])('restores %j as a name', (text, spun, original) => {
    const spans = restore(text);
    expect(spans.map((s) => [s.text, s.restored])).toEqual([[spun, original]]);
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toBe(spun);
  });

  it('marks a multiword restoration as a phrase and a one-word one as a synonym', () => {
    expect(restore('The European Fee proposed it.')[0]?.kind).toBe('phrase');
    expect(restore('The U.Ok. will leave.')[0]?.kind).toBe('synonym');
  });

  it('leaves a name that is already right alone', () => {
    expect(restore('The White House and the European Commission met at Downing Street.')).toEqual([]);
  });

  it('leaves another spelling of a name alone (a British "Labour Day" is no spun "Labor Day")', () => {
    expect(restore('Shops were closed on Labour Day and the Labor Party met.')).toEqual([]);
  });

  it('needs the words capitalised', () => {
    expect(restore('the white home of the family')).toEqual([]);
  });

  it('does not join words across a sentence end or a comma', () => {
    expect(restore('He went home. White. Home was far.')).toEqual([]);
    expect(restore('It was White, Home and Garden.')).toEqual([]);
  });

  it('does not read a name inside a longer capitalised run that starts with a dictionary word', () => {
    const g = gazetteerOf(['National Park']);
    const channel = channelOf({ library: ['park'], big: ['large'] });
    const lm = res.lm;
    expect(matchNames(tokenize('We went to the Big National Library today.'), { channel, lm }, g)).toEqual([]);
    expect(matchNames(tokenize('We went to the National Library today.'), { channel, lm }, g).map((m) => m.name)).toEqual([
      'national park',
    ]);
  });

  it('never reads credit lines or spintax that the engine blocked', () => {
    const text = 'Photo: White Home archive';
    expect(withNames(text, withoutBlocked(tokenize(text), [{ start: 0, end: text.length }]), [], res)).toEqual([]);
  });

  it('lets a name win over decoder spans inside it, and keeps the others', () => {
    const text = 'The White Home mentioned it.';
    const decoder: Span[] = [
      { start: 10, end: 14, text: 'Home', restored: 'Household', alternatives: [], confidence: 0.6, kind: 'synonym' },
      { start: 15, end: 24, text: 'mentioned', restored: 'said', alternatives: [], confidence: 0.9, kind: 'synonym' },
    ];
    const out = withNames(text, tokenize(text), decoder, res).sort((a, b) => a.start - b.start);
    expect(out.map((s) => s.restored)).toEqual(['White House', 'said']);
  });
});

describe('names in the engine', () => {
  const spun =
    'Officers on the White Home mentioned on Tuesday that the European Fee had instructed reporters it could additionally ' +
    'ask the Worldwide Prison Courtroom to assessment the case, in response to a press release from Downing Road.';

  it('restores names on a page judged spun', () => {
    const a = analyze(spun, res);
    expect(a.verdict.spun).toBe(true);
    expect(a.restoredText).toContain('the White House');
    expect(a.restoredText).toContain('the European Commission');
    expect(a.restoredText).toContain('the International Criminal Court');
    expect(a.restoredText).toContain('Downing Street');
    for (const s of a.spans) expect(['synonym', 'phrase']).toContain(s.kind);
  });

  it('restores names the decoder alone gets wrong, and can be turned off', () => {
    const text =
      'Officers mentioned the pastors of the Assemblies of Idol additionally met cadets of the Air Power Academy, ' +
      'in response to a press release.';
    const on = analyze(text, res);
    expect(on.restoredText).toContain('the Assemblies of God');
    expect(on.restoredText).toContain('the Air Force Academy');
    const off = analyze(text, res, {}, { ...DEFAULT_PARAMS, names: null });
    // The decoder alone leaves "Air Power" (with the data of session 8; before it, "Assemblies" had been
    // its miss, and which of the two it misses moves with the data).
    expect(off.restoredText).not.toContain('the Air Force Academy');
  });

  it('never rewrites a clean page, even where a real name looks like a spun one', () => {
    const clean =
      'The new White Home store on Main Street opened on Saturday. Its owner said the shop sells furniture, lamps and ' +
      'rugs made by local craftspeople, and that the name was chosen by her daughter when she was seven years old.';
    const a = analyze(clean, res);
    expect(a.verdict.spun).toBe(false);
    expect(a.spans).toEqual([]);
    expect(a.restoredText).toBe(clean);
  });
});

describe('capitalised words restored to words no name contains', () => {
  // "court" is in three names here, "best" in one.
  const g = gazetteerOf(['Supreme Court', 'Court of Appeals', 'Margaret Court', 'Sunday best']);
  const unlikely = (text: string, word: string, original: string) => {
    const tokens = tokenize(text);
    return isUnlikelyNameSwap(
      text,
      tokens,
      tokens.findIndex((t) => t.text === word),
      original,
      g,
    );
  };

  it('are names when the word stands alone in mid-sentence', () => {
    expect(unlikely('Talks went on after Trump arrived.', 'Trump', 'best')).toBe(true);
    expect(unlikely('Talks went on, Trump said.', 'Trump', 'best')).toBe(true);
  });

  it('are left to the decoder at a sentence start, after an opening quote, or for all capitals', () => {
    expect(unlikely('Talks went on. Trump arrived.', 'Trump', 'best')).toBe(false);
    expect(unlikely('Talks went on\nTrump arrived.', 'Trump', 'best')).toBe(false);
    expect(unlikely('He said: "Trump arrived."', 'Trump', 'best')).toBe(false);
    expect(unlikely('Talks went on after TRUMP arrived.', 'TRUMP', 'best')).toBe(false);
  });

  it('are left to the decoder inside a capitalised stretch or when the original is a word of names', () => {
    expect(unlikely('Talks went on after President Trump arrived.', 'Trump', 'best')).toBe(false);
    expect(unlikely('Talks went on after Trump Tower opened.', 'Trump', 'best')).toBe(false);
    expect(unlikely('The case went to the Courtroom today.', 'Courtroom', 'court')).toBe(false);
  });

  it('are dropped at every occurrence once one occurrence shows the word is a name', () => {
    const text = 'Trump arrived. Talks went on after Trump spoke, and Trump left.';
    const tokens = tokenize(text);
    const at = tokens.flatMap((t, i) => (t.text === 'Trump' ? [i] : []));
    const restorations = [
      ...at.map((i) => ({ first: i, last: i, original: 'best', source: 'wordnet' })),
      { first: 1, last: 1, original: 'came', source: 'wordnet' },
    ];
    expect(withoutNameSwaps(text, tokens, restorations, g)).toEqual([{ first: 1, last: 1, original: 'came', source: 'wordnet' }]);
    // The spinner table's own swaps are kept.
    const table = at.map((i) => ({ first: i, last: i, original: 'best', source: 'spinner' }));
    expect(withoutNameSwaps(text, tokens, table, g)).toEqual(table);
  });

  it('are dropped at a sentence start when the page leaves the same capitalised word alone in mid-sentence', () => {
    const text = 'Talks began after Donald Trump arrived. Trump later agreed. Dishes were washed.';
    const tokens = tokenize(text);
    const at = (w: string) => tokens.findIndex((t) => t.text === w);
    const initial = tokens.findLastIndex((t) => t.text === 'Trump');
    const start = { first: initial, last: initial, original: 'best', source: 'wordnet' };
    const dishes = { first: at('Dishes'), last: at('Dishes'), original: 'plates', source: 'wordnet' };
    expect(withoutNameSwaps(text, tokens, [start, dishes], g)).toEqual([dishes]);
    // Restored in mid-sentence too, the word is not one the page uses as a name.
    const mid = { first: at('Trump'), last: at('Trump'), original: 'best', source: 'wordnet' };
    expect(withoutNameSwaps(text, tokens, [mid, start], g).map((r) => r.first)).toContain(initial);
  });

  it('never shrink a name of several capitalised words into a shorter phrase, unless the spinner table says so', () => {
    const text = 'They played on Margaret Court Arena, and the chief executive left early.';
    const tokens = tokenize(text);
    const at = (w: string) => tokens.findIndex((t) => t.text === w);
    const court = { first: at('Margaret'), last: at('Court'), original: 'court', source: 'wordnet' };
    const chief = { first: at('chief'), last: at('executive'), original: 'president', source: 'wordnet' };
    const windows = { first: at('Margaret'), last: at('Court'), original: 'windows', source: 'spinner' };
    expect(withoutShrunkNames(tokens, [court, chief, windows])).toEqual([chief, windows]);
  });

  it('keep a person named by a dictionary word out of the restorations of a spun page', () => {
    const spun =
      'Trump mentioned on Tuesday that the talks had been constructive. Officers instructed reporters that Trump ' +
      'additionally needed extra time earlier than the summit, in response to a press release, and Trump later ' +
      'mentioned he was assured of a deal.';
    const a = analyze(spun, res);
    expect(a.verdict.spun).toBe(true);
    expect(a.restoredText).toContain('said');
    expect(a.spans.filter((s) => s.text === 'Trump')).toEqual([]);
  });
});

describe('nameKey', () => {
  it('lowercases, folds curly apostrophes and turns hyphens and runs of white space into one space', () => {
    expect(nameKey('  Secretary-General ')).toBe('secretary general');
    expect(nameKey('O’Brien\u00A0 House')).toBe("o'brien house");
    expect(nameKey('white house')).toBe('white house');
  });

  it('gives what its regex definition gives, for any string', () => {
    const slow = (name: string) =>
      name
        .toLowerCase()
        .replace(/[’\u02BC]/g, "'")
        .replace(/[\s\-‐]+/g, ' ')
        .trim();
    const unit = fc.constantFrom(
      'a',
      'z',
      'A',
      'Z',
      ' ',
      '  ',
      '-',
      '‐',
      '\t',
      '\n',
      '\u00A0',
      '’',
      "'",
      '.',
      '{',
      '~',
      '\u007f',
      'é',
      'İ',
      '1',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(nameKey(s)).toBe(slow(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => nameKey(s) === slow(s)));
  });
});
