/**
 * Word vectors (public/data/vectors.bin.gz, built by scripts/data/build-vectors.mjs from GloVe's newswire
 * vectors): a few dimensions per content word of the language model, for the decoder's topic term
 * (topic.ts). Rows are indexed by LM id, so the asset is built with the language model and checked
 * against its vocabulary size here. Pure TypeScript: takes the already-gunzipped bytes.
 */
import { ByteReader } from './lm';

export interface WordVectors {
  readonly dims: number;
  /** Unit-length rows, `dims` numbers each. */
  readonly data: Float32Array;
  /** The row of LM word `id` (its first number is at row × dims), or -1: function words and rare words have none. */
  row(id: number): number;
}

export function decodeVectors(bytes: Uint8Array, lmSize?: number): WordVectors {
  const r = new ByteReader(bytes);
  r.magic('UVC1');
  const vocab = r.u32();
  if (lmSize !== undefined && vocab !== lmSize) {
    throw new Error(`word vectors were built for a language model of ${vocab} words, not ${lmSize}: run npm run data`);
  }
  const first = r.u32();
  const count = r.u32();
  const dims = r.u8();
  const bits = r.u8();
  if (bits !== 4 || dims % 2 !== 0) throw new Error(`unsupported word vectors: ${dims} dimensions of ${bits} bits`);
  const lo: number[] = [];
  const step: number[] = [];
  for (let d = 0; d < dims; d++) lo.push(r.f32());
  for (let d = 0; d < dims; d++) step.push(r.f32());
  const rowOf = new Int32Array(count).fill(-1);
  let rows = 0;
  for (let k = 0; k < count; k++) {
    if (((bytes[r.pos + (k >> 3)] as number) >> (k & 7)) & 1) rowOf[k] = rows++;
  }
  r.pos += Math.ceil(count / 8);
  if (r.pos + (rows * dims) / 2 > bytes.length) throw new Error('unexpected end of data');
  const data = new Float32Array(rows * dims);
  for (let row = 0; row < rows; row++) {
    const at = row * dims;
    let norm = 0;
    for (let d = 0; d < dims; d += 2) {
      const b = bytes[r.pos++] as number;
      const x = (lo[d] as number) + (b & 15) * (step[d] as number);
      const y = (lo[d + 1] as number) + (b >> 4) * (step[d + 1] as number);
      data[at + d] = x;
      data[at + d + 1] = y;
      norm += x * x + y * y;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) data[at + d] = (data[at + d] as number) * scale;
  }
  return {
    dims,
    data,
    row: (id) => (id >= first && id < first + count ? (rowOf[id - first] as number) : -1),
  };
}
