// Minimal WordNet reader for the synthetic spinner: synsets per (lemma, POS), morphy lemmatizer with the
// exception lists, and the spinner's naive re-inflection (regular rules without consonant doubling,
// irregular forms only where the exception lists know them).
import fs from 'node:fs';
import path from 'node:path';

const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export function loadWordNet(dictDir, excDir, brownFormTags = new Map()) {
  const synsets = { n: [], v: [], a: [], r: [] }; // arrays of member lists
  const byLemma = { n: new Map(), v: new Map(), a: new Map(), r: new Map() }; // lowercase lemma -> synset indexes
  for (const [pos, file] of Object.entries(POS_FILES)) {
    const text = fs.readFileSync(path.join(dictDir, `data.${file}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const f = line.split(' ');
      const cnt = parseInt(f[3], 16);
      const members = [];
      for (let i = 0; i < cnt; i++) {
        const w = f[4 + i * 2].replace(/\([a-z]+\)$/, '').replace(/_/g, ' ');
        if (!members.includes(w)) members.push(w);
      }
      const idx = synsets[pos].length;
      synsets[pos].push(members);
      for (const m of members) {
        const k = m.toLowerCase();
        let a = byLemma[pos].get(k);
        if (!a) {
          a = [];
          byLemma[pos].set(k, a);
        }
        if (!a.includes(idx)) a.push(idx);
      }
    }
  }
  // exception lists: inflected -> bases, and the reverse base -> inflected forms
  const exc = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
  const rev = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
  for (const [pos, file] of Object.entries(POS_FILES)) {
    const p = path.join(excDir, `${file}.exc`);
    if (!fs.existsSync(p)) continue;
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
      const [form, ...bases] = line.trim().split(/\s+/);
      if (!form || !bases.length) continue;
      exc[pos].set(
        form.replace(/_/g, ' '),
        bases.map((b) => b.replace(/_/g, ' ')),
      );
      for (const b of bases) {
        const k = b.replace(/_/g, ' ');
        let a = rev[pos].get(k);
        if (!a) {
          a = [];
          rev[pos].set(k, a);
        }
        a.push(form.replace(/_/g, ' '));
      }
    }
  }
  return new WordNet(synsets, byLemma, exc, rev, brownFormTags);
}

const RULES = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

const isProper = (w) => /[A-Z]/.test(w);

class WordNet {
  constructor(synsets, byLemma, exc, rev, brownFormTags) {
    Object.assign(this, { synsets, byLemma, exc, rev, brownFormTags });
    this._syn = new Map();
  }
  /** true when `lemma` (lowercase) is a common (lower-case) member of some synset of `pos`. */
  isCommon(lemma, pos) {
    const ids = this.byLemma[pos].get(lemma);
    return !!ids && ids.some((i) => this.synsets[pos][i].includes(lemma));
  }
  /** WordNet morphy: candidate base forms of `word` (lowercase) for `pos`, most likely first. */
  morphy(word, pos, inflected = false) {
    const out = [];
    const add = (b) => {
      if (!out.includes(b) && this.isCommon(b, pos)) out.push(b);
    };
    // For an inflected token (Brown tag nns/vbd/...) try the real base forms first; the surface form itself
    // ("times", "sales" as lemmas of their own) comes last. For a base-form token it comes first.
    if (!inflected) add(word);
    for (const b of this.exc[pos].get(word) || []) add(b);
    for (const [suf, rep] of RULES[pos]) if (word.endsWith(suf) && word.length > suf.length) add(word.slice(0, -suf.length) + rep);
    if (pos === 'a' && word.endsWith('est')) add(word.slice(0, -3));
    if (inflected) add(word);
    return out;
  }
  /** Synset member lists (common words only, without the lemma itself) for a lemma, one list per synset. */
  synonymSets(lemma, pos) {
    const key = `${pos}:${lemma}`;
    if (this._syn.has(key)) return this._syn.get(key);
    const res = [];
    for (const i of this.byLemma[pos].get(lemma) || []) {
      const members = this.synsets[pos][i];
      if (!members.includes(lemma)) continue; // only synsets where the lemma is a common word
      const others = members.filter(
        (m) =>
          !isProper(m) &&
          m.toLowerCase() !== lemma &&
          !/\d/.test(m) &&
          m.split(' ').length <= 4 &&
          m.replace(/[- ]/g, '') !== lemma.replace(/[- ]/g, ''),
      );
      if (others.length) res.push(others);
    }
    this._syn.set(key, res);
    return res;
  }
  /** Irregular inflected forms of `base` for `pos` from the exception lists. */
  irregular(base, pos, form) {
    const forms = this.rev[pos].get(base);
    if (!forms) return null;
    if (pos === 'v') {
      if (form === 'ing') return forms.find((f) => f.endsWith('ing')) || null;
      if (form === 's') return forms.find((f) => f.endsWith('s') && !f.endsWith('ss')) || null;
      const cands = forms.filter((f) => !f.endsWith('ing') && !(f.endsWith('s') && !f.endsWith('ss')));
      if (!cands.length) return null;
      // Past vs past participle: the exception list does not say, so use Brown's vbd/vbn tag counts.
      const want = form === 'ed' ? 'vbd' : 'vbn';
      const other = want === 'vbd' ? 'vbn' : 'vbd';
      const tags = (f) => this.brownFormTags.get(f) || { vbd: 0, vbn: 0 };
      const margin = (f) => tags(f)[want] - tags(f)[other];
      const seen = cands.filter((f) => tags(f)[want] > 0).sort((x, y) => margin(y) - margin(x));
      if (seen.length && tags(seen[0])[want] * 4 >= tags(seen[0])[other]) return seen[0];
      if (tags(base)[want] > 0) return base; // come/come, put/put, run/run
      if (cands.every((f) => !this.brownFormTags.has(f)))
        return (want === 'vbn' ? cands.find((f) => /n$/.test(f)) : cands.find((f) => !/n$/.test(f))) || cands[0];
      return null;
    }
    if (pos === 'n' && form === 's') return forms[0];
    if (pos === 'a' && form === 'er') return forms.find((f) => f.endsWith('er') || !f.endsWith('st')) || null;
    if (pos === 'a' && form === 'est') return forms.find((f) => f.endsWith('st')) || null;
    return null;
  }
}

// --- naive regular inflection (what a cheap spinner does: no consonant doubling) ---
const CONS_Y = /[^aeiou]y$/;
function regular(w, form) {
  switch (form) {
    case 's':
      return /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : CONS_Y.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
    case 'ed':
    case 'en':
      return /e$/.test(w) ? `${w}d` : CONS_Y.test(w) ? `${w.slice(0, -1)}ied` : `${w}ed`;
    case 'ing':
      return /ie$/.test(w) ? `${w.slice(0, -2)}ying` : /[^e]e$/.test(w) ? `${w.slice(0, -1)}ing` : `${w}ing`;
    case 'er':
      return /e$/.test(w) ? `${w}r` : CONS_Y.test(w) ? `${w.slice(0, -1)}ier` : `${w}er`;
    case 'est':
      return /e$/.test(w) ? `${w}st` : CONS_Y.test(w) ? `${w.slice(0, -1)}iest` : `${w}est`;
    default:
      return w;
  }
}

/** Re-inflect lemma `syn` (possibly multiword) of `pos` to `form` ('' | s | ed | en | ing | er | est). */
export function inflect(wn, syn, pos, form) {
  if (!form) return syn;
  const irr = wn.irregular(syn, pos, form);
  if (irr) return irr;
  const parts = syn.split(' ');
  if (parts.length > 1) {
    if (pos === 'v') {
      const h = wn.irregular(parts[0], 'v', form) || regular(parts[0], form);
      return [h, ...parts.slice(1)].join(' ');
    }
    if (pos === 'n') {
      const t = parts[parts.length - 1];
      const h = wn.irregular(t, 'n', form) || regular(t, form);
      return [...parts.slice(0, -1), h].join(' ');
    }
    if (pos === 'a') return (form === 'er' ? 'more ' : 'most ') + syn;
    return syn;
  }
  return regular(syn, form);
}
