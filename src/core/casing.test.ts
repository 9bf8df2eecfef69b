import { describe, expect, it } from 'vitest';
import { applyCase, casePattern } from './casing';

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
