// Reader for the CMU Sphinx binary trie LM (pocketsphinx-en-us en-us.lm.bin).
// Layout (see shared/docs/language-resources.md §3): "Trie Language Model", u8 order, u32 counts[3],
// i32 quant type, float32[65536] tables (bigram prob, bigram backoff, trigram prob), unigrams
// {f32 prob, f32 backoff, u32 next} x (n1+1), 70-bit bigram entries (word 17 | backoff 16 | prob 16 | next 21),
// 33-bit trigram entries, u32 length + NUL-separated words. Values are log base 1.0001.
// The trie is reversed: bigram entries stored under unigram X with word Y are "Y X" (P(X | Y)).
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
  const readBits = (bit, n) => {
    const p = biOff + (bit >>> 3);
    const sh = bit & 7;
    const v = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
    return Math.floor(v / 2 ** sh) % 2 ** n;
  };
  // Bigrams as parallel arrays: prev (context), word, log10 prob.
  const biPrev = new Uint32Array(n2);
  const biWord = new Uint32Array(n2);
  const biProb = new Float32Array(n2);
  for (let x = 0; x < n1; x++) {
    for (let i = uniNext[x]; i < uniNext[x + 1]; i++) {
      const bit = i * 70;
      biPrev[i] = readBits(bit, 17);
      biWord[i] = x;
      biProb[i] = biProbTable(readBits(bit + 33, 16));
    }
  }
  return { words, uniProb, uniBackoff, n2, n3, biPrev, biWord, biProb };
}
