/**
 * Compact backoff language model (public/data/lm.bin.gz, built by scripts/data/build-lm.mjs from the
 * CMU Sphinx en-us 3-gram LM): unigrams, pruned bigrams and, when the asset has them, pruned trigrams.
 * Pure TypeScript: takes the already-gunzipped bytes.
 *
 * Words are lowercase forms with ASCII apostrophes ("don't", "it's", "'s"). Log-probs are log10.
 */

export interface LanguageModel {
  readonly size: number;
  readonly unkLogProb: number;
  id(word: string): number;
  word(id: number): string;
  unigram(id: number): number;
  bigram(prev: number, id: number): number;
  /**
   * log10 P(w | p2 p1) with Katz backoff: the stored trigram if present, else backoff2(p2,p1) + bigram(p1, w).
   * Any id may be -1 (unknown); p2 may be startId. backoff2 is 0 for contexts without stored trigrams, so
   * trigram(p2, p1, w) === bigram(p1, w) for them (and always when p2 or p1 is unknown, or !hasTrigrams).
   */
  trigram(p2: number, p1: number, id: number): number;
  /** false for an asset without the trigram section; trigram() then equals bigram(p1, id) */
  readonly hasTrigrams: boolean;
  startId: number;
  endId: number;
}

interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
type Utf8DecoderCtor = new (label?: string) => Utf8Decoder;
const NativeTextDecoder = (globalThis as unknown as { TextDecoder?: Utf8DecoderCtor }).TextDecoder;
let nativeDecoder: Utf8Decoder | undefined;

/**
 * Decode UTF-8 bytes. Uses the WHATWG TextDecoder when the host has one (browsers, Node, workers all do)
 * and falls back to a small pure decoder otherwise.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (NativeTextDecoder !== undefined) {
    nativeDecoder ??= new NativeTextDecoder('utf-8');
    return nativeDecoder.decode(bytes.subarray(start, end));
  }
  const parts: string[] = [];
  const codes: number[] = [];
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | (((bytes[i + 1] ?? 0) & 0x3f) << 12) | (((bytes[i + 2] ?? 0) & 0x3f) << 6) | ((bytes[i + 3] ?? 0) & 0x3f);
      i += 4;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      codes.push(cp);
    }
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes.length = 0;
    }
  }
  if (codes.length > 0) parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

/**
 * A table of ASCII strings kept as bytes ("\n"-separated) and turned into JS strings only on demand,
 * so decoding costs one byte scan instead of 10^5 string allocations.
 */
export class AsciiStrings {
  readonly count: number;
  private readonly starts: Uint32Array;
  /** AsciiStrings.hash of each string, computed in the same scan as the starts */
  private readonly hashes: Uint32Array;
  private readonly cache: (string | undefined)[];
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    end: number,
    expectedCount: number,
  ) {
    const starts = new Uint32Array(expectedCount + 1);
    const hashes = new Uint32Array(expectedCount);
    const k = end > start ? scanStrings(bytes, start, end, starts, hashes) : 0;
    if (k !== expectedCount) throw new Error('string table: count mismatch');
    starts[k] = end + 1;
    this.count = k;
    this.starts = starts;
    this.hashes = hashes;
    this.cache = new Array<string | undefined>(k);
  }
  /** FNV-1a hash of string i (the same as AsciiStrings.hash of its text). */
  hashAt(i: number): number {
    return this.hashes[i] as number;
  }
  get(i: number): string {
    const hit = this.cache[i];
    if (hit !== undefined) return hit;
    if (i < 0 || i >= this.count) return '';
    const a = this.starts[i] ?? 0;
    const b = (this.starts[i + 1] ?? 0) - 1;
    let s = '';
    for (let k = a; k < b; k++) s += String.fromCharCode(this.bytes[k] ?? 0);
    this.cache[i] = s;
    return s;
  }
  equals(i: number, s: string): boolean {
    const a = this.starts[i] ?? 0;
    const b = (this.starts[i + 1] ?? 0) - 1;
    if (b - a !== s.length) return false;
    const bytes = this.bytes;
    for (let k = 0; k < s.length; k++) if (bytes[a + k] !== s.charCodeAt(k)) return false;
    return true;
  }
  static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }
}

/**
 * One pass over the "\n"-separated strings in bytes[start, end) (end > start): the start of each in
 * `starts` and its AsciiStrings.hash in `hashes`. Returns the number of strings. A plain byte loop,
 * optimised while it runs, beats an indexOf call per string plus a second pass to hash them.
 */
function scanStrings(bytes: Uint8Array, start: number, end: number, starts: Uint32Array, hashes: Uint32Array): number {
  const max = hashes.length;
  if (max === 0) throw new Error('string table: too many strings');
  let k = 0;
  let h = 0x811c9dc5;
  starts[0] = start;
  for (let i = start; i < end; i++) {
    const x = bytes[i] as number;
    if (x === 10) {
      if (k + 1 >= max) throw new Error('string table: too many strings');
      hashes[k] = (h ^ (h >>> 15)) >>> 0;
      starts[++k] = i + 1;
      h = 0x811c9dc5;
    } else {
      h = Math.imul(h ^ x, 0x01000193);
    }
  }
  hashes[k] = (h ^ (h >>> 15)) >>> 0;
  return k + 1;
}

/** Read-only string -> string id hash table (open addressing) over some or all strings of an AsciiStrings. */
export class StringIndex {
  private readonly table: Int32Array;
  private readonly mask: number;
  constructor(
    private readonly strings: AsciiStrings,
    ids?: Uint32Array,
  ) {
    const n = ids ? ids.length : strings.count;
    let size = 1024;
    while (size < n * 2) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let k = 0; k < n; k++) {
      const id = ids ? (ids[k] as number) : k;
      let h = strings.hashAt(id) & mask;
      while ((table[h] as number) !== -1) h = (h + 1) & mask;
      table[h] = id;
    }
    this.table = table;
    this.mask = mask;
  }
  /** string id, or -1 */
  get(s: string): number {
    let h = AsciiStrings.hash(s) & this.mask;
    for (;;) {
      const id = this.table[h] ?? -1;
      if (id === -1) return -1;
      if (this.strings.equals(id, s)) return id;
      h = (h + 1) & this.mask;
    }
  }
}

/** Little-endian reader over a byte array. */
export class ByteReader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8(): number {
    if (this.pos >= this.bytes.length) throw new Error('unexpected end of data');
    return this.bytes[this.pos++] ?? 0;
  }
  u32(): number {
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(): number {
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f32(): number {
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }
  magic(expected: string): void {
    for (let k = 0; k < expected.length; k++) {
      if (this.u8() !== expected.charCodeAt(k)) throw new Error(`bad magic: expected ${expected}`);
    }
  }
  /** u32 byte length + ASCII strings separated by "\n" */
  asciiStrings(count: number): AsciiStrings {
    const len = this.u32();
    if (this.pos + len > this.bytes.length) throw new Error('unexpected end of data');
    const t = new AsciiStrings(this.bytes, this.pos, this.pos + len, count);
    this.pos += len;
    return t;
  }
  /** u32 byte length + UTF-8 text */
  text(): string {
    const len = this.u32();
    if (this.pos + len > this.bytes.length) throw new Error('unexpected end of data');
    const s = decodeUtf8(this.bytes, this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
  f32Array(n: number): Float32Array {
    const a = new Float32Array(n);
    for (let k = 0; k < n; k++) a[k] = this.f32();
    return a;
  }
}

/**
 * `n` LEB128 varints from bytes[pos] into out[at .. at + n). Returns the position after them. Every
 * section of both assets goes through this one small loop, so V8 optimises it during the first big
 * section and a cold start spends little time decoding in the interpreter.
 */
function readVarints(bytes: Uint8Array, pos: number, n: number, out: Uint32Array, at: number): number {
  const len = bytes.length;
  let p = pos;
  for (let k = at, end = at + n; k < end; k++) {
    if (p >= len) throw new Error('unexpected end of data');
    let x = bytes[p++] as number;
    let v = x & 0x7f;
    let mul = 128;
    while (x >= 0x80) {
      if (p >= len) throw new Error('unexpected end of data');
      x = bytes[p++] as number;
      v += (x & 0x7f) * mul;
      mul *= 128;
    }
    out[k] = v;
  }
  return p;
}

/** Varint decoding for the assets' big sections: raw values first (readVarints), then sums. */
export class VarintCursor {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  /** `n` counts as running totals: out[i] = sum of the counts before i, out[n] = the sum. Returns the sum. */
  counts(n: number, out: Uint32Array): number {
    this.pos = readVarints(this.bytes, this.pos, n, out, 1);
    out[0] = 0;
    let total = 0;
    for (let i = 1; i <= n; i++) {
      total += out[i] as number;
      out[i] = total;
    }
    return total;
  }

  /** `n` ascending values, delta-coded, each below `limit` (and each above the one before when `strictly`). */
  ascending(n: number, limit: number, what: string, strictly = false): Uint32Array {
    const out = new Uint32Array(n);
    this.pos = readVarints(this.bytes, this.pos, n, out, 0);
    let v = 0;
    for (let k = 0; k < n; k++) {
      const d = out[k] as number;
      if (strictly && d === 0 && k > 0) throw new Error(`${what}: repeated value`);
      v += d;
      if (v >= limit) throw new Error(`${what}: value out of range`);
      out[k] = v;
    }
    return out;
  }
}

/**
 * Lists delimited by `starts` (n lists) of ascending values below `limit`, as gap planes at bytes[pos]:
 * the low bytes of every gap, then the high bytes (each gap from the value before it in its list, the first
 * from 0; scripts/data/build-lm.mjs). Returns the position after them. Two plain byte reads a value: no
 * varint's branch per byte on a cold start.
 */
function readGapPlanes(
  bytes: Uint8Array,
  pos: number,
  starts: Uint32Array,
  n: number,
  limit: number,
  out: Uint32Array,
  what: string,
): number {
  const first = starts[0] as number;
  const total = (starts[n] as number) - first;
  if (pos + 2 * total > bytes.length) throw new Error('unexpected end of data');
  const hi = pos + total - first;
  const lo = pos - first;
  for (let i = 0; i < n; i++) {
    let v = 0;
    const end = starts[i + 1] as number;
    for (let k = starts[i] as number; k < end; k++) {
      v += (bytes[lo + k] as number) | ((bytes[hi + k] as number) << 8);
      out[k] = v;
    }
    if (end > (starts[i] as number) && v >= limit) throw new Error(`${what}: value out of range`);
  }
  return pos + 2 * total;
}

/** Position of `key` in the ascending run sorted[from, to), or -1. */
function indexInSorted(sorted: Uint32Array, from: number, to: number, key: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid] as number;
    if (x < key) lo = mid + 1;
    else if (x > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const MEMO_BITS = 16;
const MEMO_SIZE = 1 << MEMO_BITS;
const MEMO_SHIFT = 32 - MEMO_BITS;

class CompactLM implements LanguageModel {
  readonly size: number;
  readonly unkLogProb: number;
  readonly startId: number;
  readonly endId: number;
  private readonly words: AsciiStrings;
  private readonly ids: StringIndex;
  /** unigram and backoff codes (views into the asset bytes) and their codebooks: value = book[code] */
  private readonly uniCode: Uint8Array;
  private readonly uniBook: Float32Array;
  private readonly boCode: Uint8Array;
  private readonly boBook: Float32Array;
  private readonly offsets: Uint32Array;
  private readonly next: Uint32Array;
  /** bigram gain codes (a view into the asset bytes) and their codebook */
  private readonly gainCode: Uint8Array;
  private readonly gainBook: Float32Array;
  readonly hasTrigrams: boolean;
  /** the stored bigrams (p2, p1) that are trigram contexts, ascending: context c is contexts[c] */
  private readonly contexts: Uint32Array;
  /** backoff2(p2, p1) per context */
  private readonly ctxBoCode: Uint8Array;
  private readonly ctxBoBook: Float32Array;
  /**
   * trigrams of context c: triW[triStart[c] .. triStart[c + 1]) sorted ascending; triW is the position of the
   * bigram (p1, w) within p1's bigram list; triGain is the gain over the backoff estimate
   */
  private readonly triStart: Uint32Array;
  private readonly triW: Uint32Array;
  private readonly triGainCode: Uint8Array;
  private readonly triGainBook: Float32Array;

  constructor(bytes: Uint8Array) {
    const r = new ByteReader(bytes);
    r.magic('ULM2');
    const V = r.u32();
    const nB = r.u32();
    this.size = V;
    this.memoExact = V ** 3 < 2 ** 53;
    this.unkLogProb = r.f32();
    this.startId = r.i32();
    this.endId = r.i32();
    const uniBook = r.f32Array(256);
    const boBook = r.f32Array(256);
    const gainBook = r.f32Array(256);
    this.words = r.asciiStrings(V);
    if (this.words.count !== V) throw new Error('lm: vocabulary size mismatch');
    this.ids = new StringIndex(this.words);
    const b = r.bytes;
    let p = r.pos;
    if (p + 2 * V > b.length) throw new Error('unexpected end of data');
    // like the gain codes, unigram and backoff codes stay bytes: no per-word work at load
    this.uniCode = b.subarray(p, p + V);
    this.uniBook = uniBook;
    this.boCode = b.subarray(p + V, p + 2 * V);
    this.boBook = boBook;
    p += 2 * V;
    const n = b.length;
    const cur = new VarintCursor(b, p);
    this.offsets = new Uint32Array(V + 1);
    if (cur.counts(V, this.offsets) !== nB) throw new Error('lm: bigram count mismatch');
    this.next = new Uint32Array(nB);
    p = readGapPlanes(b, cur.pos, this.offsets, V, V, this.next, 'lm: bigram');
    if (p + nB > b.length) throw new Error('unexpected end of data');
    // codes stay bytes (no per-entry decode work): value = book[code]
    this.gainCode = b.subarray(p, p + nB);
    this.gainBook = gainBook;
    p += nB;

    // Optional trigram section: "TRI2" u32 nC u32 nT f32[256] backoff codebook f32[256] gain codebook,
    // varint[nC] contexts as ascending indices of the bigram (p2, p1) (delta-coded), u8[nC] backoff codes,
    // varint[nC] trigrams per context, the gap planes of the positions of the bigram (p1, w) in p1's list
    // (gaps within a context), u8[nT] gain codes.
    if (p === n) {
      this.hasTrigrams = false;
      this.contexts = new Uint32Array(0);
      this.ctxBoCode = new Uint8Array(0);
      this.ctxBoBook = new Float32Array(256);
      this.triStart = new Uint32Array(1);
      this.triW = new Uint32Array(0);
      this.triGainCode = new Uint8Array(0);
      this.triGainBook = new Float32Array(256);
      return;
    }
    r.pos = p;
    r.magic('TRI2');
    const nC = r.u32();
    const nT = r.u32();
    const ctxBoBook = r.f32Array(256);
    const triBook = r.f32Array(256);
    cur.pos = r.pos;
    const contexts = cur.ascending(nC, nB, 'lm: trigram context', true);
    p = cur.pos;
    if (p + nC > n) throw new Error('unexpected end of data');
    const ctxBoCode = b.subarray(p, p + nC);
    cur.pos = p + nC;
    const triStart = new Uint32Array(nC + 1);
    if (cur.counts(nC, triStart) !== nT) throw new Error('lm: trigram count mismatch');
    const triW = new Uint32Array(nT);
    p = readGapPlanes(b, cur.pos, triStart, nC, nB, triW, 'lm: trigram');
    if (p + nT > n) throw new Error('unexpected end of data');
    const triGainCode = b.subarray(p, p + nT);
    p += nT;
    if (p !== n) throw new Error('lm: trailing data');
    this.hasTrigrams = nT > 0;
    this.contexts = contexts;
    this.ctxBoCode = ctxBoCode;
    this.ctxBoBook = ctxBoBook;
    this.triStart = triStart;
    this.triW = triW;
    this.triGainCode = triGainCode;
    this.triGainBook = triBook;
  }

  id(word: string): number {
    return this.ids.get(word);
  }

  word(id: number): string {
    return id >= 0 && id < this.size ? this.words.get(id) : '<unk>';
  }

  unigram(id: number): number {
    return id < 0 || id >= this.size ? this.unkLogProb : this.uniAt(id);
  }

  bigram(prev: number, id: number): number {
    const known = id >= 0 && id < this.size;
    if (prev < 0 || prev >= this.size) return known ? this.uniAt(id) : this.unkLogProb;
    if (!known) return this.boAt(prev) + this.unkLogProb;
    return this.bigramAt(prev, id, this.bigramIndex(prev, id));
  }

  /** log10 P(id) of a valid id */
  private uniAt(id: number): number {
    return this.uniBook[this.uniCode[id] as number] as number;
  }

  /** backoff weight of a valid id */
  private boAt(id: number): number {
    return this.boBook[this.boCode[id] as number] as number;
  }

  /** index of the stored bigram (prev, id) in next/gain, or -1; both ids must be valid */
  private bigramIndex(prev: number, id: number): number {
    return indexInSorted(this.next, this.offsets[prev] ?? 0, this.offsets[prev + 1] ?? 0, id);
  }

  /** log10 P(id | prev) for known ids, given the index of their stored bigram (or -1). */
  private bigramAt(prev: number, id: number, k: number): number {
    return this.boAt(prev) + this.uniAt(id) + (k < 0 ? 0 : (this.gainBook[this.gainCode[k] ?? 0] ?? 0));
  }

  /**
   * Decoding asks for the same few trigrams again and again (every beam state, both passes, the
   * pooling step): a direct-mapped memo of recent answers saves their three binary searches. Each
   * slot holds its key (the three ids as one exact number: 3 × 17 bits fit a double) next to its
   * value, so a probe touches one cache line; the memo outgrows the L2 cache and misses cost.
   */
  private readonly memo = new Float64Array(MEMO_SIZE * 2).fill(-1);
  /** The packed key is exact only while size³ stays below 2^53 (a vocabulary under 208k words). */
  private readonly memoExact: boolean;

  trigram(p2: number, p1: number, id: number): number {
    const size = this.size;
    if (p2 < 0 || p2 >= size || p1 < 0 || p1 >= size) return this.bigram(p1, id);
    // Katz: an unknown word after a stored context still pays that context's backoff.
    if (id < 0 || id >= size) return this.contextBackoff(this.contextOf(p2, p1)) + this.bigram(p1, id);
    if (!this.memoExact) return this.trigramUncached(p2, p1, id);
    const slot = (Math.imul(p2, 0x9e3779b1) ^ Math.imul(p1, 0x85ebca6b) ^ Math.imul(id, 0xc2b2ae35)) >>> MEMO_SHIFT;
    const key = (p2 * size + p1) * size + id;
    const memo = this.memo;
    const at = slot * 2;
    if (memo[at] === key) return memo[at + 1] as number;
    const value = this.trigramUncached(p2, p1, id);
    memo[at] = key;
    memo[at + 1] = value;
    return value;
  }

  private ctxOf: RankedBits | null = null;
  /** The trigram context (p2, p1) is, or -1 when it has no stored trigrams (the table is built on the first trigram asked). */
  private contextOf(p2: number, p1: number): number {
    // the context (p2, p1) is a stored bigram when it has trigrams
    const g = this.bigramIndex(p2, p1);
    if (g < 0) return -1;
    this.ctxOf ??= new RankedBits(this.contexts, this.next.length);
    return this.ctxOf.rank(g);
  }

  /** bo(p2 p1) of context c: the log10 weight of backing off from its stored trigrams; 0 without any (c = -1). */
  private contextBackoff(c: number): number {
    return c < 0 ? 0 : (this.ctxBoBook[this.ctxBoCode[c] ?? 0] ?? 0);
  }

  private trigramUncached(p2: number, p1: number, id: number): number {
    const c = this.contextOf(p2, p1);
    const bi = this.bigramIndex(p1, id);
    const bigram = this.bigramAt(p1, id, bi);
    if (c < 0) return bigram;
    const base = this.contextBackoff(c) + bigram;
    if (bi < 0) return base;
    // trigrams are keyed by the position of their bigram within p1's bigram list
    const k = bi - (this.offsets[p1] ?? 0);
    const t = indexInSorted(this.triW, this.triStart[c] ?? 0, this.triStart[c + 1] ?? 0, k);
    return t < 0 ? base : base + (this.triGainBook[this.triGainCode[t] ?? 0] ?? 0);
  }
}

/**
 * A set of positions in [0, size) given in ascending order, answering "which member is g?" with a
 * bit per position and a running count per 32 bits: 1/16 of the memory of a table with an entry per
 * position (the LM's trigram contexts: 130 KB + 130 KB for a million bigrams instead of 4 MB), and
 * about as fast.
 */
export class RankedBits {
  private readonly bits: Uint32Array;
  private readonly before: Uint32Array;
  constructor(members: Uint32Array, size: number) {
    const words = (size + 31) >>> 5;
    this.bits = new Uint32Array(words);
    this.before = new Uint32Array(words);
    // One pass over the ascending members, each word of bits written once and no popcount: it runs on a
    // cold start, in V8's interpreter, where every typed-array access counts (about 1 ms less there than a
    // pass per member and a popcount per word: first trigram 4–9 ms → 4–4.5 ms in fresh processes).
    const n = members.length;
    let m = 0;
    for (let w = 0; w < words; w++) {
      this.before[w] = m;
      let word = 0;
      while (m < n && (members[m] as number) >>> 5 === w) {
        word |= 1 << ((members[m] as number) & 31);
        m++;
      }
      this.bits[w] = word;
    }
  }

  /** The index of g among the members, or -1 when g is not one. */
  rank(g: number): number {
    const w = g >>> 5;
    const word = this.bits[w];
    if (word === undefined || ((word >>> (g & 31)) & 1) === 0) return -1;
    return (this.before[w] as number) + popcount(word & ~(-1 << (g & 31)));
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function decodeLanguageModel(bytes: Uint8Array): LanguageModel {
  return new CompactLM(bytes);
}
