// Builds public/data/names.txt.gz: a gazetteer of multiword proper names and titles (White House, European
// Commission, Secretary General, U.K.) that a dictionary spinner could damage, for src/core/names.ts.
//
// Sources (nothing from shared/eval):
//  1. WordNet 3.0 (Debian wordnet-base): every noun or adjective lemma that is written capitalised and has several
//     words (White_House, Downing_Street, Secretary_General, Supreme_Court) or is a dotted abbreviation (U.K., D.C.).
//  2. The CMU Sphinx news LM (Debian pocketsphinx-en-us): institution names that WordNet lacks (European Commission,
//     International Criminal Court, Security Council) as strong bigram/trigram collocations whose last word is a
//     head noun of WordNet's proper names (Commission, Court, Council, House, Street, …) and whose other words are
//     written capitalised in WordNet's proper names too.
// A name is kept when every word is in the LM vocabulary, every adjacent word pair is a bigram of the full sphinx
// LM (the name occurs in news-like text), and at least one word is an original in the channel model (a word the
// spinner has synonyms for: only those names can be damaged).
//
// names.txt layout (ASCII, '\n'-terminated lines): the line "UNM1", then one name per line, lowercase, words
// joined by one space (hyphens become spaces), sorted by code unit. Decoded by src/core/names.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOP } from './build-channel.mjs';
import { gzip, OUT, ROOT, requireDebianFile, SOURCES, sha256 } from './common.mjs';

export const NAMES_PARAMS = {
  /** A sphinx head noun ends at least this many capitalised WordNet names. */
  minHeadNames: 5,
  /** Bigram "a b": log10 P(b | a) − log10 P(b) (how much more likely b is after a) and log10 P(a) + log10 P(b | a). */
  bigramMinGain: 2,
  bigramMinLogFreq: -6.5,
  /** Trigram "a b c": log10 P(c | a b), its gain over P(c | b), and the gain of its first bigram. */
  trigramMinProb: -0.7,
  trigramMinGain: 0.5,
  trigramFirstGain: 1.5,
};

// A head noun must name an institution, a place or a building in some sense (its WordNet hypernyms reach one of
// these): Commission, Court, Street, House, Council qualify; Night, Age, Version do not.
const HEAD_ANCESTORS = new Set([
  'organization',
  'institution',
  'body',
  'gathering',
  'legislature',
  'court',
  'structure',
  'building',
  'facility',
  'location',
  'geographical area',
  'administrative district',
  'thoroughfare',
]);

/** Nouns whose hypernym closure (any sense) reaches one of HEAD_ANCESTORS. */
function institutionNouns() {
  const file = requireDebianFile(path.join(SOURCES.wordnet.dir, 'data.noun'), SOURCES.wordnet.name);
  const synsets = new Map();
  const senses = new Map();
  for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.split(' ');
    const n = Number.parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < n; i++)
      words.push(
        f[4 + 2 * i]
          .replace(/\([a-z]+\)$/, '')
          .replace(/_/g, ' ')
          .toLowerCase(),
      );
    let k = 4 + 2 * n;
    const nPointers = Number.parseInt(f[k++], 10);
    const hypernyms = [];
    for (let i = 0; i < nPointers; i++, k += 4) if (f[k] === '@' || f[k] === '@i') hypernyms.push(f[k + 1]);
    synsets.set(f[0], { words, hypernyms });
    for (const w of words) {
      if (!senses.has(w)) senses.set(w, []);
      senses.get(w).push(f[0]);
    }
  }
  const memo = new Map();
  const reaches = (off) => {
    if (memo.has(off)) return memo.get(off);
    memo.set(off, false);
    const s = synsets.get(off);
    const yes = s.words.some((w) => HEAD_ANCESTORS.has(w)) || s.hypernyms.some(reaches);
    memo.set(off, yes);
    return yes;
  };
  return (word) => (senses.get(word) ?? []).some(reaches);
}

/** Capitalised lemmas of WordNet's noun and adjective files, as written (White_House, U.K.). */
function wordnetProperLemmas() {
  const out = new Set();
  for (const f of ['noun', 'adj']) {
    const file = requireDebianFile(path.join(SOURCES.wordnet.dir, `data.${f}`), SOURCES.wordnet.name);
    for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const x = line.split(' ');
      const n = Number.parseInt(x[3], 16);
      for (let i = 0; i < n; i++) {
        const w = x[4 + 2 * i].replace(/\([a-z]+\)$/, '');
        if (/^[A-Z]/.test(w)) out.add(w);
      }
    }
  }
  return [...out].sort();
}

const ABBREVIATION = /^(?:[a-z]{1,3}\.){2,}$/;

/**
 * @param sphinx the reader's output (scripts/data/sphinx-lm.mjs)
 * @param {Set<string>} originals every original (candidate restoration) of the channel model
 */
export function buildNames(sphinx, originals, params = NAMES_PARAMS) {
  const { words } = sphinx;
  const id = new Map(words.map((w, i) => [w, i]));
  const nBigrams = sphinx.uniNext[words.length];
  const bigram = new Map();
  for (let i = 0; i < nBigrams; i++) bigram.set(sphinx.biPrev[i] * 131072 + sphinx.biWord[i], i);
  const bigramIndex = (a, b) => bigram.get(id.get(a) * 131072 + id.get(b));

  // 1. WordNet
  const lemmas = wordnetProperLemmas();
  const candidates = new Map(); // name -> source
  const heads = new Map();
  const capitalised = new Set();
  for (const lemma of lemmas) {
    const parts = lemma.split(/[_-]/);
    const lower = lemma.toLowerCase();
    if (parts.length === 1) {
      if (ABBREVIATION.test(lower)) candidates.set(lower, 'wordnet');
      continue;
    }
    candidates.set(parts.join(' ').toLowerCase(), 'wordnet');
    for (const p of parts) if (/^[A-Z]/.test(p)) capitalised.add(p.toLowerCase());
    const last = parts[parts.length - 1];
    if (/^[A-Z][a-z]/.test(last)) heads.set(last.toLowerCase(), (heads.get(last.toLowerCase()) ?? 0) + 1);
  }

  // 2. Sphinx collocations ending in a head noun of WordNet's names.
  const institution = institutionNouns();
  const headSet = new Set([...heads].filter(([h, c]) => c >= params.minHeadNames && institution(h)).map(([h]) => h));
  const nameWord = (w) => capitalised.has(w) && !STOP.has(w) && /^[a-z]/.test(w);
  let fromSphinx = 0;
  const addSphinx = (name) => {
    if (candidates.has(name)) return;
    candidates.set(name, 'sphinx');
    fromSphinx++;
  };
  for (let i = 0; i < nBigrams; i++) {
    const a = sphinx.biPrev[i];
    const c = sphinx.biWord[i];
    const wa = words[a];
    const wc = words[c];
    if (!headSet.has(wc) || !nameWord(wa)) continue;
    const gain = sphinx.biProb[i] - sphinx.uniProb[c];
    if (gain >= params.bigramMinGain && sphinx.uniProb[a] + sphinx.biProb[i] >= params.bigramMinLogFreq) addSphinx(`${wa} ${wc}`);
    for (let j = sphinx.biNext[i]; j < sphinx.biNext[i + 1]; j++) {
      const z = sphinx.triFirst[j];
      const wz = words[z];
      if (!nameWord(wz) || sphinx.triProb[j] < params.trigramMinProb || sphinx.triProb[j] - sphinx.biProb[i] < params.trigramMinGain)
        continue;
      const first = bigramIndex(wz, wa);
      if (first === undefined || sphinx.biProb[first] - sphinx.uniProb[a] < params.trigramFirstGain) continue;
      addSphinx(`${wz} ${wa} ${wc}`);
    }
  }

  // 3. The outlets and agencies of our own data (src/core/data/publishers.json, credits.json): "NBC News",
  // "Sky News", "Associated Press", known names whether or not the LM has them as collocations.
  const own = ownNames();
  for (const name of own) if (!candidates.has(name)) candidates.set(name, 'own');

  // Keep names that occur in news-like text and that a spinner can damage.
  const kept = [];
  const bySource = { wordnet: 0, sphinx: 0, own: 0 };
  for (const [name, source] of candidates) {
    if (!/^[a-z][a-z'. ]*$/.test(name)) continue;
    const ws = name.split(' ');
    if (source === 'own') {
      if (ws.length > 1 && ws.some((w) => !STOP.has(w) && originals.has(w))) {
        kept.push(name);
        bySource.own++;
      }
      continue;
    }
    if (ws.length === 1) {
      // A dotted abbreviation: the spinner mangles the letters it reads as words (U.K. -> U.Ok.).
      if (!originals.has(name)) continue;
    } else {
      if (!ws.every((w) => id.has(w))) continue;
      if (STOP.has(ws[0]) || STOP.has(ws[ws.length - 1])) continue;
      let attested = true;
      for (let k = 1; k < ws.length && attested; k++) if (bigramIndex(ws[k - 1], ws[k]) === undefined) attested = false;
      if (!attested) continue;
      if (!ws.some((w) => !STOP.has(w) && originals.has(w))) continue;
    }
    kept.push(name);
    bySource[source]++;
  }
  kept.sort();
  const text = `UNM1\n${kept.join('\n')}\n`;
  const bin = Buffer.from(text, 'latin1');
  return {
    bin,
    stats: {
      names: kept.length,
      wordnet: bySource.wordnet,
      sphinx: bySource.sphinx,
      own: bySource.own,
      sphinxConsidered: fromSphinx,
      heads: headSet.size,
      params,
    },
  };
}

/** Multiword outlet and agency names of src/core/data (lowercase, without a leading "the", hyphens as spaces). */
function ownNames() {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/data', f), 'utf8'));
  const publishers = read('publishers.json').publishers;
  const credits = read('credits.json');
  const out = new Set();
  for (const n of [...publishers.flatMap((p) => [p.name, ...p.names]), ...credits.agencies]) {
    const name = n
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/-/g, ' ');
    if (name.includes(' ')) out.add(name);
  }
  return out;
}

/** The manifest entry of the names asset. */
export function namesManifestEntry(names, gz) {
  return {
    format: 'UNM1 (see scripts/data/build-names.mjs, src/core/names.ts)',
    bytes: gz.length,
    rawBytes: names.bin.length,
    sha256: sha256(gz),
    stats: names.stats,
    sources: [SOURCES.wordnet, SOURCES.sphinx],
  };
}

// Standalone: node scripts/data/build-names.mjs (reads the channel from public/data, updates the manifest).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { readSphinxLM } = await import('./sphinx-lm.mjs');
  const { loadCore, readAsset } = await import('./load-core.mjs');
  const sphinx = readSphinxLM(requireDebianFile(SOURCES.sphinx.file, SOURCES.sphinx.name));
  const core = await loadCore();
  const channel = core.decodeChannel(readAsset('channel.bin.gz'), core.decodeLanguageModel(readAsset('lm.bin.gz')));
  const originals = new Set(channel.keys().flatMap((k) => (channel.lookup(k) ?? []).map((c) => c.original)));
  const names = buildNames(sphinx, originals);
  const gz = gzip(names.bin);
  fs.writeFileSync(path.join(OUT, 'names.txt.gz'), gz);
  const manifestFile = path.join(OUT, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.assets['names.txt.gz'] = namesManifestEntry(names, gz);
  manifest.totalBytes = Object.values(manifest.assets).reduce((s, a) => s + a.bytes, 0);
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`names: ${names.stats.names} (${names.stats.wordnet} WordNet, ${names.stats.sphinx} sphinx), ${gz.length} B gz`);
}
