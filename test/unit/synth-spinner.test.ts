import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the synthetic-set generator (scripts/synth), no types
import { makeRng } from '../../scripts/synth/rng.mjs';
// @ts-expect-error: as above
import { Spinner } from '../../scripts/synth/spinner.mjs';

/** How often each synonym of "big" is drawn in 4,000 draws. */
function draws(frequencyPreference: number): Record<string, number> {
  const counts: Record<string, number> = { large: 1000, huge: 30, great: 300 };
  const spinner = new Spinner(null, { dict: new Map(), maxLen: 0 }, { frequencyPreference, frequency: (w: string) => counts[w] ?? 0 });
  const candidate = { sets: [['large', 'huge'], ['great']], pos: 'a', form: '', stem: 'big', poss: '', lemma: 'big' };
  const rng = makeRng(7);
  const seen: Record<string, number> = {};
  for (let i = 0; i < 4000; i++) {
    const s = spinner.drawSynonym(rng, candidate) as string;
    seen[s] = (seen[s] ?? 0) + 1;
  }
  return seen;
}

describe('the synthetic spinner', () => {
  it('draws a random sense, then a random member of it, when it has no frequency preference', () => {
    const seen = draws(0);
    // great is a sense of its own (half the draws); large and huge share the other half
    expect(seen.great).toBeGreaterThan(1800);
    expect(seen.great).toBeLessThan(2200);
    expect(Math.abs((seen.large ?? 0) - (seen.huge ?? 0))).toBeLessThan(250);
  });

  it('draws commoner synonyms more often when it prefers them, as real spinners do', () => {
    const seen = draws(0.7);
    expect(seen.large).toBeGreaterThan(3 * (seen.huge ?? 0));
    expect(seen.large).toBeGreaterThan(seen.great ?? 0);
    expect(seen.huge ?? 0).toBeGreaterThan(0);
  });
});
