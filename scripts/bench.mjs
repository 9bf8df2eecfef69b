#!/usr/bin/env node
// `npm run bench`: engine speed against baselines run in the same process on the same inputs,
// cold start and peak heap in fresh child processes, bundle sizes of the Chrome build, and the
// main-thread cost of a check in real Chromium. Prints tables, writes bench/results.json and the
// results section of docs/performance.md. Ratios, not absolute times, are the point: they hold
// across machines. Tests never assert times.
//
//   npm run bench                  everything (about 2½ minutes on 2 cores)
//   npm run bench -- --no-browser  without the Chromium run
//   npm run bench -- --rebuild     rebuild .output/chrome-mv3 and .output/e2e-chrome-mv3 first
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { bundleSizes } from './bench/bundle-size.mjs';
import { coldStart, heap, longtask } from './bench/children.mjs';
import { inContextFloor } from './bench/floor.mjs';
import { channelLexicon, spinnerLexicon } from './bench/lexicon.mjs';
import { measure } from './bench/measure.mjs';
import { ahoCorasickPeer, harperReference, regexPeer } from './bench/peers.mjs';
import { evaluateTargets, renderMarkdown, updateDoc } from './bench/report.mjs';
import { SOURCES, sized } from './bench/texts.mjs';
import { loadEngine } from './tune/engine.mjs';

const args = new Set(process.argv.slice(2));
const started = performance.now();
const log = (...m) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...m);

// Builds the size and browser measurements read. Built when missing (or with --rebuild).
for (const [dir, env] of [
  ['.output/chrome-mv3', {}],
  ['.output/e2e-chrome-mv3', { UNSPUN_E2E: '1' }],
]) {
  if (args.has('--rebuild') || !existsSync(`${dir}/manifest.json`)) {
    log(`building ${dir}`);
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`wxt build for ${dir} failed`);
  }
}

log('bundling the engine');
const { analyze, tokenize, resources, loadResources, nodeAssetReader } = await loadEngine();
const engineFile = new URL('../.cache/tune/engine.mjs', import.meta.url).href;

// Peers on two lexicons: the spinner table's spun forms (the naive detector's natural lexicon) and
// every key of the engine's channel model (what the engine itself looks up).
const lexicons = { spinner: spinnerLexicon(), channel: channelLexicon(resources) };
log(`peers: spinner table ${lexicons.spinner.length} spun forms, channel ${lexicons.channel.length} keys`);
const peers = {
  regex: regexPeer(lexicons.spinner),
  ahoCorasick: ahoCorasickPeer(lexicons.spinner),
  regexChannel: regexPeer(lexicons.channel),
  ahoCorasickChannel: ahoCorasickPeer(lexicons.channel),
};
log('harper.js: loading and warming up');
const harper = await harperReference(sized(SOURCES.spun, 2000));

// The engine is timed warm: without this, the first task measured (500 spun words) would pay V8's
// tier-up of the whole engine, and its probe would be slow enough to skip tinybench's warm-up.
log('engine: warming up');
const warmTexts = ['spun', 'clean'].flatMap((kind) => [500, 2000].map((words) => sized(SOURCES[kind], words)));
for (const until = performance.now() + 1500; performance.now() < until; ) for (const t of warmTexts) analyze(t, resources);

const SIZES = [
  // words, budget for expensive tasks; references that take many seconds run once at 100k
  { words: 500, budgetMs: 1500, maxIterations: 30, harperIterations: 30 },
  { words: 2000, budgetMs: 1500, maxIterations: 30, harperIterations: 30 },
  { words: 20000, budgetMs: 2500, maxIterations: 5, harperIterations: 2 },
  { words: 100000, budgetMs: 6000, maxIterations: 3, harperIterations: 0 },
];
const rows = [];
for (const { words, budgetMs, maxIterations, harperIterations } of SIZES) {
  for (const kind of /** @type {const} */ (['spun', 'clean'])) {
    const text = sized(SOURCES[kind], words);
    const opts = { budgetMs, maxIterations };
    const ms = {
      engine: await measure(() => analyze(text, resources), opts),
      tokenizer: await measure(() => tokenize(text), opts),
      floor: await measure(() => inContextFloor(text, tokenize, resources), opts),
      regex: await measure(() => peers.regex(text), opts),
      ahoCorasick: await measure(() => peers.ahoCorasick(text), opts),
      regexChannel: await measure(() => peers.regexChannel(text), opts),
      ahoCorasickChannel: await measure(() => peers.ahoCorasickChannel(text), opts),
      harper: await measure(() => harper.lint(text), { budgetMs, maxIterations: harperIterations }),
    };
    const mean = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, v.meanMs]));
    const row = {
      words,
      kind,
      chars: text.length,
      engineMs: round(mean.engine),
      engineMedianMs: round(ms.engine.medianMs),
      engineSamples: ms.engine.samples,
      wordsPerSecond: Math.round(words / (mean.engine / 1000)),
      tokenizerMs: round(mean.tokenizer),
      floorMs: round(mean.floor),
      regexMs: round(mean.regex),
      ahoCorasickMs: round(mean.ahoCorasick),
      regexChannelMs: round(mean.regexChannel),
      ahoCorasickChannelMs: round(mean.ahoCorasickChannel),
      harperMs: round(mean.harper),
      harperSamples: ms.harper.samples,
      engineOverTokenizer: round(mean.engine / mean.tokenizer),
      floorOverTokenizer: round(mean.floor / mean.tokenizer),
      floorOverRegexChannel: round(mean.floor / mean.regexChannel),
      engineOverFloor: round(mean.engine / mean.floor),
      engineOverRegex: round(mean.engine / mean.regex),
      engineOverAhoCorasick: round(mean.engine / mean.ahoCorasick),
      engineOverRegexChannel: round(mean.engine / mean.regexChannel),
      engineOverAhoCorasickChannel: round(mean.engine / mean.ahoCorasickChannel),
      engineOverHarper: round(mean.engine / mean.harper),
    };
    rows.push(row);
    log(`${words} words ${kind}: engine ${row.engineMs} ms (${row.wordsPerSecond} words/s), ×${row.engineOverTokenizer} tokenizer`);
  }
}
await harper.dispose();

// The rows above time a text the engine has just analysed, so its memos and prepared spun forms are
// hot. A page a user opens is new: here each run decodes the assets again (untimed, so every cache
// starts empty), analyses the other articles in test/fixtures/reposts (so the lazy tables are built
// and common words prepared), then times the 2,000-word text once.
log('engine: 2,000 words not seen before');
const readAsset = nodeAssetReader(new URL('../public/', import.meta.url));
const assetBytes = new Map();
const readOnce = async (path) => {
  if (!assetBytes.has(path)) assetBytes.set(path, await readAsset(path));
  return assetBytes.get(path);
};
const repostsDir = new URL('../test/fixtures/reposts/', import.meta.url);
const otherArticles = readdirSync(repostsDir)
  .sort()
  .map((f) => readFileSync(new URL(f, repostsDir), 'utf8'));
const unseen = [];
for (const kind of /** @type {const} */ (['spun', 'clean'])) {
  const text = sized(SOURCES[kind], 2000);
  const times = [];
  for (let run = 0; run < 7; run++) {
    const fresh = await loadResources(readOnce);
    for (const other of otherArticles) analyze(other, fresh);
    const t0 = performance.now();
    analyze(text, fresh);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const warm = rows.find((row) => row.words === 2000 && row.kind === kind);
  unseen.push({
    words: 2000,
    kind,
    medianMs: round(times[times.length >> 1]),
    runs: times.length,
    overWarm: round(times[times.length >> 1] / warm.engineMs),
  });
  log(`2000 words ${kind}, not seen before: ${unseen.at(-1).medianMs} ms (${unseen.at(-1).overWarm}× the warm row)`);
}

log('cold start (3 fresh processes)');
const cold = coldStart(engineFile, { runs: 3, words: 2000 });
log('peak heap on 100,000 words (fresh process)');
const memory = heap(engineFile, { words: 100000 });
const bundle = bundleSizes('.output/chrome-mv3');
let browser = { skipped: 'not run (--no-browser)' };
if (!args.has('--no-browser')) {
  log('Chromium: checking 2,000- and 100,000-word pages with the e2e build');
  browser = longtask([2000, 100000]);
}
if (browser.skipped) log(`Chromium run skipped: ${browser.skipped}`);

const results = {
  when: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  builds: Object.fromEntries(
    ['.output/chrome-mv3', '.output/e2e-chrome-mv3'].map((d) => [d, statSync(`${d}/manifest.json`).mtime.toISOString()]),
  ),
  benchSeconds: 0,
  notes: {
    floor:
      'the least work of a detector that weighs synonyms in context: tokenize, LM and channel look-ups of every word, two bigrams per candidate original (scripts/bench/floor.mjs)',
    peers:
      "regex/ahoCorasick: spinner table's spun forms; *Channel: every key of the channel model. Aho–Corasick scans one line at a time (Intl.Segmenter is superlinear on long strings in Node 20).",
    harper: 'harper.js LocalLinter, plaintext, after a warm-up lint; run once at 100,000 words',
  },
  lexicons: { spinnerSpunForms: lexicons.spinner.length, channelKeys: lexicons.channel.length },
  harper: { setupMs: round(harper.setupMs), firstLintMs: round(harper.firstLintMs) },
  rows,
  unseen,
  coldStart: roundAll(cold),
  memory100kWords: roundAll(memory),
  bundle,
  browser,
};
results.targets = evaluateTargets(results);
results.benchSeconds = Math.round((performance.now() - started) / 1000);
writeFileSync(new URL('../bench/results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
const markdown = renderMarkdown(results);
updateDoc(new URL('../docs/performance.md', import.meta.url), markdown);
// Formatted as the project's formatter writes them, so `npm run lint` stays clean after a run.
const biome = new URL('../node_modules/.bin/biome', import.meta.url).pathname;
const written = ['../bench/results.json', '../docs/performance.md'].map((f) => new URL(f, import.meta.url).pathname);
spawnSync(biome, ['format', '--write', ...written], { stdio: 'ignore', cwd: new URL('..', import.meta.url).pathname });
console.log(`\n${markdown}`);
log('written to bench/results.json and docs/performance.md');

function round(x) {
  return Math.round(x * 100) / 100;
}
function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : Array.isArray(v) ? v.map(round) : v]));
}
