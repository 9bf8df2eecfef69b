// Prints coverage figures of the channel model (and a few LM checks).
//   node scripts/data/measure.mjs [--channel path/to/channel.bin --lm path/to/lm.bin] (a channel is decoded
//   beside the language model it was built with)
// Seed: data/spinner/seed-pairs.tsv (in the table, so "any source" is trivially high; the
// "without spinner table" column shows how well the general thesauri generalise).
// Dev: spans of ../shared/eval/dev/a*.truth.json, MEASURED ONLY (never copied into the data).
import fs from 'node:fs';
import path from 'node:path';
import { norm, ROOT } from './common.mjs';
import { loadCore, readAsset } from './load-core.mjs';

const args = process.argv.slice(2);
const core = await loadCore();
const chBytes = args.includes('--channel')
  ? new Uint8Array(fs.readFileSync(args[args.indexOf('--channel') + 1]))
  : readAsset('channel.bin.gz');
const lmBytes = args.includes('--lm') ? new Uint8Array(fs.readFileSync(args[args.indexOf('--lm') + 1])) : readAsset('lm.bin.gz');
let t0 = performance.now();
const lm = core.decodeLanguageModel(lmBytes);
const lmMs = performance.now() - t0;
t0 = performance.now();
const ch = core.decodeChannel(chBytes, lm);
const chMs = performance.now() - t0;
console.log(`decode: channel ${chMs.toFixed(1)} ms, lm ${lmMs.toFixed(1)} ms`);

function score(pairs, label) {
  const n = pairs.length;
  let hit = 0;
  let hitNoSpinner = 0;
  let keyed = 0;
  let candSum = 0;
  let rank1 = 0;
  let rank5 = 0;
  let rankSum = 0;
  const bySrc = { spinner: 0, wordnet: 0, thesaurus: 0 };
  const lmRank1 = [0, 0];
  const misses = [];
  for (const { spun, original } of pairs) {
    const c = ch.lookup(spun);
    if (!c) {
      misses.push(`${spun}->${original}`);
      continue;
    }
    keyed++;
    candSum += c.length;
    const i = c.findIndex((x) => x.original === original);
    if (i < 0) {
      misses.push(`${spun}->${original}`);
      continue;
    }
    hit++;
    bySrc[c[i].source]++;
    if (c.some((x) => x.original === original && x.source !== 'spinner') || c[i].source !== 'spinner') hitNoSpinner++;
    // rank by logProb (ties share the better rank)
    const r = c.filter((x) => x.logProb > c[i].logProb).length;
    rankSum += r + 1;
    if (r === 0) rank1++;
    if (r < 5) rank5++;
    // rank by logProb + unigram LM prior of the original
    const pri = (o) => o.split(' ').reduce((s, w) => s + lm.unigram(lm.id(w)), 0);
    const sc = (x) => x.logProb + pri(x.original);
    const r2 = c.filter((x) => sc(x) > sc(c[i])).length;
    if (r2 === 0) lmRank1[0]++;
    lmRank1[1]++;
  }
  const pct = (x) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
  console.log(`\n== ${label}: ${n} spans`);
  console.log(
    `  spun text is a key: ${pct(keyed)}; original among candidates: ${pct(hit)} (found via non-spinner source: ${pct(hitNoSpinner)})`,
  );
  console.log(`  truth source: ${JSON.stringify(bySrc)}`);
  console.log(`  avg candidates per matched key: ${(candSum / Math.max(1, keyed)).toFixed(1)}`);
  console.log(
    `  rank of truth by logProb: top1 ${pct(rank1)}, top5 ${pct(rank5)}, mean ${(rankSum / Math.max(1, hit)).toFixed(2)}; top1 by logProb+unigram(original): ${((100 * lmRank1[0]) / Math.max(1, lmRank1[1])).toFixed(1)}% of covered`,
  );
  return misses;
}

const seed = fs
  .readFileSync(path.join(ROOT, 'data/spinner/seed-pairs.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .map(([original, spun, kind]) => ({ original: norm(original), spun: norm(spun), kind }));
score(seed, 'seed-pairs.tsv (all rows)');

const devDir = path.resolve(ROOT, '../shared/eval/dev');
if (fs.existsSync(devDir)) {
  const spans = [];
  for (const f of fs.readdirSync(devDir).sort()) {
    if (!/^a\d+\.truth\.json$/.test(f)) continue;
    const t = JSON.parse(fs.readFileSync(path.join(devDir, f), 'utf8'));
    for (const s of t.spans ?? []) spans.push({ spun: norm(s.text), original: norm(s.original), kind: s.kind });
  }
  const misses = score(spans, 'dev a*.truth.json spans (measure only)');
  for (const kind of [...new Set(spans.map((s) => s.kind))])
    score(
      spans.filter((s) => s.kind === kind),
      `  dev kind=${kind}`,
    );
  if (args.includes('--show-misses')) console.log(misses.slice(0, 80).join('  '));
}

// lookup speed
const words = ['mentioned', 'troopers', 'motor hotel', 'the', 'zzzz', 'said', "1000's", 'summon', 'in the', 'within the'];
let n = 0;
t0 = performance.now();
for (let i = 0; i < 200000; i++) if (ch.lookup(words[i % words.length])) n++;
const lookNs = ((performance.now() - t0) * 1e6) / 200000;
t0 = performance.now();
let s = 0;
const ids = words.map((w) => lm.id(w.split(' ')[0]));
for (let i = 0; i < 200000; i++) s += lm.bigram(ids[i % ids.length], ids[(i + 3) % ids.length]);
const bgNs = ((performance.now() - t0) * 1e6) / 200000;
console.log(`\nlookup: ${lookNs.toFixed(0)} ns/channel lookup, ${bgNs.toFixed(0)} ns/lm.bigram (${n}, ${s.toFixed(0)})`);
