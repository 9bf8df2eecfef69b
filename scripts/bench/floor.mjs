#!/usr/bin/env node
// The least work any detector does that weighs a word's synonyms in context: tokenize the text, look
// every word up in the language model and in the channel, and score each candidate original against the
// page's neighbours with two bigram look-ups (what the lattice's pre-score asks before any search). No
// decision, no restoration, no names, credits or source. `npm run bench` times it beside the engine, so
// the ratio targets can be read against what such an engine cannot avoid (docs/performance.md).
//
//   node scripts/bench/floor.mjs [words]     the pass alone, against the tokenizer, on the bench's spun text

/**
 * @param {string} text
 * @param {(text: string) => { kind: string, norm: string }[]} tokenize
 * @param {{ lm: { id(w: string): number, bigram(prev: number, id: number): number }, channel: { lookup(k: string): { originalId?: number }[] | undefined } }} models
 * @returns {number} a sum of the scores, so that nothing is optimised away
 */
export function inContextFloor(text, tokenize, { lm, channel }) {
  const words = tokenize(text).filter((t) => t.kind === 'word');
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) ids[i] = lm.id(words[i].norm);
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const candidates = channel.lookup(words[i].norm);
    if (!candidates) continue;
    const left = i > 0 ? ids[i - 1] : -1;
    const right = i + 1 < ids.length ? ids[i + 1] : -1;
    for (const c of candidates) {
      const o = c.originalId ?? -1;
      if (o >= 0) sum += lm.bigram(left, o) + lm.bigram(o, right);
    }
  }
  return sum;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEngine } = await import('../tune/engine.mjs');
  const { SOURCES, sized } = await import('./texts.mjs');
  const { measure } = await import('./measure.mjs');
  const { tokenize, resources } = await loadEngine();
  const text = sized(SOURCES.spun, Number(process.argv[2] ?? 2000));
  const opts = { budgetMs: 1500, maxIterations: 1000 };
  const tok = (await measure(() => tokenize(text), opts)).meanMs;
  const floor = (await measure(() => inContextFloor(text, tokenize, resources), opts)).meanMs;
  console.log(`tokenizer ${tok.toFixed(3)} ms, in-context floor ${floor.toFixed(3)} ms = ${(floor / tok).toFixed(2)}× the tokenizer`);
}
