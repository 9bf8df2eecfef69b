// The peers' lexicons. The engine exposes neither, so they are read from the project's files:
// - the spinner table (data/spinner/*.tsv): its spun forms, what a naive detector would look for;
// - the channel's keys (public/data/channel.bin.gz): every spun form the engine's channel model
//   knows (WordNet, Moby, the spinner table), read straight from the asset's UCH1 header and
//   string table (format: src/core/channel.ts), without touching the engine.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);

/** Spun forms of the spinner table, deduplicated. */
export function spinnerLexicon() {
  const spun = ['data/spinner/seed-pairs.tsv', 'data/spinner/known-swaps.tsv'].flatMap((f) =>
    readFileSync(new URL(f, root), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[1])
      .filter(Boolean),
  );
  return [...new Set(spun)];
}

/** Every key (spun form, lowercase, 1–5 words) of the channel model in public/data/channel.bin.gz. */
export function channelLexicon() {
  const b = gunzipSync(readFileSync(new URL('public/data/channel.bin.gz', root)));
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.toString('latin1', 0, 4) !== 'UCH1') throw new Error('channel.bin: bad magic');
  const nStrings = view.getUint32(4, true);
  const nKeys = view.getUint32(8, true);
  // u32 nPrefixes, u32 nEdges, u8 maxSpunWords, f32[64] codebook, then u32 length + "\n"-separated strings.
  let p = 4 + 4 * 4 + 1 + 64 * 4;
  const len = view.getUint32(p, true);
  p += 4;
  const strings = b.toString('latin1', p, p + len).split('\n');
  if (strings.length !== nStrings) throw new Error('channel.bin: string count mismatch');
  p += len;
  // Key string ids follow as delta-coded varints.
  const keys = new Array(nKeys);
  let sid = 0;
  for (let k = 0; k < nKeys; k++) {
    let v = 0;
    let mul = 1;
    for (;;) {
      const x = b[p++];
      v += (x & 0x7f) * mul;
      if (x < 0x80) break;
      mul *= 128;
    }
    sid += v;
    keys[k] = strings[sid];
  }
  return keys;
}
