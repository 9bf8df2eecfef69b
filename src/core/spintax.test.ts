import { describe, expect, it } from 'vitest';
import { findSpintax } from './spintax';

describe('findSpintax', () => {
  it('finds unrendered spinner templates and restores their first option', () => {
    const text = 'the distinct prospect {that a} warfare and {good|nice|fine} news';
    const hits = findSpintax(text);
    expect(hits.map((h) => [h.text, h.restored])).toEqual([
      ['{that a}', 'that a'],
      ['{good|nice|fine}', 'good'],
    ]);
    expect(hits[1]?.alternatives).toEqual(['nice', 'fine']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it('ignores braces that hold code or data rather than words', () => {
    expect(findSpintax('const x = {a: 1}; f({}); {"k": "v"}')).toEqual([]);
  });
});
