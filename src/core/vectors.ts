/**
 * Word vectors (public/data/vectors.bin.gz, built by scripts/data/build-vectors.mjs from GloVe's newswire
 * vectors): a few dimensions per content word of the language model, for the decoder's topic term
 * (topic.ts). Rows are indexed by LM id, so the asset is built with the language model and checked
 * against its vocabulary size here. Pure TypeScript: takes the already-gunzipped bytes.
 */
import { ByteReader } from './lm';

export interface WordVectors {
  readonly dims: number;
  /** The row of LM word `id`, or -1: function words and rare words have none. */
  row(id: number): number;
  /** Adds the row's unit vector to `out[at .. at + dims)`. */
  addTo(row: number, out: Float64Array, at: number): void;
}

/**
 * The codes stay packed as shipped (two 4-bit codes a byte) and are read through a table of each byte's
 * two values per pair of dimensions; a row's length is computed the first time it is used. Decoding every
 * row at load took 10–15 ms of a cold start, for the few hundred rows a page uses, and only on spun pages.
 */
class PackedVectors implements WordVectors {
  private readonly norms: Float32Array;

  constructor(
    readonly dims: number,
    private readonly first: number,
    private readonly rowOf: Int32Array,
    private readonly codes: Uint8Array,
    /** per pair of dimensions, per byte value: the two values */
    private readonly table: Float32Array,
  ) {
    this.norms = new Float32Array(codes.length / (dims / 2)).fill(-1);
  }

  row(id: number): number {
    const k = id - this.first;
    return k >= 0 && k < this.rowOf.length ? (this.rowOf[k] as number) : -1;
  }

  addTo(row: number, out: Float64Array, at: number): void {
    const pairs = this.dims / 2;
    const from = row * pairs;
    let norm = this.norms[row] as number;
    if (norm < 0) {
      let sum = 0;
      for (let p = 0; p < pairs; p++) {
        const t = p * 512 + (this.codes[from + p] as number) * 2;
        sum += (this.table[t] as number) ** 2 + (this.table[t + 1] as number) ** 2;
      }
      norm = Math.sqrt(sum);
      this.norms[row] = norm;
    }
    if (norm === 0) return;
    const scale = 1 / norm;
    for (let p = 0; p < pairs; p++) {
      const t = p * 512 + (this.codes[from + p] as number) * 2;
      out[at + 2 * p] = (out[at + 2 * p] as number) + (this.table[t] as number) * scale;
      out[at + 2 * p + 1] = (out[at + 2 * p + 1] as number) + (this.table[t + 1] as number) * scale;
    }
  }
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
  if (bits !== 4 || dims % 2 !== 0 || dims === 0) throw new Error(`unsupported word vectors: ${dims} dimensions of ${bits} bits`);
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
  const size = (rows * dims) / 2;
  if (r.pos + size > bytes.length) throw new Error('unexpected end of data');
  const table = new Float32Array((dims / 2) * 512);
  for (let p = 0; p < dims / 2; p++) {
    for (let b = 0; b < 256; b++) {
      table[p * 512 + b * 2] = (lo[2 * p] as number) + (b & 15) * (step[2 * p] as number);
      table[p * 512 + b * 2 + 1] = (lo[2 * p + 1] as number) + (b >> 4) * (step[2 * p + 1] as number);
    }
  }
  return new PackedVectors(dims, first, rowOf, bytes.subarray(r.pos, r.pos + size), table);
}
