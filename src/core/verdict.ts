/**
 * Document verdict: is this page spinner output? One odd word must not flag a clean page, so the
 * score pools evidence over the whole text: the density of confident restorations found by the
 * detection pass, plus tells that clean news never shows (spintax braces, mangled agency names in
 * credit lines).
 */
import type { Verdict } from './types';

export interface Evidence {
  /** Word tokens analysed. */
  words: number;
  /** log10 margins of the detection pass's restorations. */
  margins: number[];
  spintax: number;
  /** Credit lines with an agency or collection name mangled by a swap the channel knows (not by a guess: credits.ts). */
  mangledCredits: number;
  /**
   * Credit lines where such a swap turned only a label or connector ("through Getty Images"): half the
   * evidence, as a round-trip translation writes those too.
   */
  rewordedCredits: number;
}

export interface VerdictParams {
  /** A restoration counts as confident when the restored reading is this much likelier (log10). */
  confidentMargin: number;
  /** Density of confident restorations per word at which the score is 0.5. */
  midpoint: number;
  /** Logit change per unit of density. */
  slope: number;
}

export const DEFAULT_VERDICT: VerdictParams = { confidentMargin: 1, midpoint: 0.036, slope: 120 };

/** Confident restorations per word: the page's evidence of spinning, and its spin-rate estimate. */
export function confidentDensity(words: number, margins: readonly number[], p: VerdictParams = DEFAULT_VERDICT): number {
  return words > 0 ? margins.filter((m) => m >= p.confidentMargin).length / words : 0;
}

export function verdictOf(e: Evidence, threshold: number, p: VerdictParams = DEFAULT_VERDICT): Verdict {
  const density = confidentDensity(e.words, e.margins, p);
  // Short texts carry little evidence: shrink the density term towards "clean".
  const weight = Math.min(1, e.words / 60);
  const logit = weight * p.slope * (density - p.midpoint) + 2.5 * Math.min(e.spintax, 2) + creditEvidence(e) - 2 * (1 - weight);
  const score = 1 / (1 + Math.exp(-logit));
  return { spun: score >= threshold, score: Math.round(score * 1000) / 1000 };
}

/** Logit from credit lines: 2 for each mangled name, 1 for each line only reworded, two lines at most. */
function creditEvidence(e: Evidence): number {
  const names = Math.min(e.mangledCredits, 2);
  return 2 * names + Math.min(e.rewordedCredits, 2 - names);
}
