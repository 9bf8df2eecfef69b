/**
 * Channel model of the spinner: spun form -> candidate originals with log10 P(spun | original)
 * (public/data/channel.bin.gz, built by scripts/data/build-channel.mjs). Pure TypeScript: takes the
 * already-gunzipped bytes.
 *
 * Keys and originals are lowercase ASCII, words joined by one space, apostrophe ' ("1000's").
 */
import { type AsciiStrings, ByteReader, StringIndex, VarintCursor } from './lm';

export interface ChannelCandidate {
  readonly original: string;
  readonly logProb: number;
  /**
   * Where the swap comes from. `credit`: a swap believed only inside a known name in a known shape,
   * a rare swap of a photo-credit word ("exposure" for "photograph") or an ordinary-word swap a
   * spinner makes inside institutions' names ("division" for "department"): the credit-line matcher
   * and the names pass read it, the decoder never does.
   */
  readonly source: 'spinner' | 'wordnet' | 'thesaurus' | 'credit';
}

export interface ChannelModel {
  readonly maxSpunWords: number;
  lookup(spun: string): readonly ChannelCandidate[] | undefined;
  isPrefix(spunWords: string): boolean;
  /** The id of a spun form or key prefix, or -1: one hash for both questions below (the decoder's hot path). */
  find(spunWords: string): number;
  candidatesOf(id: number): readonly ChannelCandidate[] | undefined;
  isPrefixId(id: number): boolean;
}

const SOURCES: readonly ChannelCandidate['source'][] = ['spinner', 'wordnet', 'thesaurus', 'credit'];

class CompactChannel implements ChannelModel {
  readonly maxSpunWords: number;
  private readonly strings: AsciiStrings;
  private readonly index: StringIndex;
  /** per string id: key index, or -1 */
  private readonly keyOfString: Int32Array;
  /** per string id: 1 when some longer key starts with this string + " " */
  private readonly prefixFlag: Uint8Array;
  private readonly offsets: Uint32Array;
  private readonly origLo: Uint8Array;
  private readonly origHi: Uint8Array;
  private readonly codes: Uint8Array;
  private readonly codebook: Float32Array;
  private readonly cache: (readonly ChannelCandidate[] | undefined)[];

  constructor(bytes: Uint8Array) {
    const r = new ByteReader(bytes);
    r.magic('UCH1');
    const nStrings = r.u32();
    const nKeys = r.u32();
    const nPrefixes = r.u32();
    const nEdges = r.u32();
    this.maxSpunWords = r.u8();
    this.codebook = r.f32Array(64);
    this.strings = r.asciiStrings(nStrings);
    if (this.strings.count !== nStrings) throw new Error('channel: string count mismatch');
    const b = r.bytes;
    const n = b.length;
    const cur = new VarintCursor(b, r.pos);
    const keys = cur.ascending(nKeys, nStrings, 'channel: key id', true);
    const prefixes = cur.ascending(nPrefixes, nStrings, 'channel: prefix id', true);
    // Per-string tables (0.4 MB, built in well under a millisecond): the decoder asks them a few
    // thousand times per page, where a binary search would cost more than building them.
    const indexed = new Uint32Array(nKeys + nPrefixes);
    indexed.set(keys);
    const keyOfString = new Int32Array(nStrings).fill(-1);
    for (let k = 0; k < nKeys; k++) keyOfString[keys[k] as number] = k;
    const prefixFlag = new Uint8Array(nStrings);
    let extra = 0;
    for (let k = 0; k < nPrefixes; k++) {
      const sid = prefixes[k] as number;
      prefixFlag[sid] = 1;
      if ((keyOfString[sid] as number) < 0) indexed[nKeys + extra++] = sid;
    }
    this.keyOfString = keyOfString;
    this.prefixFlag = prefixFlag;
    this.index = new StringIndex(this.strings, indexed.subarray(0, nKeys + extra));
    this.offsets = new Uint32Array(nKeys + 1);
    if (cur.counts(nKeys, this.offsets) !== nEdges) throw new Error('channel: edge count mismatch');
    const p = cur.pos;
    if (p + 3 * nEdges > n) throw new Error('unexpected end of data');
    this.origLo = b.subarray(p, p + nEdges);
    this.origHi = b.subarray(p + nEdges, p + 2 * nEdges);
    this.codes = b.subarray(p + 2 * nEdges, p + 3 * nEdges);
    this.cache = new Array<readonly ChannelCandidate[] | undefined>(nKeys);
  }

  find(spunWords: string): number {
    return this.index.get(spunWords);
  }

  isPrefixId(id: number): boolean {
    return id >= 0 && this.prefixFlag[id] === 1;
  }

  lookup(spun: string): readonly ChannelCandidate[] | undefined {
    return this.candidatesOf(this.index.get(spun));
  }

  candidatesOf(sid: number): readonly ChannelCandidate[] | undefined {
    if (sid < 0) return undefined;
    const k = this.keyOfString[sid] ?? -1;
    if (k < 0) return undefined;
    const hit = this.cache[k];
    if (hit !== undefined) return hit;
    const start = this.offsets[k] ?? 0;
    const end = this.offsets[k + 1] ?? 0;
    const list: ChannelCandidate[] = [];
    for (let e = start; e < end; e++) {
      const code = this.codes[e] ?? 0;
      const orig = (this.origLo[e] ?? 0) | ((this.origHi[e] ?? 0) << 8);
      list.push(
        Object.freeze({
          original: this.strings.get(orig),
          logProb: this.codebook[code >> 2] ?? -99,
          source: SOURCES[code & 3] ?? 'thesaurus',
        }),
      );
    }
    const frozen = Object.freeze(list);
    this.cache[k] = frozen;
    return frozen;
  }

  isPrefix(spunWords: string): boolean {
    return this.isPrefixId(this.index.get(spunWords));
  }
}

export function decodeChannel(bytes: Uint8Array): ChannelModel {
  return new CompactChannel(bytes);
}

/**
 * A ChannelModel from plain lookups (tests and small tables): ids are handed out per string as it
 * is asked for.
 */
export function channelFrom(base: Pick<ChannelModel, 'maxSpunWords' | 'lookup' | 'isPrefix'>): ChannelModel {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  return {
    maxSpunWords: base.maxSpunWords,
    lookup: (spun) => base.lookup(spun),
    isPrefix: (spun) => base.isPrefix(spun),
    find(spun) {
      if (base.lookup(spun) === undefined && !base.isPrefix(spun)) return -1;
      let id = ids.get(spun);
      if (id === undefined) {
        id = strings.push(spun) - 1;
        ids.set(spun, id);
      }
      return id;
    },
    candidatesOf: (id) => (id < 0 ? undefined : base.lookup(strings[id] ?? '')),
    isPrefixId: (id) => id >= 0 && base.isPrefix(strings[id] ?? ''),
  };
}
