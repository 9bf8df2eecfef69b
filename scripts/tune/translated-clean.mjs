#!/usr/bin/env node
// Round-trip machine translations of clean pages, which the engine must not call spun (issue
// "engine": translated and paraphrased copies are not spinner output). Each clean page of the
// synthetic sets is translated to another language and back with Apertium, a rule-based translator
// packaged in Debian, and the pages the engine flags are counted and listed (docs/quality.md).
// Translations are cached in the git-ignored .cache/translated/.
//
//   apt-get install apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-eo-en
//   node scripts/tune/translated-clean.mjs [--cases .cache/synth/cases,.cache/synth/val]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from './engine.mjs';
import { loadCases } from './eval.mjs';

// There and back; the way back writes American spelling where Apertium offers it.
const PIVOTS = [
  ['spa', 'eng-spa', 'spa-eng_US'],
  ['cat', 'eng-cat', 'cat-eng_US'],
  ['glg', 'en-gl', 'gl-en'],
  ['epo', 'en-eo', 'eo-en'],
];

const at = process.argv.indexOf('--cases');
const dirs = (at > 0 ? process.argv[at + 1] : '.cache/synth/cases,.cache/synth/val').split(',');
const cache = new URL('../../.cache/translated/', import.meta.url).pathname;
mkdirSync(cache, { recursive: true });

const modes = new Set(existsSync('/usr/bin/apertium') ? execFileSync('apertium', ['-l']).toString().split(/\s+/).filter(Boolean) : []);
const pivots = PIVOTS.filter(([, there, back]) => modes.has(there) && modes.has(back));
if (pivots.length === 0) {
  console.error('No Apertium language pair found: apt-get install apertium-eng-spa (and eng-cat, en-gl, eo-en)');
  process.exit(2);
}

/** Clean pages of the case folders (no truth spans), by name. */
const pages = dirs.flatMap((dir) =>
  loadCases(dir)
    .filter((c) => (c.truth.spans ?? []).length === 0)
    .map((c) => ({ name: `${dir.split('/').pop()}-${c.name}`, text: c.input })),
);

/**
 * Apertium reads and writes files here (its wrapper script mishandles a piped standard input from Node).
 * null when a pass gives no text: eng-cat (3.8) drops a whole page at some sentences ("But the rising
 * tide is not lifting all boats"), and such a page is skipped, not counted.
 */
function roundTrip(text, there, back) {
  const [a, b, c] = ['in', 'mid', 'out'].map((x) => join(cache, `.${x}.txt`));
  writeFileSync(a, text);
  // -u: no marks on words the dictionaries lack (they pass through as written)
  execFileSync('apertium', ['-u', there, a, b]);
  execFileSync('apertium', ['-u', back, b, c]);
  const out = readFileSync(c, 'utf8');
  return out.trim() === '' ? null : out;
}

const engine = await loadEngine();
const report = [];
for (const [lang, there, back] of pivots) {
  const flagged = [];
  const skipped = [];
  for (const page of pages) {
    const file = join(cache, `${lang}-${page.name}`);
    if (!existsSync(file)) writeFileSync(file, roundTrip(page.text, there, back) ?? '');
    const text = readFileSync(file, 'utf8');
    if (text === '') {
      skipped.push(page.name);
      continue;
    }
    const a = engine.analyze(text, engine.resources);
    if (a.verdict.spun)
      flagged.push({ page: page.name, score: a.verdict.score, spans: a.spans.slice(0, 8).map((s) => `${s.text}→${s.restored}`) });
  }
  report.push({ via: lang, pages: pages.length - skipped.length, flagged: flagged.length, pagesFlagged: flagged, skipped });
}
console.log(JSON.stringify(report, null, 1));
const skipped = report.reduce((n, r) => n + r.skipped.length, 0);
console.log(
  `${report.reduce((n, r) => n + r.flagged, 0)} of ${report.reduce((n, r) => n + r.pages, 0)} round-trip translations flagged${skipped ? ` (${skipped} pages Apertium gave no text for, skipped)` : ''}`,
);
