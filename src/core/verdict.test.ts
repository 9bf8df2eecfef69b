import { describe, expect, it } from 'vitest';
import { type Evidence, verdictOf } from './verdict';

const THRESHOLD = 0.5;
/** A 400-word page whose detection pass found little: the density alone leaves it clean. */
const quiet: Evidence = { words: 400, margins: [1.5, 1.2, 2, 0.4], spintax: 0, mangledCredits: 0, rewordedCredits: 0 };

describe('verdictOf', () => {
  it('leaves a page with a few confident restorations and no tells clean', () => {
    expect(verdictOf(quiet, THRESHOLD).spun).toBe(false);
  });

  it('flags a page whose detection pass found restorations in one word of twelve', () => {
    const margins = Array.from({ length: 34 }, () => 1.5);
    expect(verdictOf({ ...quiet, margins }, THRESHOLD).spun).toBe(true);
  });

  it('counts a credit line with a mangled agency name as a spinner’s tell', () => {
    expect(verdictOf({ ...quiet, mangledCredits: 2 }, THRESHOLD).spun).toBe(true);
  });

  it('counts a credit line where only a connector or label was swapped as half that evidence', () => {
    const name = verdictOf({ ...quiet, mangledCredits: 1 }, THRESHOLD).score;
    const wording = verdictOf({ ...quiet, rewordedCredits: 1 }, THRESHOLD).score;
    expect(wording).toBeGreaterThan(verdictOf(quiet, THRESHOLD).score);
    expect(wording).toBeLessThan(name);
    // Two lines that read "through Getty Images" do not make a spun page of a quiet one: a round-trip
    // translation writes that too.
    expect(verdictOf({ ...quiet, rewordedCredits: 2 }, THRESHOLD).spun).toBe(false);
  });

  it('weighs two credit lines at most, whatever their kind', () => {
    const two = verdictOf({ ...quiet, mangledCredits: 2 }, THRESHOLD).score;
    expect(verdictOf({ ...quiet, mangledCredits: 5 }, THRESHOLD).score).toBe(two);
    expect(verdictOf({ ...quiet, mangledCredits: 2, rewordedCredits: 3 }, THRESHOLD).score).toBe(two);
    expect(verdictOf({ ...quiet, mangledCredits: 1, rewordedCredits: 3 }, THRESHOLD).score).toBeLessThan(two);
  });
});
