/**
 * Spinners swap words and leave the punctuation as it was. A coordinating conjunction takes no
 * comma after it at the start of a sentence ("But the rates…", not "But, the rates…"), while
 * "However," or "Still," do: a sentence's first word with a comma right after it was written before
 * that comma, so it is no spun "but". On the synthetic and dev sets 1 spun "However" in 93 had a comma
 * after it, and every "However," the decoder restored to "But" was the writer's own.
 */
import type { Token } from './tokenize';

const CONJUNCTIONS = new Set(['and', 'but', 'or', 'nor', 'yet', 'so']);

/** The restorations without those that would put a comma after a sentence-opening conjunction. */
export function withoutCommaConjunctions<R extends { first: number; last: number; original: string }>(
  text: string,
  tokens: readonly Token[],
  restorations: readonly R[],
): R[] {
  return restorations.filter((r) => {
    if (!CONJUNCTIONS.has(r.original)) return true;
    const opens = r.first === 0 || (tokens[r.first] as Token).gap === 'sentence';
    return !((opens && text.charCodeAt((tokens[r.last] as Token).end) === 44) /* , */);
  });
}
