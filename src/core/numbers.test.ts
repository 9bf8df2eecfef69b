import { describe, expect, it } from 'vitest';
import { numberWords, spokenNumber } from './numbers';
import { tokenize } from './tokenize';

describe('numberWords', () => {
  it('spells a number as the speech model read it', () => {
    expect(numberWords('14')).toEqual(['fourteen']);
    expect(numberWords('21')).toEqual(['twenty', 'one']);
    expect(numberWords('300')).toEqual(['three', 'hundred']);
    expect(numberWords('858')).toEqual(['eight', 'hundred', 'fifty', 'eight']);
    expect(numberWords('5000')).toEqual(['five', 'thousand']);
    expect(numberWords('0')).toEqual(['zero']);
  });

  it('reads four digits from 1100 to 2099 as a year', () => {
    expect(numberWords('2024')).toEqual(['twenty', 'twenty', 'four']);
    expect(numberWords('1961')).toEqual(['nineteen', 'sixty', 'one']);
    expect(numberWords('1900')).toEqual(['nineteen', 'hundred']);
    expect(numberWords('1905')).toEqual(['nineteen', 'oh', 'five']);
    expect(numberWords('2005')).toEqual(['two', 'thousand', 'five']);
  });

  it('reads scale, ordinal and plural suffixes', () => {
    expect(numberWords('7bn')).toEqual(['seven', 'billion']);
    expect(numberWords('20m')).toEqual(['twenty', 'million']);
    expect(numberWords('2nd')).toEqual(['second']);
    expect(numberWords('21st')).toEqual(['twenty', 'first']);
    expect(numberWords('20th')).toEqual(['twentieth']);
    expect(numberWords('1990s')).toEqual(['nineteen', 'nineties']);
    expect(numberWords("1000's")).toEqual(['one', 'thousands']);
  });

  it('keeps the first and last three words of a long number, and gives up on what it cannot read', () => {
    expect(numberWords('123456789')).toEqual(['one', 'hundred', 'twenty', 'hundred', 'eighty', 'nine']);
    expect(numberWords('10am')).toBeNull();
    expect(numberWords('1234567890123456')).toBeNull();
    expect(numberWords('abc')).toBeNull();
  });
});

describe('spokenNumber', () => {
  const spoken = (text: string) => {
    const tokens = tokenize(text);
    return tokens.flatMap((t, i) => (t.kind === 'number' ? [spokenNumber(text, tokens, i)?.join(' ')] : []));
  };

  it('says the signs around a number aloud', () => {
    expect(spoken('rose 3% on')).toEqual(['three percent']);
    expect(spoken('a $7bn loan')).toEqual(['seven billion dollars']);
    expect(spoken('£40 a month')).toEqual(['forty pounds']);
  });

  it('reads the parts of a number joined by a comma or a decimal point as one', () => {
    expect(spoken('$2,858 an ounce')).toEqual(['two thousand', 'eight hundred fifty eight dollars']);
    expect(spoken('10,000 people')).toEqual(['ten thousand', 'thousand']);
    expect(spoken('2,500,000 jobs')).toEqual(['two million', 'five hundred thousand', 'thousand']);
    expect(spoken('up 1.25% and $2.5bn')).toEqual(['one', 'point two five percent', 'two', 'point five billion dollars']);
  });

  it('leaves two numbers apart when a comma and a space part them', () => {
    expect(spoken('in 2024, 300 people')).toEqual(['twenty twenty four', 'three hundred']);
  });
});
