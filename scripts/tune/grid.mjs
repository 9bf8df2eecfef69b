#!/usr/bin/env node
// Grid search over engine parameters on a case folder (the synthetic tuning set by default).
//   node scripts/tune/grid.mjs --cases .cache/synth/cases --grid '{"restore.spinRate":[0.3,0.5],"restore.minMargin":[0,0.5]}'
import { merge } from '../data/common.mjs';
import { loadEngine } from './engine.mjs';
import { evaluate, loadCases, option as opt } from './eval.mjs';

const grid = JSON.parse(opt('--grid', '{}'));
const base = JSON.parse(opt('--params', '{}'));
const { analyze, DEFAULT_PARAMS, resources } = await loadEngine();
const cases = loadCases(opt('--cases', '.cache/synth/cases'));

const keys = Object.keys(grid);
const combos = keys.reduce((acc, k) => acc.flatMap((c) => grid[k].map((v) => ({ ...c, [k]: v }))), [{}]);
for (const combo of combos) {
  const over = structuredClone(base);
  for (const [path, v] of Object.entries(combo)) {
    const parts = path.split('.');
    let o = over;
    for (const p of parts.slice(0, -1)) o = o[p] ??= {};
    o[parts.at(-1)] = v;
  }
  const params = merge(DEFAULT_PARAMS, over);
  const m = evaluate(cases, (text) => analyze(text, resources, {}, params));
  console.log(JSON.stringify({ ...combo, ...m }));
}
