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

  it('leaves prose alone', () => {
    expect(found('Shares rose 3% at 10 a.m. in New York; AT&T and the No. 1 bank fell.')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});
