#!/usr/bin/env node
// In-process evaluation of the engine over a folder of cases (NAME.txt + NAME.truth.json, the
// format of ../shared/eval), with parameter overrides, for fitting the engine's constants on the
// synthetic tuning set (scripts/synth) rather than on the evaluation cases.
//
//   node scripts/tune/eval.mjs --cases .cache/synth/cases [--params '{"restore":{"spinRate":0.6}}'] [--data DIR]
// (--data: a folder with data/*.bin.gz to use instead of public/, for trying other assets)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { merge } from '../data/common.mjs';
import { loadEngine } from './engine.mjs';

export function loadCases(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const truth = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.truth.json')), 'utf8'));
      const input = readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '');
      return { name: f, input, truth, original: typeof truth.original === 'string' ? truth.original : input };
    });
}

const words = (s) => s.match(/\S+/g) ?? [];
function editDistance(a, b) {
  const ids = new Map();
  const id = (w) => {
    if (!ids.has(w)) ids.set(w, ids.size);
    return ids.get(w);
  };
  const A = a.map(id);
  const B = b.map(id);
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[B.length];
}

export function evaluate(cases, run) {
  const t = {
    spun: 0,
    detected: 0,
    clean: 0,
    flagged: 0,
    trueSpans: 0,
    found: 0,
    exact: 0,
    pred: 0,
    correctPred: 0,
    eSpun: 0,
    eRest: 0,
    cleanWords: 0,
    damage: 0,
  };
  for (const c of cases) {
    const r = run(c.input);
    const spans = c.truth.spans ?? [];
    if (spans.length === 0) {
      t.clean++;
      if (r.verdict.spun) t.flagged++;
      t.cleanWords += words(c.input).length;
      t.damage += editDistance(words(c.input), words(r.restoredText));
      continue;
    }
    t.spun++;
    if (r.verdict.spun) t.detected++;
    for (const s of spans) {
      t.trueSpans++;
      const ov = r.spans.filter((p) => p.start < s.end && s.start < p.end);
      if (ov.length) t.found++;
      if (ov.length === 1 && ov[0].start === s.start && ov[0].end === s.end && ov[0].restored.trim() === String(s.original).trim())
        t.exact++;
    }
    for (const p of r.spans) {
      t.pred++;
      if (spans.some((s) => p.start < s.end && s.start < p.end)) t.correctPred++;
    }
    const ow = words(c.original);
    t.eSpun += editDistance(words(c.input), ow);
    t.eRest += editDistance(words(r.restoredText), ow);
  }
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return {
    pageRecall: r3(t.detected / (t.spun || 1)),
    fpRate: r3(t.flagged / (t.clean || 1)),
    precision: r3(t.correctPred / (t.pred || 1)),
    recall: r3(t.found / (t.trueSpans || 1)),
    restoration: r3(t.exact / (t.trueSpans || 1)),
    errorReduction: r3(1 - t.eRest / (t.eSpun || 1)),
    damage: r3(t.damage / (t.cleanWords || 1)),
  };
}

/** The value after `name` on the command line (`--cases DIR`), or `dflt`. */
export function option(name, dflt) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
}

/** loadEngine's root for `--data DIR` (a folder holding data/*.bin.gz), or undefined for public/. */
export function dataRoot(dir) {
  return dir ? new URL(`file://${dir.replace(/\/?$/, '/')}`) : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const overrides = JSON.parse(option('--params', '{}'));
  const { analyze, DEFAULT_PARAMS, resources } = await loadEngine(dataRoot(option('--data', null)));
  const params = merge(DEFAULT_PARAMS, overrides);
  const cases = loadCases(option('--cases', '.cache/synth/cases'));
  const m = evaluate(cases, (text) => analyze(text, resources, {}, params));
  console.log(JSON.stringify({ params: overrides, ...m }));
}
