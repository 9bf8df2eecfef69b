// Reader for the CMU Sphinx binary trie LM (pocketsphinx-en-us en-us.lm.bin).
// Layout (see shared/docs/language-resources.md §3): "Trie Language Model", u8 order, u32 counts[3],
// i32 quant type, float32[65536] tables (bigram prob, bigram backoff, trigram prob), unigrams
// {f32 prob, f32 backoff, u32 next} x (n1+1), 70-bit bigram entries (word 17 | backoff 16 | prob 16 | next 21),
// 33-bit trigram entries (word 17 | prob 16), u32 length + NUL-separated words. Values are log base 1.0001.
// The trie is reversed: bigram entries stored under unigram X with word Y are "Y X" (P(X | Y)); the backoff in
// that entry is bo("Y X"), the weight for contexts whose last two words are Y X. Trigram entries in the range
// [next_i, next_{i+1}) of that bigram entry with word Z are "Z Y X" (P(X | Z Y)), sorted by Z.
// Scoring (sphinxbase lm_trie.c): P(w | a b) = trigram if stored, else bo("a b") (0 when the bigram "a b" is
// absent) + P(w | b); P(w | b) = bigram if stored, else bo(b) + P(w).
import fs from 'node:fs';

const LOG10_BASE = Math.log10(1.0001);

export function readSphinxLM(file) {
  const b = fs.readFileSync(file);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.subarray(0, 19).toString('latin1') !== 'Trie Language Model') throw new Error('not a sphinx trie LM');
  const n1 = dv.getUint32(20, true);
  const n2 = dv.getUint32(24, true);
  const n3 = dv.getUint32(28, true);
  const tablesOff = 36;
  const biProbTable = (i) => dv.getFloat32(tablesOff + i * 4, true) * LOG10_BASE;
  const biBoTable = (i) => dv.getFloat32(tablesOff + (65536 + i) * 4, true) * LOG10_BASE;
  const triProbTable = (i) => dv.getFloat32(tablesOff + (2 * 65536 + i) * 4, true) * LOG10_BASE;
  const uniOff = tablesOff + 3 * 65536 * 4;
  const biOff = uniOff + (n1 + 1) * 12;
  const biBytes = Math.floor(((n2 + 1) * 70 + 7) / 8) + 8;
  const triBytes = Math.floor(((n3 + 1) * 33 + 7) / 8) + 8;
  const wOff = biOff + biBytes + triBytes;
  const wLen = dv.getUint32(wOff, true);
  if (wOff + 4 + wLen !== b.length) throw new Error('unexpected sphinx LM layout');
  const words = b
    .subarray(wOff + 4, wOff + 4 + wLen)
    .toString('utf8')
    .split('\0');
  words.pop();
  if (words.length !== n1) throw new Error('word count mismatch');

  const uniProb = new Float64Array(n1);
  const uniBackoff = new Float64Array(n1);
  const uniNext = new Uint32Array(n1 + 1);
  for (let i = 0; i <= n1; i++) {
    if (i < n1) {
      uniProb[i] = dv.getFloat32(uniOff + i * 12, true) * LOG10_BASE;
      uniBackoff[i] = dv.getFloat32(uniOff + i * 12 + 4, true) * LOG10_BASE;
    }
    uniNext[i] = dv.getUint32(uniOff + i * 12 + 8, true);
  }
  const readBits = (bit, n, base = biOff) => {
    const p = base + (bit >>> 3);
    const sh = bit & 7;
    const v = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
    return Math.floor(v / 2 ** sh) % 2 ** n;
  };
  // Bigrams as parallel arrays: prev (context), word, log10 prob, log10 backoff of the context "prev word",
  // and biNext: trigram index range [biNext[i], biNext[i+1]) of the trigrams "? prev word".
  const biPrev = new Uint32Array(n2);
  const biWord = new Uint32Array(n2);
  const biProb = new Float32Array(n2);
  const biBackoff = new Float32Array(n2);
  const biNext = new Uint32Array(n2 + 1);
  for (let x = 0; x < n1; x++) {
    for (let i = uniNext[x]; i < uniNext[x + 1]; i++) {
      const bit = i * 70;
      biPrev[i] = readBits(bit, 17);
      biWord[i] = x;
      biBackoff[i] = biBoTable(readBits(bit + 17, 16));
      biProb[i] = biProbTable(readBits(bit + 33, 16));
      biNext[i] = readBits(bit + 49, 21);
    }
  }
  // The header's bigram count exceeds the entries reachable from the unigrams by a few (6); the entry at
  // uniNext[n1] is the sentinel whose next field closes the last trigram range.
  const nb = uniNext[n1];
  biNext.fill(readBits(nb * 70 + 49, 21), nb);
  if (biNext[nb] !== n3) throw new Error(`trigram count mismatch: ${biNext[nb]} vs ${n3}`);
  // Trigrams: triFirst (the oldest context word a of "a b w"), log10 prob; b and w come from the owning bigram.
  const triOff = biOff + biBytes;
  const triFirst = new Uint32Array(n3);
  const triProb = new Float32Array(n3);
  for (let j = 0; j < n3; j++) {
    const bit = j * 33;
    triFirst[j] = readBits(bit, 17, triOff);
    triProb[j] = triProbTable(readBits(bit + 17, 16, triOff));
  }
  return { words, uniProb, uniBackoff, uniNext, n2, n3, biPrev, biWord, biProb, biBackoff, biNext, triFirst, triProb };
}
