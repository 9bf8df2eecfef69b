/**
 * Spinners swap words and leave the punctuation as it was. A coordinating conjunction takes no
 * comma right after it ("But the rates…", "…, but the rates…"), while "However," or "Still," do: a
 * word with a comma right after it was written before that comma, so it is no spun "but". On the
 * synthetic and dev sets 1 spun "However" in 93 had a comma after it, and every "however," the decoder
 * restored to "but" (23, at a sentence's start or inside one) was the writer's own.
 */
import type { Token } from './tokenize';

const CONJUNCTIONS = new Set(['and', 'but', 'or', 'nor', 'yet', 'so']);

/** The restorations without those that would put a comma right after a conjunction. */
export function withoutCommaConjunctions<R extends { first: number; last: number; original: string }>(
  text: string,
  tokens: readonly Token[],
  restorations: readonly R[],
): R[] {
  return restorations.filter((r) => !(CONJUNCTIONS.has(r.original) && text.charCodeAt((tokens[r.last] as Token).end) === COMMA));
}

const COMMA = 44;
