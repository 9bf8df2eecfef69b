// The simulated dictionary spinner: sense-blind WordNet synonym swaps with naive re-inflection, a phrase
// dictionary from seed-pairs.tsv, spintax residue, and credit-line spinning. Works on lines of tokens
// {w, tag, pre, spin?, name?} and renders spun + original text with UTF-16 truth offsets.
import fs from 'node:fs';
import { inflect } from './wordnet.mjs';

const STOP = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with from as than then that this these those there here ' +
    'not no yes very too also just only even still ever never again already how when where why what who whom whose which ' +
    'up down out off over about ago else be is am are was were been being have has had having do does did doing done ' +
    'will would shall should can could may might must i me my we us our you your he him his she her it its they them their ' +
    'one ones s t mr mrs ms dr jr st'
  ).split(' '),
);

const TAGMAP = {
  nn: ['n', ''],
  nns: ['n', 's'],
  np: ['n', ''],
  nps: ['n', 's'],
  vb: ['v', ''],
  vbd: ['v', 'ed'],
  vbn: ['v', 'en'],
  vbg: ['v', 'ing'],
  vbz: ['v', 's'],
  jj: ['a', ''],
  jjr: ['a', 'er'],
  jjs: ['a', 'est'],
  jjt: ['a', 'est'],
  rb: ['r', ''],
};

export const isWord = (w) => /^[A-Za-z][A-Za-z.'&-]*$/.test(w) && /[A-Za-z]/.test(w);

/** Load seed-pairs.tsv as a phrase dictionary: lowercase original word sequence -> rows {orig, spun}. */
export function loadSeedDictionary(file) {
  const dict = new Map();
  let maxLen = 1;
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [orig, spun, kind] = line.split('\t').map((s) => (s || '').trim());
    if (!orig || !spun || orig === spun) continue;
    if (spun.includes('{')) continue; // spintax residue is generated separately
    const key = orig.toLowerCase().split(/\s+/).join(' ');
    maxLen = Math.max(maxLen, key.split(' ').length);
    let a = dict.get(key);
    if (!a) {
      a = [];
      dict.set(key, a);
    }
    if (!a.some((r) => r.orig === orig && r.spun === spun)) a.push({ orig, spun, kind });
  }
  return { dict, maxLen };
}

function transferCase(src, repl) {
  if (src.length > 1 && src === src.toUpperCase() && /[A-Z]/.test(src)) return repl.toUpperCase();
  if (/^[A-Z]/.test(src)) return repl.charAt(0).toUpperCase() + repl.slice(1);
  return repl;
}

const baseTag = (tag) => tag.replace(/-(tl|hl|nc)$/g, '').replace(/-(tl|hl|nc)$/g, '');

export class Spinner {
  constructor(wn, seed, opts = {}) {
    this.wn = wn;
    this.seed = seed;
    this.seedPreference = opts.seedPreference ?? 0.75; // share of dictionary hits spun from the phrase table
    this.spintaxPerWord = opts.spintaxPerWord ?? 1 / 300;
    this.singleWordBias = opts.singleWordBias ?? 0.75; // chance to draw from one-word synonyms only
    this.nameRate = opts.nameRate ?? 0.15; // relative chance to spin a proper name that is also a dictionary word
    // Share of WordNet lemmas the simulated spinner's thesaurus covers. Decided once per (POS, lemma) by a hash,
    // so an uncovered word is never spun anywhere (as with a real spinner's fixed dictionary).
    this.coverage = opts.coverage ?? 0.7;
    this.coverageSalt = opts.coverageSalt ?? 0;
    // A dictionary spinner swaps a word the same way everywhere on a page (field notes; in the dev
    // truth one spun form per original on 97% of pages). consistent: the first synonym drawn for a
    // (POS, lemma) is reused for the rest of the document. Off by default (the original sets).
    this.consistent = opts.consistent ?? false;
    // Real spinners prefer a synonym writers use more (the seed's spun forms sit at the 68th percentile of
    // frequency among their original's synonyms, the dev truth's at the 67th; a uniform draw gives the 50th): a member
    // is drawn with weight frequency^frequencyPreference (0: uniform, the original sets). `frequency(word)`
    // gives a corpus count.
    this.frequencyPreference = opts.frequencyPreference ?? 0;
    this.frequency = opts.frequency ?? (() => 0);
    this.memo = new Map();
  }

  /** A new document: consistent spinners forget their choices. */
  beginDocument() {
    this.memo.clear();
  }

  covered(pos, lemma) {
    if (this.coverage >= 1) return true;
    let h = 0x811c9dc5 ^ this.coverageSalt;
    const s = `${pos}:${lemma}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995) >>> 0;
    h ^= h >>> 15;
    return (h >>> 0) / 4294967296 < this.coverage;
  }

  /** Candidate synonyms for one word token, already inflected and cased; null when ineligible. */
  wordCandidates(tok, inCredit = false) {
    const tag = baseTag(tok.tag || '');
    let w = tok.w,
      poss = '';
    const m = /^(.*?)('s|')$/i.exec(w);
    let t = tag;
    if (t.endsWith('$') && m) {
      w = m[1];
      poss = m[2];
      t = t.slice(0, -1);
    }
    const map = TAGMAP[t];
    if (!map || !/^[A-Za-z]+(-[A-Za-z]+)*$/.test(w)) return null;
    const lower = w.toLowerCase();
    if (STOP.has(lower)) return null;
    const [pos, form] = map;
    const isName = t === 'np' || t === 'nps';
    if (isName && inCredit) return null;
    if (isName && !/-tl$/.test(tok.tag || '') && !tok.nameDraw) return null;
    let lemma = null,
      sets = null,
      useForm = form;
    for (const b of this.wn.morphy(lower, pos, form !== '')) {
      // credit words (Images, Photo, File...) are in every spinner's dictionary: no coverage draw for them
      const s = inCredit || this.covered(pos, b) ? this.wn.synonymSets(b, pos) : [];
      if (s.length) {
        lemma = b;
        sets = s;
        if (b === lower) useForm = ''; // the surface form is its own lemma ("times"): no re-inflection
        break;
      }
    }
    if (!lemma) return null;
    return { sets, pos, form: useForm, stem: w, poss, lemma };
  }

  pickWord(rng, c) {
    const key = `${c.pos}:${c.lemma}`;
    const kept = this.consistent ? this.memo.get(key) : undefined;
    const syn = kept ?? this.drawSynonym(rng, c);
    if (this.consistent) this.memo.set(key, syn);
    return transferCase(c.stem, inflect(this.wn, syn, c.pos, c.form));
  }

  drawSynonym(rng, c) {
    // Random synset, then random member. Multiword members are drawn less often (one-word members only, when the
    // lemma has any, with chance singleWordBias), which keeps the one-to-many share near what field copies show.
    let sets = c.sets;
    if (rng() < this.singleWordBias) {
      const single = sets.map((s) => s.filter((m) => !m.includes(' '))).filter((s) => s.length);
      if (single.length) sets = single;
    }
    if (this.frequencyPreference === 0) {
      const set = sets[Math.floor(rng() * sets.length)];
      return set[Math.floor(rng() * set.length)];
    }
    const members = [];
    let total = 0;
    for (const set of sets) {
      for (const m of set) {
        const words = m.split(' ');
        const logF = words.reduce((x, w) => x + Math.log(this.frequency(w.toLowerCase()) + 1), 0) / words.length;
        const w = Math.exp(this.frequencyPreference * logF) / (sets.length * set.length);
        members.push([m, w]);
        total += w;
      }
    }
    let r = rng() * total;
    for (const [m, w] of members) {
      r -= w;
      if (r <= 0) return m;
    }
    return members[members.length - 1][0];
  }

  /** Longest phrase-table match starting at token i: {n, rows}. */
  seedMatch(tokens, i) {
    const { dict, maxLen } = this.seed;
    for (let n = Math.min(maxLen, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((t, k) => !isWord(t.w) || t.name || (k > 0 && t.pre !== ' '))) continue;
      const text = span.map((t) => t.w).join(' ');
      const rows = dict.get(text.toLowerCase());
      if (!rows) continue;
      const exact = rows.filter((r) => r.orig === text);
      const lower = rows.filter((r) => r.orig === r.orig.toLowerCase());
      const usable = exact.length ? exact.map((r) => ({ spun: r.spun })) : lower.map((r) => ({ spun: transferCase(text, r.spun) }));
      if (usable.length) return { n, usable };
    }
    return null;
  }

  /**
   * Spin one line. mode: 'text' (prose) or 'credit' (only tokens marked spin, names kept, kind 'credit').
   * Returns units [{pre, orig, spun, kind|null, words}].
   */
  spinLine(tokens, rng, rate, mode = 'text', spintax = true) {
    const units = [];
    const credit = mode === 'credit';
    for (let i = 0; i < tokens.length; ) {
      const tok = tokens[i];
      if (/^np/.test(tok.tag || '')) tok.nameDraw = rng() < this.nameRate;
      const sm = tok.name ? null : this.seedMatch(tokens, i);
      const wc = isWord(tok.w) && !tok.name && (!credit || tok.spin) ? this.wordCandidates(tok, credit) : null;
      if ((sm || wc) && rng() < rate) {
        const useSeed = sm && (!wc || sm.n > 1 || rng() < this.seedPreference);
        if (useSeed) {
          const span = tokens.slice(i, i + sm.n);
          const orig = span.map((t) => t.w).join(' ');
          const spun = sm.usable[Math.floor(rng() * sm.usable.length)].spun;
          units.push({
            pre: tok.pre,
            orig,
            spun,
            kind: credit ? 'credit' : orig.includes(' ') || spun.includes(' ') ? 'phrase' : 'synonym',
          });
          i += sm.n;
          continue;
        }
        const spun = this.pickWord(rng, wc);
        if (spun !== wc.stem) {
          units.push({ pre: tok.pre, orig: wc.stem, spun, kind: credit ? 'credit' : spun.includes(' ') ? 'phrase' : 'synonym' });
          if (wc.poss) units.push({ pre: '', orig: wc.poss, spun: wc.poss, kind: null });
          i++;
          continue;
        }
      }
      units.push({ pre: tok.pre, orig: tok.w, spun: tok.w, kind: null });
      i++;
    }
    if (credit) return mergeAdjacent(units);
    if (spintax && this.spintaxPerWord > 0) addSpintax(units, rng, this.spintaxPerWord);
    return units;
  }
}

function mergeAdjacent(units) {
  const out = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (u.kind && prev && prev.kind === u.kind && /^\s+$/.test(u.pre)) {
      prev.orig += u.pre + u.orig;
      prev.spun += u.pre + u.spun;
    } else out.push({ ...u });
  }
  return out;
}

/** Wrap rare 1–3-word unchanged stretches in braces ({that a}), in place. */
function addSpintax(units, rng, p) {
  for (let i = 0; i < units.length; i++) {
    if (rng() >= p) continue;
    const n = 1 + Math.floor(rng() * 3);
    const stretch = units.slice(i, i + n);
    if (stretch.length < n || stretch.some((u, k) => u.kind || !/^[A-Za-z]+$/.test(u.orig) || (k > 0 && u.pre !== ' '))) continue;
    const next = units[i + n];
    if (next && next.pre === '' && /^[A-Za-z']/.test(next.orig)) continue; // do not cut a word ('s)
    const orig = stretch.map((u, k) => (k ? u.pre : '') + u.orig).join('');
    units.splice(i, n, { pre: stretch[0].pre, orig, spun: `{${orig}}`, kind: 'spintax' });
  }
}

/**
 * Render lines (each an array of units) to {text, original, spans, credits}. lineKinds[i] === 'credit' marks
 * credit lines (recorded in credits[] with their whole-line text/original/offsets).
 */
export function render(lines, lineKinds) {
  let text = '',
    original = '';
  const spans = [],
    credits = [];
  lines.forEach((units, li) => {
    if (li > 0) {
      text += '\n';
      original += '\n';
    }
    const lineStart = text.length;
    for (const u of units) {
      text += u.pre;
      original += u.pre;
      const start = text.length;
      text += u.spun;
      original += u.orig;
      if (u.kind) spans.push({ start, end: text.length, text: u.spun, original: u.orig, kind: u.kind });
    }
    if (lineKinds[li] === 'credit') {
      const lineText = text.slice(lineStart);
      const lineOrig = units.map((u) => u.pre + u.orig).join('');
      credits.push({ start: lineStart, end: text.length, text: lineText, original: lineOrig });
    }
  });
  return { text, original, spans, credits };
}
