/**
 * Channel model of the spinner: spun form -> candidate originals with log10 P(spun | original)
 * (public/data/channel.bin.gz, built by scripts/data/build-channel.mjs). Pure TypeScript: takes the
 * already-gunzipped bytes and the language model built beside it, whose vocabulary holds most of the
 * channel's strings: the asset names those by their LM ids and stores only the others.
 *
 * Keys and originals are lowercase ASCII, words joined by one space, apostrophe ' ("1000's").
 */
import { type AsciiStrings, ByteReader, type LanguageModel, StringIndex, VarintCursor } from './lm';

export interface ChannelCandidate {
  readonly original: string;
  /** The original's LM id when it is one word of the language model's vocabulary (then lm.id(original)). */
  readonly originalId?: number;
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
  /** Every spun form the model knows (for tools: the benchmark's peers, the gazetteer's build). */
  keys(): string[];
}

const SOURCES: readonly ChannelCandidate['source'][] = ['spinner', 'wordnet', 'thesaurus', 'credit'];

/**
 * Strings are named by handles: a word of the language model by its LM id (below V, the size of its
 * vocabulary), any other string by V + its place in the asset's own string table.
 */
class CompactChannel implements ChannelModel {
  readonly maxSpunWords: number;
  private lm!: LanguageModel;
  /** the LM's vocabulary size: the first handle of the channel's own strings */
  private readonly V: number;
  private readonly strings: AsciiStrings;
  /** over the channel's own keys and key prefixes */
  private readonly index: StringIndex;
  /** per handle: key index, or -1 */
  private readonly keyOf: Int32Array;
  /** per handle: 1 when some longer key starts with this string + " " */
  private readonly prefixFlag: Uint8Array;
  private readonly offsets: Uint32Array;
  private readonly origLo: Uint8Array;
  private readonly origHi: Uint8Array;
  private readonly codes: Uint8Array;
  private readonly codebook: Float32Array;
  private readonly cache: (readonly ChannelCandidate[] | undefined)[];

  constructor(bytes: Uint8Array) {
    const r = new ByteReader(bytes);
    r.magic('UCH2');
    const V = r.u32();
    const nStrings = r.u32();
    const nKeys = r.u32();
    const nPrefixes = r.u32();
    const nEdges = r.u32();
    this.maxSpunWords = r.u8();
    this.codebook = r.f32Array(64);
    this.strings = r.asciiStrings(nStrings);
    if (this.strings.count !== nStrings) throw new Error('channel: string count mismatch');
    this.V = V;
    const b = r.bytes;
    const n = b.length;
    const handles = V + nStrings;
    const cur = new VarintCursor(b, r.pos);
    const keys = cur.ascending(nKeys, handles, 'channel: key handle', true);
    const prefixes = cur.ascending(nPrefixes, handles, 'channel: prefix handle', true);
    // Per-handle tables (0.5 MB, built in well under a millisecond): the decoder asks them a few
    // thousand times per page, where a binary search would cost more than building them.
    const keyOf = new Int32Array(handles).fill(-1);
    for (let k = 0; k < nKeys; k++) keyOf[keys[k] as number] = k;
    const prefixFlag = new Uint8Array(handles);
    for (let k = 0; k < nPrefixes; k++) prefixFlag[prefixes[k] as number] = 1;
    // The channel's own strings that are keys or prefixes (the LM's words are found through its index).
    const indexed = new Uint32Array(nKeys + nPrefixes);
    let count = 0;
    for (let h = V; h < handles; h++) if ((keyOf[h] as number) >= 0 || prefixFlag[h] === 1) indexed[count++] = h - V;
    this.keyOf = keyOf;
    this.prefixFlag = prefixFlag;
    this.index = new StringIndex(this.strings, indexed.subarray(0, count));
    this.offsets = new Uint32Array(nKeys + 1);
    if (cur.counts(nKeys, this.offsets) !== nEdges) throw new Error('channel: edge count mismatch');
    const p = cur.pos;
    if (p + 3 * nEdges > n) throw new Error('unexpected end of data');
    this.origLo = b.subarray(p, p + nEdges);
    this.origHi = b.subarray(p + nEdges, p + 2 * nEdges);
    this.codes = b.subarray(p + 2 * nEdges, p + 3 * nEdges);
    this.cache = new Array<readonly ChannelCandidate[] | undefined>(nKeys);
  }

  /** The language model whose words the asset names by their ids: the one it was built beside. */
  bind(lm: LanguageModel): ChannelModel {
    if (lm.size !== this.V) throw new Error(`channel: built beside a language model of ${this.V} words, given one of ${lm.size}`);
    this.lm = lm;
    return this;
  }

  find(spunWords: string): number {
    // A one-word form is nearly always a word of the language model (no string is in both tables).
    if (!spunWords.includes(' ')) {
      const id = this.lm.id(spunWords);
      if (id >= 0) return id;
    }
    const own = this.index.get(spunWords);
    return own >= 0 ? this.V + own : -1;
  }

  isPrefixId(id: number): boolean {
    return id >= 0 && this.prefixFlag[id] === 1;
  }

  lookup(spun: string): readonly ChannelCandidate[] | undefined {
    return this.candidatesOf(this.find(spun));
  }

  candidatesOf(id: number): readonly ChannelCandidate[] | undefined {
    if (id < 0) return undefined;
    const k = this.keyOf[id] ?? -1;
    if (k < 0) return undefined;
    const hit = this.cache[k];
    if (hit !== undefined) return hit;
    const start = this.offsets[k] ?? 0;
    const end = this.offsets[k + 1] ?? 0;
    const list: ChannelCandidate[] = [];
    for (let e = start; e < end; e++) {
      const code = this.codes[e] ?? 0;
      const orig = (this.origLo[e] ?? 0) | ((this.origHi[e] ?? 0) << 8);
      const inLM = orig < this.V;
      list.push(
        Object.freeze({
          original: inLM ? this.lm.word(orig) : this.strings.get(orig - this.V),
          originalId: inLM ? orig : -1,
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
    return this.isPrefixId(this.find(spunWords));
  }

  keys(): string[] {
    const out: string[] = [];
    for (let h = 0; h < this.keyOf.length; h++) {
      if ((this.keyOf[h] as number) >= 0) out.push(h < this.V ? this.lm.word(h) : this.strings.get(h - this.V));
    }
    return out;
  }
}

export function decodeChannel(bytes: Uint8Array, lm: LanguageModel): ChannelModel {
  return readChannel(bytes)(lm);
}

/**
 * Decodes what does not need the language model at once, and returns what binds it: so the channel's
 * bytes are decoded while the (larger) language model is still being read.
 */
export function readChannel(bytes: Uint8Array): (lm: LanguageModel) => ChannelModel {
  const channel = new CompactChannel(bytes);
  return (lm) => channel.bind(lm);
}

/**
 * A ChannelModel from plain lookups (tests and small tables): ids are handed out per string as it
 * is asked for.
 */
export function channelFrom(base: Pick<ChannelModel, 'maxSpunWords' | 'lookup' | 'isPrefix'> & { keys?: () => string[] }): ChannelModel {
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
    keys: () => base.keys?.() ?? [],
  };
}
