import { describe, expect, it } from 'vitest';
import { compareTexts } from './compare';
import type { Span } from './types';

const original = 'Trump said he told U.S. officials to start peace talks immediately, the White House said on Wednesday.';
const repost = 'Trump mentioned he instructed U.S. officers to start out peace talks instantly, the White Home mentioned on Wednesday.';

describe('compareTexts', () => {
  it('aligns a spun copy with its original and calls it a copy', () => {
    const c = compareTexts(repost, original);
    expect(c.verdict).toBe('copy');
    expect(c.similarity).toBeGreaterThan(0.5);
    expect(c.changes.map((x) => [x.repost?.text, x.original?.text])).toContainEqual(['mentioned', 'said']);
    expect(c.changes.map((x) => [x.repost?.text, x.original?.text])).toContainEqual(['out', undefined]);
  });

  it('gives offsets into each text', () => {
    for (const ch of compareTexts(repost, original).changes) {
      if (ch.repost) expect(repost.slice(ch.repost.start, ch.repost.end)).toBe(ch.repost.text);
      if (ch.original) expect(original.slice(ch.original.start, ch.original.end)).toBe(ch.original.text);
    }
  });

  it('counts the changes the engine found and restored exactly', () => {
    const at = repost.indexOf('instructed');
    const spans: Span[] = [
      { start: at, end: at + 10, text: 'instructed', restored: 'told', alternatives: [], confidence: 0.9, kind: 'synonym' },
    ];
    const c = compareTexts(repost, original, spans);
    expect(c.detectedChanges).toBe(1);
    expect(c.restoredChanges).toBe(1);
  });

  it('calls unrelated texts different', () => {
    expect(compareTexts('Heat the oven and roast the potatoes for forty minutes.', original).verdict).toBe('different');
  });

  it('treats identical texts as a perfect copy', () => {
    const c = compareTexts(original, original);
    expect(c.similarity).toBe(1);
    expect(c.changes).toEqual([]);
  });
});
