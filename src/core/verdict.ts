/**
 * Document verdict: is this page spinner output? One odd word must not flag a clean page, so the
 * score pools evidence over the whole text: the density of confident restorations, plus tells
 * that clean news never shows (spintax braces, mangled agency names in credit lines).
 */
import type { Verdict } from './types';

export interface Evidence {
  /** Word tokens analysed. */
  words: number;
  /** log10 margins of the decoder's restorations. */
  margins: number[];
  spintax: number;
  mangledCredits: number;
}

/** A restoration counts as confident when the restored reading is this much likelier (log10). */
const CONFIDENT_MARGIN = 1;
/** Density of confident restorations (per word) at which the score is 0.5. */
const DENSITY_MIDPOINT = 0.03;
const DENSITY_SLOPE = 120;

export function verdictOf(e: Evidence, threshold: number): Verdict {
  const confident = e.margins.filter((m) => m >= CONFIDENT_MARGIN).length;
  const density = e.words > 0 ? confident / e.words : 0;
  // Short texts carry little evidence: shrink the density term towards "clean".
  const weight = Math.min(1, e.words / 60);
  const logit =
    weight * DENSITY_SLOPE * (density - DENSITY_MIDPOINT) +
    2.5 * Math.min(e.spintax, 2) +
    2 * Math.min(e.mangledCredits, 2) -
    (weight < 1 ? 2 * (1 - weight) : 0);
  const score = 1 / (1 + Math.exp(-logit));
  return { spun: score >= threshold, score: Math.round(score * 1000) / 1000 };
}
