import { describe, expect, it } from 'vitest';
import { findLinks } from './links';

const found = (text: string) => findLinks(text).map((l) => text.slice(l.start, l.end));

describe('findLinks', () => {
  it('finds web addresses without the sentence’s closing punctuation', () => {
    expect(found('Read it at https://www.example.com/2025/03/stocks-rally-as-allies-debate.html. Then go.')).toEqual([
      'https://www.example.com/2025/03/stocks-rally-as-allies-debate.html',
    ]);
    expect(found('See www.example.org/news, or (http://a.example/b?c=d&e=f).')).toEqual([
      'www.example.org/news',
      'http://a.example/b?c=d&e=f',
    ]);
  });

  it('finds e-mail addresses, hashtags and handles', () => {
    expect(found('Write to tips@news-desk.example.org with #defense-stocks or @DefenseWatcher.')).toEqual([
      'tips@news-desk.example.org',
      '#defense-stocks',
      '@DefenseWatcher',
    ]);
  });

  it('reads an e-mail address only up to a letters-only domain end', () => {
    expect(found('Version v1@2.3 and x@y.z are not addresses; a@b.example.com is.')).toEqual(['a@b.example.com']);
  });

  it('gets through long runs that hold no address (each run is read from its start only)', () => {
    // Matched from every position (as a first version did), these took minutes and held up the suite.
    for (const s of ['x'.repeat(200_000), 'a@' + 'b.'.repeat(100_000), '.%+-'.repeat(50_000) + '@', 'x@y'.repeat(60_000)])
      expect(findLinks(s)).toEqual([]);
  });

  it('takes a handle or fragment inside a web address as part of the address', () => {
    expect(found('See https://medium.example/@writer/post#part-2 today.')).toEqual(['https://medium.example/@writer/post#part-2']);
  });

  it('leaves prose alone', () => {
    expect(found('Shares rose 3% at 10 a.m. in New York; AT&T and the No. 1 bank fell.')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});
