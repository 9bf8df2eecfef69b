#!/usr/bin/env node
// The floor of any detector that weighs a word's synonyms in context, on the bench's 2,000 spun words:
// tokenizing, looking every word up in the channel, and two bigram look-ups per candidate original (its
// left and right neighbours: what the lattice's pre-score asks before any search). Prints each part and
// their sum as a multiple of the tokenizer pass, in one process, warm. Not part of `npm run bench`: it
// says how low the engine could go, not how fast it is (docs/performance.md, session 14).
//
//   node scripts/bench/floor.mjs [words]
import { loadEngine } from '../tune/engine.mjs';
import { SOURCES, sized } from './texts.mjs';

const E = await loadEngine();
const { lm, channel } = E.resources;
const text = sized(SOURCES.spun, Number(process.argv[2] ?? 2000));
const words = E.tokenize(text, 0, text.length).filter((t) => t.kind === 'word');
const forms = words.map((t) => text.slice(t.start, t.end).toLowerCase());
const ids = Int32Array.from(forms, (w) => lm.id(w));
const at = [];
const originals = [];
forms.forEach((w, i) => {
  for (const c of channel.lookup(w) ?? []) {
    if (c.originalId === undefined || c.originalId < 0) continue;
    at.push(i);
    originals.push(c.originalId);
  }
});
const pos = Int32Array.from(at);
const orig = Int32Array.from(originals);

const tokenizing = () => E.tokenize(text, 0, text.length).length;
const lookingUp = () => {
  let n = 0;
  for (const t of words) if (channel.lookup(text.slice(t.start, t.end).toLowerCase())) n++;
  return n;
};
const scoring = () => {
  let sum = 0;
  for (let k = 0; k < orig.length; k++) {
    const i = pos[k];
    sum += lm.bigram(i > 0 ? ids[i - 1] : -1, orig[k]) + lm.bigram(orig[k], i + 1 < ids.length ? ids[i + 1] : -1);
  }
  return sum;
};
/** Median over 15 batches of 50 calls, after 200 of warm-up; ms per call. */
function time(f) {
  for (let i = 0; i < 200; i++) f();
  const batches = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) f();
    batches.push((performance.now() - t0) / 50);
  }
  return batches.sort((a, b) => a - b)[7];
}
const t = time(tokenizing);
const l = time(lookingUp);
const s = time(scoring);
const ms = (x) => `${x.toFixed(3)} ms`;
console.log(`${words.length} words, ${orig.length} candidate originals for ${new Set(at).size} of them`);
console.log(`tokenizing ${ms(t)}, channel look-ups ${ms(l)}, two bigrams per candidate ${ms(s)}`);
console.log(`floor ${ms(t + l + s)} = ${((t + l + s) / t).toFixed(1)}× the tokenizer pass`);
