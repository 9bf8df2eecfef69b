import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { realResources } from '../../test/helpers/resources';
import { analyze, applySpans } from './analyze';
import type { Resources } from './resources';

const seed = readFileSync(new URL('../../demo/seed-article.txt', import.meta.url), 'utf8');
let res: Resources;
beforeAll(async () => {
  res = await realResources();
});

describe('analyze on the seed repost', () => {
  it('calls the seed article spun', () => {
    expect(analyze(seed, res).verdict.spun).toBe(true);
  });

  it('restores "mentioned" to "said"', () => {
    const a = analyze(seed, res);
    expect(a.spans.some((s) => s.text === 'mentioned' && s.restored === 'said')).toBe(true);
  });

  it('restores spun wording inside curly quotes', () => {
    const a = analyze(seed, res);
    const inQuotes = a.spans.find((s) => s.text === 'widespread sense');
    expect(inQuotes?.restored).toBe('common sense');
    expect(seed.slice((inQuotes?.start ?? 0) - 1, inQuotes?.start)).toBe('“');
  });

  it('keeps the capitalisation of the page’s wording', () => {
    const a = analyze(seed, res);
    expect(a.spans.find((s) => s.text === 'Struggle')?.restored).toBe('War');
    expect(a.spans.find((s) => s.text === 'White Home')?.restored).toBe('White House');
  });

  it('repairs the mangled Getty credit lines', () => {
    const a = analyze(seed, res);
    const getty = a.credits.find((c) => c.text === 'Chris McGrath | Getty Photos Information | Getty Photos');
    expect(getty?.restored).toBe('Chris McGrath | Getty Images News | Getty Images');
    expect(getty?.photographer).toBe('Chris McGrath');
    expect(getty?.mangled).toBe(true);
  });

  it('names CNBC as the likely source, with evidence', () => {
    const a = analyze(seed, res);
    expect(a.source.publisher).toBe('CNBC');
    expect(a.source.domain).toBe('cnbc.com');
    expect(a.source.evidence.join(' ')).toMatch(/told CNBC/);
  });

  it('returns sorted, disjoint spans whose text matches the input, and a restoredText built from them', () => {
    const a = analyze(seed, res);
    let last = 0;
    for (const s of a.spans) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(seed.slice(s.start, s.end)).toBe(s.text);
      last = s.end;
    }
    expect(a.restoredText).toBe(applySpans(seed, a.spans));
  });
});

describe('analyze on clean text', () => {
  const clean =
    'The central bank said on Tuesday that it would keep interest rates unchanged, citing slowing inflation and a weaker labour market. ' +
    'Officials told reporters that they expected growth to pick up later in the year as energy prices fell. ' +
    'Shares in European banks rose after the announcement, while the euro was little changed against the dollar.';

  it('does not call a clean news paragraph spun and leaves it untouched', () => {
    const a = analyze(clean, res);
    expect(a.verdict.spun).toBe(false);
    expect(a.restoredText).toBe(clean);
  });

  it('does not name a publisher for text without any sign of one', () => {
    expect(analyze('Heat the oven to 200C. Roast the potatoes for 40 minutes, turning once.', res).source.publisher).toBeNull();
  });

  it('handles empty input', () => {
    const a = analyze('', res);
    expect(a.spans).toEqual([]);
    expect(a.restoredText).toBe('');
    expect(a.verdict.spun).toBe(false);
  });

  it('never throws and keeps offsets in bounds for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const a = analyze(s, res);
        for (const sp of a.spans) {
          expect(sp.start).toBeGreaterThanOrEqual(0);
          expect(sp.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(sp.start, sp.end)).toBe(sp.text);
        }
        expect(a.restoredText).toBe(applySpans(s, a.spans));
      }),
      { numRuns: 200 },
    );
  });
});
