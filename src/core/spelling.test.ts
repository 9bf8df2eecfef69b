import { describe, expect, it } from 'vitest';
import { isSpellingVariant } from './spelling';

describe('isSpellingVariant', () => {
  it.each([
    ['stabilise', 'stabilize'],
    ['stabilising', 'stabilizing'],
    ['immunisation', 'immunization'],
    ['organisations', 'organizations'],
    ['analyse', 'analyze'],
    ['colour', 'color'],
    ['favourite', 'favorite'],
    ['neighbouring', 'neighboring'],
    ['practise', 'practice'],
    ['modelling', 'modeling'],
    ['centre', 'center'],
    ['fibre', 'fiber'],
    ['defence', 'defense'],
    ['offences', 'offenses'],
    ['programme', 'program'],
    ['travelled', 'traveled'],
    ['counsellor', 'counselor'],
    ['catalogue', 'catalog'],
    ['judgement', 'judgment'],
    ['health care', 'healthcare'],
    ['e-mail', 'email'],
  ])('takes %s and %s for one word', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(true);
    expect(isSpellingVariant(b, a)).toBe(true);
  });

  it.each([
    ['four', 'for'],
    ['filled', 'filed'],
    ['hour', 'hor'],
    ['rise', 'rize'],
    ['fence', 'fense'],
    ['crimes', 'offences'],
    ['stabilise', 'steady'],
    ['program', 'program'],
    ['lapse', 'laps'],
    ['colour', 'colors'],
  ])('does not take %s and %s for spellings of one word', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(false);
  });

  it('finds the one difference inside a phrase', () => {
    expect(isSpellingVariant('labour party', 'labor party')).toBe(true);
    expect(isSpellingVariant('labour party centre', 'labor party center')).toBe(false);
  });
});
