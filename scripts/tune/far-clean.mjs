#!/usr/bin/env node
// Clean text far from news: pages of ~580 words cut from nlp-corpus (film reviews, lyrics, SMS,
// transcripts, old prose), none of it spun. Counts the pages the engine flags (docs/quality.md).
// npm nlp-corpus@4.4.0 is packed into the git-ignored .cache/data like the data build's sources (not a dependency).
//
//   node scripts/tune/far-clean.mjs [--pages-per-file 4]
import { readFileSync } from 'node:fs';
import { npmPackage } from '../data/common.mjs';
import { loadEngine } from './engine.mjs';

const builds = `${npmPackage('nlp-corpus', '4.4.0')}/builds`;
const at = process.argv.indexOf('--pages-per-file');
const perFile = at > 0 ? Number(process.argv[at + 1]) : 4;
const SENTENCES = 30;

const engine = await loadEngine();
let pages = 0;
let words = 0;
const flagged = [];
for (let d = 0; d < 100; d++) {
  const sentences = JSON.parse(readFileSync(`${builds}/doc-${d}.json`, 'utf8'));
  for (let p = 0; p < perFile && (p + 1) * SENTENCES <= sentences.length; p++) {
    const text = sentences.slice(p * SENTENCES, (p + 1) * SENTENCES).join(' ');
    const a = engine.analyze(text, engine.resources);
    pages++;
    words += text.split(/\s+/).length;
    if (a.verdict.spun) flagged.push({ file: d, page: p, score: a.verdict.score });
  }
}
console.log(JSON.stringify({ pages, words, flagged: flagged.length, pagesFlagged: flagged }));
