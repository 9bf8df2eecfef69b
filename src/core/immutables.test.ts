import { describe, expect, it } from 'vitest';
import { distinctivePhrases, searchUrl } from './immutables';

const span = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe('distinctivePhrases', () => {
  const text =
    'The minister mentioned the plan on Monday. “We will build 40 new schools in Leeds and Bradford by 2030,” she said. ' +
    'Officials in Brussels confirmed the figures to Reuters on Tuesday evening.';

  it('prefers a quoted passage, rich in names and numbers, to other sentences', () => {
    expect(distinctivePhrases(text, [])[0]).toBe('We will build 40 new schools in Leeds and Bradford by 2030');
  });

  it('skips every stretch a spun span touches, by the offsets of the page text', () => {
    const phrases = distinctivePhrases(text, [span(text, 'schools'), span(text, 'mentioned')]);
    expect(phrases.some((p) => p.includes('schools') || p.includes('mentioned'))).toBe(false);
    expect(phrases[0]).toBe('Officials in Brussels confirmed the figures to Reuters on Tuesday evening.');
  });

  it('gives phrases an exact-phrase query can hold: no quotation marks around them, no straight double quote inside', () => {
    const quoted = '“We are looking forward to the talks with our American partners in Geneva next week. Nothing else matters';
    const inner = 'He called the deal "a historic step for the 27 members of the Union" on Friday in Brussels.';
    for (const p of [...distinctivePhrases(quoted, []), ...distinctivePhrases(inner, [])]) {
      expect(p).not.toMatch(/^[“‘"']|[”’"']$/);
      expect(p).not.toContain('"');
    }
    expect(distinctivePhrases(quoted, [])[0]).toBe('We are looking forward to the talks with our American partners in');
  });

  it('keeps the first twelve words of a long passage', () => {
    const long = `“${'word '.repeat(30).trim()} Paris”`;
    expect(distinctivePhrases(long, [])[0]?.split(' ')).toHaveLength(12);
  });
});

describe('searchUrl', () => {
  it('asks for the exact phrase on the publisher’s site', () => {
    const url = new URL(searchUrl('new schools in Leeds', 'bbc.co.uk'));
    expect(url.origin).toBe('https://duckduckgo.com');
    expect(url.searchParams.get('q')).toBe('"new schools in Leeds" site:bbc.co.uk');
    expect(new URL(searchUrl('new schools', null)).searchParams.get('q')).toBe('"new schools"');
  });
});
