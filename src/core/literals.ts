/**
 * Literal prefilters for regular expressions: the strings a match must contain, derived from the
 * pattern itself, so a text that lacks them is never searched. Used by source.ts, which runs a few
 * hundred publisher signals over every analysed page; almost all of them name an outlet ("told
 * CNBC", "(Reuters) -") that one scan of the page can rule out.
 *
 * A requirement is a list of clauses; a clause is a list of literals, at least one of which every
 * match contains. It is derived conservatively: any construct the parser does not know (case-
 * insensitive flags, backreferences, unusual escapes) yields no requirement, and the regex runs.
 */

/** Every match contains, for each clause, one of its literals. `[]` requires nothing. */
export type Requirement = readonly (readonly string[])[];

/**
 * The largest finite set of strings tracked for one part of a pattern; past it, the parts become
 * separate clauses ("CNBC has reached out" → "CNBC " and one of "reached out", "contacted", …).
 */
const MAX_EXACT = 8;

/** What a part of a pattern can match: exactly one of `exact` (when finite and small), and clauses it requires. */
interface Info {
  exact: string[] | null;
  cnf: string[][];
}

class Unsupported extends Error {}

const NOTHING: Info = { exact: null, cnf: [] };
const EMPTY: Info = { exact: [''], cnf: [] };

/** The literals every match of `new RegExp(source, flags)` contains; null when it cannot tell. */
export function requiredLiterals(source: string, flags = ''): Requirement | null {
  if (/[^dgmsuy]/.test(flags)) return null;
  try {
    const parser = new Parser(source, flags.includes('u'));
    const info = parser.disjunction();
    if (parser.pos !== source.length) return null;
    return minimise(clausesOf(info));
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * The one clause of `req` a prefilter keeps: the one whose least distinctive literal is most
 * distinctive (capitals, digits and signs over common lowercase prose), then the one with fewest
 * literals. [] when `req` requires nothing.
 */
export function anchorClause(req: Requirement): readonly string[] {
  let best: readonly string[] = [];
  let bestScore = -1;
  for (const clause of req) {
    const score = Math.min(...clause.map(distinctiveness));
    if (score > bestScore || (score === bestScore && clause.length < best.length)) {
      best = clause;
      bestScore = score;
    }
  }
  return best;
}

/** The rarity (rarityOf) of a literal's most distinctive four code units, or of all of it when shorter. */
function distinctiveness(lit: string): number {
  let best = 0;
  let sum = 0;
  for (let j = 0; j < lit.length; j++) {
    sum += rarityOf(lit.charCodeAt(j));
    if (j >= GRAM) sum -= rarityOf(lit.charCodeAt(j - GRAM));
    if (sum > best) best = sum;
  }
  return best;
}

/** True when `text` holds a literal of every clause (a cheap check; the scanner does it for many texts at once). */
export function satisfies(req: Requirement, text: string): boolean {
  return req.every((clause) => clause.some((lit) => text.includes(lit)));
}

function clausesOf(info: Info): string[][] {
  if (info.exact) return info.exact.includes('') ? [] : [info.exact];
  return info.cnf;
}

/** Drop literals that contain another literal of their clause, duplicate clauses and duplicates. */
function minimise(cnf: string[][]): Requirement {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const clause of cnf) {
    const uniq = [...new Set(clause)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const kept: string[] = [];
    for (const lit of uniq) if (!kept.some((k) => lit.includes(k))) kept.push(lit);
    const key = JSON.stringify(kept);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(kept);
    }
  }
  return out;
}

const product = (a: readonly string[], b: readonly string[]) => a.flatMap((x) => b.map((y) => x + y));

/** The clause with the longest shortest literal: the most selective one. */
function bestClause(info: Info): string[] | null {
  let best: string[] | null = null;
  let bestLen = 0;
  for (const c of clausesOf(info)) {
    const len = Math.min(...c.map((l) => l.length));
    if (len > bestLen) {
      best = c;
      bestLen = len;
    }
  }
  return best;
}

const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';
const QUANTIFIERS = '*+?{';

class Parser {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  private peek(): string {
    return this.src.charAt(this.pos);
  }

  disjunction(): Info {
    const branches = [this.alternative()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.alternative());
    }
    if (branches.length === 1) return branches[0] as Info;
    if (branches.every((b) => b.exact)) {
      const all = [...new Set(branches.flatMap((b) => b.exact as string[]))];
      if (all.length <= MAX_EXACT) return { exact: all, cnf: [] };
    }
    const union: string[] = [];
    for (const b of branches) {
      const c = bestClause(b);
      if (!c) return NOTHING;
      union.push(...c);
    }
    return { exact: null, cnf: [union] };
  }

  private alternative(): Info {
    let cur: string[] = [''];
    let allExact = true;
    const cnf: string[][] = [];
    const flush = () => {
      if (!cur.includes('')) cnf.push(cur);
    };
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.term();
      if (item.exact?.length === 1) {
        const tail = item.exact[0] as string;
        cur = cur.map((x) => x + tail);
      } else if (item.exact && cur.length * item.exact.length <= MAX_EXACT) {
        cur = product(cur, item.exact);
      } else {
        allExact = false;
        flush();
        cur = item.exact ?? [''];
        if (!item.exact) cnf.push(...item.cnf);
      }
    }
    if (allExact) return { exact: cur, cnf: [] };
    flush();
    return { exact: null, cnf };
  }

  private term(): Info {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.pos++;
      return EMPTY;
    }
    if (c === '\\' && (this.src[this.pos + 1] === 'b' || this.src[this.pos + 1] === 'B')) {
      this.pos += 2;
      return EMPTY;
    }
    if (this.src.startsWith('(?=', this.pos) || this.src.startsWith('(?!', this.pos)) return this.lookaround(3);
    if (this.src.startsWith('(?<=', this.pos) || this.src.startsWith('(?<!', this.pos)) return this.lookaround(4);
    const atom = this.atom();
    return this.quantified(atom);
  }

  private lookaround(open: number): Info {
    this.pos += open;
    this.disjunction();
    if (this.peek() !== ')') throw new Unsupported();
    this.pos++;
    return EMPTY;
  }

  private atom(): Info {
    const c = this.peek();
    if (c === '(') {
      if (this.src.startsWith('(?:', this.pos)) this.pos += 3;
      else if (this.src.startsWith('(?<', this.pos)) {
        const close = this.src.indexOf('>', this.pos);
        if (close === -1) throw new Unsupported();
        this.pos = close + 1;
      } else if (this.src.startsWith('(?', this.pos)) throw new Unsupported();
      else this.pos++;
      const inner = this.disjunction();
      if (this.peek() !== ')') throw new Unsupported();
      this.pos++;
      return inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '.') {
      this.pos++;
      return NOTHING;
    }
    if (c === '\\') return this.atomEscape();
    if ('*+?{}])|'.includes(c)) throw new Unsupported();
    // One code point with the u flag (a surrogate pair stays whole), else one code unit; then,
    // unless a quantifier applies to it, the plain characters that follow, as one string.
    const ch = this.unicode ? String.fromCodePoint(this.src.codePointAt(this.pos) as number) : c;
    this.pos += ch.length;
    let run = ch;
    while (!QUANTIFIERS.includes(this.peek())) {
      const next = this.src.charCodeAt(this.pos);
      if (Number.isNaN(next) || (next >= 0xd800 && next <= 0xdfff) || SYNTAX_CHARS.includes(this.peek())) break;
      if (QUANTIFIERS.includes(this.src.charAt(this.pos + 1))) break;
      run += this.peek();
      this.pos++;
    }
    return { exact: [run], cnf: [] };
  }

  private atomEscape(): Info {
    const e = this.src.charAt(this.pos + 1);
    this.pos += 2;
    if ('dDwWsS'.includes(e)) return NOTHING;
    if ((e === 'p' || e === 'P') && this.unicode) {
      const close = this.src.indexOf('}', this.pos);
      if (this.peek() !== '{' || close === -1) throw new Unsupported();
      this.pos = close + 1;
      return NOTHING;
    }
    const ch = this.escapedChar(e);
    return { exact: [ch], cnf: [] };
  }

  /** The character a simple escape stands for (after the backslash and `e` were read). */
  private escapedChar(e: string): string {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (e in simple) return simple[e] as string;
    if (e !== '' && SYNTAX_CHARS.includes(e)) return e;
    if (e === '-' && !this.unicode) return e;
    if (!this.unicode && e !== '' && !/[\p{L}\p{N}_]/u.test(e)) return e;
    throw new Unsupported();
  }

  private characterClass(): Info {
    this.pos++;
    if (this.peek() === '^') return this.skipClass(); // negated: matches too much to be useful
    const chars: string[] = [];
    let open = true;
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c === ']') {
        this.pos++;
        open = false;
        break;
      }
      let ch: string;
      if (c === '\\') {
        const e = this.src.charAt(this.pos + 1);
        this.pos += 2;
        if ('dDwWsSpPbB'.includes(e)) return this.skipClass();
        ch = this.escapedChar(e);
      } else {
        const cp = this.src.codePointAt(this.pos) as number;
        ch = String.fromCodePoint(cp);
        this.pos += ch.length;
        if (ch.length > 1) return this.skipClass();
      }
      if (this.peek() === '-' && this.src.charAt(this.pos + 1) !== ']') return this.skipClass(); // a range
      chars.push(ch);
    }
    if (open) throw new Unsupported();
    return chars.length > 0 && chars.length <= MAX_EXACT ? { exact: [...new Set(chars)], cnf: [] } : NOTHING;
  }

  /** The rest of a character class this parser does not enumerate: matches one unknown character. */
  private skipClass(): Info {
    while (this.pos < this.src.length && this.peek() !== ']') this.pos += this.peek() === '\\' ? 2 : 1;
    if (this.peek() !== ']') throw new Unsupported();
    this.pos++;
    return NOTHING;
  }

  private quantified(atom: Info): Info {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    } else return atom;
    if (this.peek() === '?') this.pos++; // lazy: the same strings
    if (atom.exact && max !== Number.POSITIVE_INFINITY) {
      let all: string[] = [];
      let power = [''];
      for (let k = 0; k <= max && all.length <= MAX_EXACT; k++) {
        if (k >= min) all.push(...power);
        if (k < max) power = product(power, atom.exact);
      }
      all = [...new Set(all)];
      if (all.length <= MAX_EXACT) return { exact: all, cnf: [] };
    }
    if (min === 0) return NOTHING;
    return { exact: null, cnf: clausesOf(atom) };
  }
}

/**
 * Finds which of a fixed set of literals occur in a text, in one pass. Each literal of four or more
 * code units is indexed by one of its 4-grams, one unlike common prose (for "told CNBC" a gram of
 * the outlet's name, not of "told"), and checked in place where the text has a gram of the same
 * hash; shorter literals are looked up directly.
 */
export class LiteralScanner {
  private readonly literals: readonly string[];
  private readonly short: number[] = [];
  /** Bucket heads by gram hash (-1: empty); `next` chains the literals of one bucket. */
  private readonly heads = new Int32Array(BUCKETS).fill(-1);
  private readonly next: Int32Array;
  /** A bit per gram hash that some literal is indexed by. */
  private readonly occupied = new Int32Array((1 << FILTER_BITS) / 32);
  /** Where each literal's indexed gram starts inside it, and that gram's hash. */
  private readonly offset: Int32Array;
  private readonly hash: Int32Array;

  constructor(literals: readonly string[]) {
    this.literals = literals;
    this.next = new Int32Array(literals.length).fill(-1);
    this.offset = new Int32Array(literals.length);
    this.hash = new Int32Array(literals.length);
    literals.forEach((lit, id) => {
      if (lit.length === 0) throw new Error('LiteralScanner: empty literal');
      if (lit.length < GRAM) {
        this.short.push(id);
        return;
      }
      // The gram least like common prose (capitals, digits, signs, rare letters), the last of
      // equals: the outlet's name in "told CNBC" or "spoke to CNBC", not "told" or "to C".
      let best = 0;
      let bestRarity = -1;
      let rarity = 0;
      for (let j = 0; j < lit.length; j++) {
        rarity += rarityOf(lit.charCodeAt(j));
        if (j >= GRAM) rarity -= rarityOf(lit.charCodeAt(j - GRAM));
        if (j >= GRAM - 1 && rarity >= bestRarity) {
          best = j - (GRAM - 1);
          bestRarity = rarity;
        }
      }
      this.offset[id] = best;
      const h = gramHash(lit, best);
      this.hash[id] = h;
      this.occupied[h >>> 5] = (this.occupied[h >>> 5] as number) | (1 << (h & 31));
      const b = h >>> (FILTER_BITS - BUCKET_BITS);
      this.next[id] = this.heads[b] as number;
      this.heads[b] = id;
    });
  }

  /** found[id] is 1 when literal `id` occurs in `text`. */
  scan(text: string): Uint8Array {
    const { heads, next, offset, hash, literals, occupied } = this;
    const found = new Uint8Array(literals.length);
    for (const id of this.short) if (containsShort(text, literals[id] as string)) found[id] = 1;
    // The last four code units, a byte each (a hash: the match is checked in full). The constants
    // are spelled out: this loop runs over every code unit of every page.
    let gram = 0;
    for (let i = 0; i < text.length; i++) {
      gram = (gram << 8) | (text.charCodeAt(i) & 0xff);
      const x = Math.imul(gram, 0x9e3779b1);
      const h = Math.imul(x ^ (x >>> 15), 0x85ebca6b) >>> 16; // mix(gram)
      if (((occupied[h >>> 5] as number) & (1 << (h & 31))) === 0 || i < 3) continue;
      for (let id = heads[h >>> 4] as number; id !== -1; id = next[id] as number) {
        if (hash[id] === h && found[id] === 0 && text.startsWith(literals[id] as string, i - 3 - (offset[id] as number))) found[id] = 1;
      }
    }
    return found;
  }
}

/**
 * text.includes(lit) for a literal of a few code units. V8 searches by the first unit, which for
 * " / " stops at every space; such a literal is searched by its rarest unit instead.
 */
function containsShort(text: string, lit: string): boolean {
  if (lit.charCodeAt(0) !== 32) return text.includes(lit);
  let k = 0;
  for (let j = 1; j < lit.length; j++) if (rarityOf(lit.charCodeAt(j)) > rarityOf(lit.charCodeAt(k))) k = j;
  const unit = lit.charAt(k);
  for (let at = text.indexOf(unit); at !== -1; at = text.indexOf(unit, at + 1)) {
    if (text.startsWith(lit, at - k)) return true;
  }
  return false;
}

/** How rare a code unit is in English prose, roughly: 0 for a space or a common letter, 1 for other lowercase letters, 3 for anything else. */
const rarityOf = (c: number): number => (c === 32 ? 0 : c >= 97 && c <= 122 ? (COMMON_LETTERS[c - 97] as number) : 3);
/** a–z: 0 for the eleven commonest letters (e t a o i n s r h l d), else 1. */
const COMMON_LETTERS = [0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];

const GRAM = 4;
/** Hash bits of the occupancy filter (a bit per hash) and of the bucket table (its top bits). */
const FILTER_BITS = 16;
const BUCKET_BITS = 12;
const BUCKETS = 1 << BUCKET_BITS;
/** The scanner's hash of s[i, i + 4), as scan computes it on the fly. */
const gramHash = (s: string, i: number) => {
  let gram = 0;
  for (let k = i; k < i + GRAM; k++) gram = (gram << 8) | (s.charCodeAt(k) & 0xff);
  return mix(gram);
};
// scan inlines these: GRAM - 1 = 3, 32 - FILTER_BITS = 16, FILTER_BITS - BUCKET_BITS = 4.
const mix = (gram: number) => {
  const x = Math.imul(gram, 0x9e3779b1);
  return Math.imul(x ^ (x >>> 15), 0x85ebca6b) >>> (32 - FILTER_BITS);
};
