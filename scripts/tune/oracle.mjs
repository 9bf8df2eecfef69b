#!/usr/bin/env node
// How far the engine's models (channel, language model, topic, page evidence) can go when the search
// is given everything else: each true spun span is decoded on a page whose other true spans are already
// restored to their originals (the "oracle context"), with the restore pass's spin rate fixed. What the
// engine still gets wrong there, its models get wrong, not its search or its verdict.
//
//   node scripts/tune/oracle.mjs --cases DIR [--rate 0.5[,0.9,…]] [--rounds 6] [--data DIR]
// (--data: a folder with data/*.bin.gz to use instead of public/, as in eval.mjs)
//
// A page is decoded `rounds` times; round r leaves spun the true spans whose index ≡ r (mod rounds), so
// the spans still spun in a round are several spans apart and each one's neighbours are original.
// Prints, per rate: spans found, spans restored exactly (as the scorer counts them), and how many
// restorations fell on words the spinner had not touched. Measurement only: nothing here feeds the
// engine or its data.
import { merge } from '../data/common.mjs';
import { loadEngine } from './engine.mjs';
import { dataRoot, loadCases, option as opt } from './eval.mjs';

const dir = opt('--cases', '.cache/synth/val');
const rates = opt('--rate', '0.5').split(',').map(Number);
const rounds = Number(opt('--rounds', '6'));

const E = await loadEngine(dataRoot(opt('--data', null)));
const cases = loadCases(dir).filter((c) => (c.truth.spans ?? []).length > 0);

/** The page with every true span restored but `keep`'s, and where `keep`'s spans now stand. */
function oracleText(input, spans, keep) {
  let text = '';
  let cursor = 0;
  const at = [];
  for (const s of spans) {
    text += input.slice(cursor, s.start);
    if (keep.has(s)) {
      at.push({ start: text.length, end: text.length + (s.end - s.start), original: String(s.original).trim() });
      text += input.slice(s.start, s.end);
    } else text += String(s.original);
    cursor = s.end;
  }
  return { text: text + input.slice(cursor), at };
}

for (const rate of rates) {
  const params = merge(E.DEFAULT_PARAMS, { minSpinRate: rate, restore: { spinRate: rate } });
  let spans = 0;
  let found = 0;
  let exact = 0;
  let restorations = 0;
  let untouched = 0;
  for (const c of cases) {
    const sorted = [...c.truth.spans].sort((a, b) => a.start - b.start);
    for (let r = 0; r < rounds; r++) {
      const keep = new Set(sorted.filter((_, i) => i % rounds === r));
      if (keep.size === 0) continue;
      const { text, at } = oracleText(c.input, sorted, keep);
      // threshold 0: every page is judged spun, so the restore pass always runs
      const a = E.analyze(text, E.resources, { threshold: 0 }, params);
      for (const p of at) {
        spans++;
        const over = a.spans.filter((q) => q.start < p.end && p.start < q.end);
        if (over.length > 0) found++;
        const [q] = over;
        if (over.length === 1 && q.start === p.start && q.end === p.end && q.restored.trim() === p.original) exact++;
      }
      for (const q of a.spans) {
        if (q.kind === 'credit' || q.kind === 'spintax') continue;
        restorations++;
        if (!at.some((p) => q.start < p.end && p.start < q.end)) untouched++;
      }
    }
  }
  const pct = (x) => `${((100 * x) / (spans || 1)).toFixed(1)}%`;
  console.log(
    `${dir} rate ${rate}: ${spans} spans, found ${pct(found)}, restored exactly ${pct(exact)}; ` +
      `${restorations} restorations, ${untouched} of them on words the spinner left alone`,
  );
}
