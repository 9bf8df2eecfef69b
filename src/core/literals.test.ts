import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from './data/publishers.json';
import { anchorClause, LiteralScanner, requiredLiterals, satisfies } from './literals';
import { signalRequirements } from './source';

describe('requiredLiterals', () => {
  it('requires the literal text of a plain pattern, across word boundaries', () => {
    expect(requiredLiterals('\\btold CNBC\\b')).toEqual([['told CNBC']]);
  });

  it('requires each literal stretch separated by a class or a wildcard', () => {
    expect(requiredLiterals('\\(Reporting by [^)]{2,200}\\)')).toEqual([['(Reporting by '], [')']]);
  });

  it('expands small alternations and optional parts into alternative literals, keeping the shortest that others contain', () => {
    expect(requiredLiterals('\\b(?:a |according to a )?Reuters (?:tally|poll)\\b')).toEqual([['Reuters poll', 'Reuters tally']]);
    expect(requiredLiterals('\\btold (?:The|the) AP\\b')).toEqual([['told The AP', 'told the AP']]);
  });

  it('lets an alternation require one literal of each branch', () => {
    expect(requiredLiterals('(?:x[a-z]+ yes|no)')).toEqual([['no', ' yes']]);
  });

  it('requires nothing from a part that may be absent or empty', () => {
    expect(requiredLiterals('a*b?')).toEqual([]);
    expect(requiredLiterals('(?:abc)*\\d')).toEqual([]);
    expect(requiredLiterals('x|\\d+')).toEqual([]);
  });

  it('ignores lookarounds and anchors, which match no text', () => {
    expect(requiredLiterals('^told The Times\\b(?! of India)$', 'm')).toEqual([['told The Times']]);
  });

  it('gives up on what it cannot read safely: case-insensitive flags, backreferences, unknown escapes', () => {
    expect(requiredLiterals('told CNBC', 'i')).toBeNull();
    expect(requiredLiterals('(a)\\1')).toBeNull();
    expect(requiredLiterals('\\x41bc')).toBeNull();
    expect(requiredLiterals('\\p{L}', '')).toBeNull();
    expect(requiredLiterals('(?:a')).toBeNull();
  });

  it('keeps surrogate pairs whole only with the u flag', () => {
    expect(requiredLiterals('a😀?b', 'u')).toEqual([['ab', 'a😀b']]);
    // Without u the quantifier applies to the low surrogate alone.
    const req = requiredLiterals('a😀?b');
    expect(req && satisfies(req, 'a\uD83Db')).toBe(true);
  });

  // The soundness that lets source.ts skip a signal: every string the pattern matches contains
  // the literals. Word boundaries and lookarounds are dropped for the generator (it does not
  // support them), which only widens what is generated; \p{L} becomes a-z, which is slow to
  // generate and, being a class the derivation never enumerates, changes nothing it reads.
  it('holds for every publisher signal on strings generated from the signal', () => {
    const relax = (src: string) =>
      src
        .replace(/\\b/g, '')
        .replace(/\(\?<?[!=][^()]*\)/g, '')
        .replace(/\\p\{L\}/g, 'a-z');
    for (const { re, literals } of signalRequirements()) {
      if (!literals) continue;
      const gen = fc.stringMatching(new RegExp(relax(re.source), re.flags.replace('g', '')));
      fc.assert(
        fc.property(gen, (s) => satisfies([literals], s)),
        { numRuns: 40 },
      );
    }
  });

  it('matches the literals stored with every publisher signal (run scripts/data/build-signal-literals.mjs after editing one)', () => {
    for (const p of data.publishers) {
      for (const s of p.signals)
        expect({ re: s.re, literals: s.literals }).toEqual({
          re: s.re,
          literals: anchorClause(requiredLiterals(s.re, 'flags' in s ? s.flags : '') ?? []),
        });
    }
  });

  it('keeps the most distinctive clause as the anchor, then the one with fewest literals', () => {
    expect(anchorClause([[', '], [' '], [' (UPI) --']])).toEqual([' (UPI) --']);
    expect(
      anchorClause([
        ["CNBC's ", 'CNBC’s '],
        ['Last Call', 'Mad Money'],
      ]),
    ).toEqual(["CNBC's ", 'CNBC’s ']);
    expect(anchorClause([['in an interview with', 'speaking to'], [' CNBC']])).toEqual([' CNBC']);
    expect(anchorClause([])).toEqual([]);
  });

  it('finds a requirement for almost every publisher signal', () => {
    const all = signalRequirements();
    expect(all.filter((s) => s.literals !== null).length).toBeGreaterThan(all.length * 0.9);
  });
});

describe('LiteralScanner', () => {
  it('finds literals at the start, the end, overlapping and one inside another', () => {
    const lits = ['told CNBC', 'CNBC', 'CNBC’s Squawk', ' | ', 'z', 'told ', 'end.'];
    const found = new LiteralScanner(lits).scan('told CNBC’s Squawk Box | the end.');
    expect([...found]).toEqual([1, 1, 1, 1, 0, 1, 1]);
  });

  it('agrees with String.includes for any text and literals', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', 'A', '’', '😀', '\n');
    const str = (min: number, max: number) => fc.array(alphabet, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(str(1, 7), { minLength: 1, maxLength: 12 }), str(0, 60), (lits, text) => {
        const found = new LiteralScanner(lits).scan(text);
        expect([...found]).toEqual(lits.map((l) => (text.includes(l) ? 1 : 0)));
      }),
      { numRuns: 500 },
    );
  });
});
