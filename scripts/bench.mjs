#!/usr/bin/env node
// `npm run bench`: engine speed against baselines run in the same process on the same inputs.
// Prints a table and writes bench/results.json. Ratios, not absolute times, are the point: they
// hold across machines. Tests never assert times.
import { readFileSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { loadEngine } from './tune/engine.mjs';

const t0 = performance.now();
const { analyze, tokenize, resources } = await loadEngine();
const coldLoadMs = performance.now() - t0;

const spunSource = readFileSync(new URL('../demo/seed-article.txt', import.meta.url), 'utf8');
const cleanSource = readFileSync(new URL('../test/fixtures/pages/original-article.html', import.meta.url), 'utf8')
  .replace(/<[^>]+>/g, '')
  .replace(/&amp;/g, '&')
  .trim();

/** The first `n` words of `source`, repeated as needed, keeping line breaks. */
function sized(source, n) {
  const lines = source.split('\n');
  const out = [];
  let count = 0;
  for (let i = 0; count < n; i++) {
    const words = (lines[i % lines.length] ?? '').split(' ');
    const take = words.slice(0, n - count);
    out.push(take.join(' '));
    count += take.length;
  }
  return out.join('\n');
}

// Peer: the naive detector, one regular-expression alternation over the spinner table's spun forms.
const table = ['data/spinner/seed-pairs.tsv', 'data/spinner/known-swaps.tsv'].flatMap((f) =>
  readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[1])
    .filter(Boolean),
);
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const naive = new RegExp(
  `\\b(?:${[...new Set(table)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|')})\\b`,
  'gi',
);
const naiveScan = (text) => text.match(naive)?.length ?? 0;

const sizes = [500, 2000, 20000];
const rows = [];
for (const words of sizes) {
  for (const [kind, source] of [
    ['spun', spunSource],
    ['clean', cleanSource],
  ]) {
    const text = sized(source, words);
    const bench = new Bench({ time: words >= 20000 ? 2000 : 600, warmupTime: 200 });
    bench.add('engine', () => analyze(text, resources));
    bench.add('tokenizer', () => tokenize(text));
    bench.add('regex peer', () => naiveScan(text));
    await bench.run();
    const ms = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.latency.mean]));
    rows.push({
      words,
      kind,
      engineMs: round(ms.engine),
      wordsPerSecond: Math.round(words / (ms.engine / 1000)),
      tokenizerMs: round(ms.tokenizer),
      regexPeerMs: round(ms['regex peer']),
      engineOverTokenizer: round(ms.engine / ms.tokenizer),
      engineOverRegexPeer: round(ms.engine / ms['regex peer']),
    });
  }
}

const heapBefore = process.memoryUsage().heapUsed;
analyze(sized(spunSource, 100000), resources);
const heapAfter = process.memoryUsage().heapUsed;

const results = {
  when: new Date().toISOString(),
  node: process.version,
  coldLoadMs: round(coldLoadMs),
  heapDeltaMb100kWords: round((heapAfter - heapBefore) / 1e6),
  rows,
};
writeFileSync(new URL('../bench/results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.table(rows);
console.log(
  `cold start (bundle + load assets): ${results.coldLoadMs} ms; heap growth on a 100,000-word text: ${results.heapDeltaMb100kWords} MB`,
);
console.log('written to bench/results.json');

function round(x) {
  return Math.round(x * 100) / 100;
}
