import { describe, expect, it } from 'vitest';
import { americanSpellings, isAmericanSpelling, isSpellingVariant } from './spelling';

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
    ['fulfil', 'fulfill'],
    ['skilful', 'skillful'],
    ['enrolment', 'enrollment'],
    ['ageing', 'aging'],
    ['sceptical', 'skeptical'],
    ['paediatric', 'pediatric'],
    ['haemorrhage', 'hemorrhage'],
    ['tyres', 'tires'],
    ['aluminium', 'aluminum'],
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
    ['poet', 'pet'],
    ['startled', 'started'],
    ['prey', 'pray'],
    ['scull', 'skull'],
    ['pouring', 'poring'],
    ['stadium', 'stadum'],
  ])('does not take %s and %s for spellings of one word', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(false);
  });

  it('finds the one difference inside a phrase', () => {
    expect(isSpellingVariant('labour party', 'labor party')).toBe(true);
    expect(isSpellingVariant('labour party centre', 'labor party center')).toBe(false);
  });
});

describe('americanSpellings', () => {
  it('gives the American spelling of a British one, one alternation apart', () => {
    expect(americanSpellings('realised')).toEqual(['realized']);
    expect(americanSpellings('offences')).toEqual(['offenses']);
    expect(americanSpellings('travelled')).toEqual(['traveled']);
    expect(americanSpellings('colour')).toEqual(['color']);
    expect(americanSpellings('centre')).toEqual(['center']);
    expect(americanSpellings('organisation')).toEqual(['organization']);
    expect(americanSpellings('fulfilment')).toEqual(['fulfillment']);
    expect(americanSpellings('skilfully')).toEqual(['skillfully']);
    expect(americanSpellings('ageing')).toEqual(['aging']);
    expect(americanSpellings('sceptics')).toEqual(['skeptics']);
    expect(americanSpellings('anaesthetic')).toEqual(['anesthetic']);
    expect(americanSpellings('tyre')).toEqual(['tire']);
    expect(americanSpellings('aluminium')).toEqual(['aluminum']);
  });

  it('leaves alone the words that only look like it', () => {
    for (const w of [
      'business',
      'four',
      'hour',
      'since',
      'fence',
      'filled',
      'wise',
      'rise',
      'tour',
      'realize',
      'oil',
      'seeing',
      'stadium',
      'tyrant',
    ])
      expect(americanSpellings(w)).toEqual([]);
  });

  it('gives only pairs isSpellingVariant accepts', () => {
    for (const w of [
      'analysed',
      'neighbours',
      'licence',
      'modelling',
      'theatres',
      'counsellor',
      'fulfils',
      'whingeing',
      'leukaemia',
      'tyres',
      'until',
    ])
      for (const v of americanSpellings(w)) expect(isSpellingVariant(w, v)).toBe(true);
  });
});

describe('isAmericanSpelling', () => {
  it('knows the spellings only American writers use', () => {
    for (const w of [
      'organize',
      'realized',
      'organizations',
      'color',
      'favorite',
      'neighborhood',
      'center',
      'theaters',
      'defense',
      'traveled',
      'modeling',
    ])
      expect(isAmericanSpelling(w)).toBe(true);
  });

  it('says nothing of British or shared spellings', () => {
    for (const w of ['organise', 'colour', 'centre', 'defence', 'travelled', 'prize', 'size', 'seize', 'later', 'water', 'meter'])
      expect(isAmericanSpelling(w)).toBe(false);
  });
});
