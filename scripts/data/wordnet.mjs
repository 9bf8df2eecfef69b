// WordNet 3.0 (Debian wordnet-base) reader, a morphy-style lemmatizer that remembers the inflection,
// and a re-inflector that produces both correct and naive-regular forms (the spinner writes "admiting", "littler").
import fs from 'node:fs';
import path from 'node:path';
import { requireDebianFile, SOURCES } from './common.mjs';

const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export function loadWordNet(dir = SOURCES.wordnet.dir) {
  /** lemmas[pos]: Map lemma -> array of synset member lists (lowercase, spaces) */
  const lemmas = {};
  /** properIn: synset member list -> the members written with a capital there (Taiwan, China, Formosa) */
  const properIn = new WeakMap();
  const exc = {}; // exc[pos]: Map inflected -> [lemma]
  const irregular = {}; // irregular[pos]: Map lemma -> [inflected]
  for (const [pos, name] of Object.entries(POS_FILES)) {
    const file = requireDebianFile(path.join(dir, `data.${name}`), SOURCES.wordnet.name);
    const map = new Map();
    for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const f = line.split(' ');
      const cnt = Number.parseInt(f[3], 16);
      const members = [];
      const proper = new Set();
      for (let k = 0; k < cnt; k++) {
        const raw = f[4 + 2 * k].replace(/\([a-z]+\)$/, '').replace(/_/g, ' ');
        const w = raw.toLowerCase();
        if (!members.includes(w)) members.push(w);
        if (raw !== w) proper.add(w);
      }
      if (proper.size > 0) properIn.set(members, proper);
      for (const m of members) {
        let l = map.get(m);
        if (!l) {
          l = [];
          map.set(m, l);
        }
        l.push(members);
      }
    }
    lemmas[pos] = map;
    const e = new Map();
    const ir = new Map();
    const excFile = requireDebianFile(path.join(dir, `${name}.exc`), SOURCES.wordnet.name);
    for (const line of fs.readFileSync(excFile, 'latin1').split('\n')) {
      const [form, ...bases] = line.trim().split(' ');
      if (!form || bases.length === 0) continue;
      const f = form.replace(/_/g, ' ');
      for (const b0 of bases) {
        const b = b0.replace(/_/g, ' ');
        if (!e.has(f)) e.set(f, []);
        e.get(f).push(b);
        if (!ir.has(b)) ir.set(b, []);
        ir.get(b).push(f);
      }
    }
    exc[pos] = e;
    irregular[pos] = ir;
  }
  return { lemmas, properIn, exc, irregular };
}

// Morphy detachment rules, each tagged with the inflection it undoes.
const RULES = {
  n: [
    ['s', '', 'PL'],
    ['ses', 's', 'PL'],
    ['xes', 'x', 'PL'],
    ['zes', 'z', 'PL'],
    ['ches', 'ch', 'PL'],
    ['shes', 'sh', 'PL'],
    ['men', 'man', 'PL'],
    ['ies', 'y', 'PL'],
  ],
  v: [
    ['s', '', '3SG'],
    ['ies', 'y', '3SG'],
    ['es', 'e', '3SG'],
    ['es', '', '3SG'],
    ['ed', 'e', 'PAST'],
    ['ed', '', 'PAST'],
    ['ing', 'e', 'ING'],
    ['ing', '', 'ING'],
  ],
  a: [
    ['er', '', 'CMP'],
    ['est', '', 'SUP'],
    ['er', 'e', 'CMP'],
    ['est', 'e', 'SUP'],
  ],
  r: [],
};

function excTag(pos, form, lemma) {
  if (pos === 'n') return 'PL';
  if (pos === 'v') {
    if (form.endsWith('ing')) return 'ING';
    if (form.endsWith('s') && !lemma.endsWith('s')) return '3SG';
    return 'PAST';
  }
  if (form.endsWith('st')) return 'SUP';
  return 'CMP';
}

/** All analyses {lemma, pos, tag} of a lowercase word form (tag BASE for the lemma itself). */
export function analyze(wn, form) {
  const out = [];
  const seen = new Set();
  const add = (lemma, pos, tag) => {
    const k = `${lemma}|${pos}|${tag}`;
    if (seen.has(k) || !wn.lemmas[pos].has(lemma)) return;
    seen.add(k);
    out.push({ lemma, pos, tag });
  };
  for (const pos of ['n', 'v', 'a', 'r']) {
    add(form, pos, 'BASE');
    for (const l of wn.exc[pos].get(form) ?? []) add(l, pos, excTag(pos, form, l));
    // multiword: inflect the head (first word for verbs, last for nouns)
    const parts = form.split(' ');
    if (parts.length > 1 && (pos === 'v' || pos === 'n')) {
      const i = pos === 'v' ? 0 : parts.length - 1;
      for (const a of analyze1(wn, parts[i], pos)) {
        const p2 = parts.slice();
        p2[i] = a.lemma;
        add(p2.join(' '), pos, a.tag);
      }
    } else {
      for (const a of analyze1(wn, form, pos)) add(a.lemma, pos, a.tag);
    }
  }
  return out;
}

function analyze1(wn, word, pos) {
  const res = [];
  for (const l of wn.exc[pos].get(word) ?? []) res.push({ lemma: l, tag: excTag(pos, word, l) });
  for (const [suf, rep, tag] of RULES[pos]) {
    if (word.endsWith(suf) && word.length > suf.length + 1) res.push({ lemma: word.slice(0, -suf.length) + rep, tag });
  }
  return res;
}

/** Regular forms of one word for a tag; returns [correct-ish..., naive...] (deduped). */
function regular(w, tag) {
  const out = new Set();
  switch (tag) {
    case 'PL':
    case '3SG':
      if (/(s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`);
      else if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}ies`);
      else out.add(`${w}s`);
      break;
    case 'PAST':
      if (w.endsWith('e')) out.add(`${w}d`);
      else if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}ied`);
      else out.add(`${w}ed`); // doubled forms (admitted) come from verb.exc
      break;
    case 'ING':
      if (w.endsWith('ie')) out.add(`${w.slice(0, -2)}ying`);
      else if (/[^aeiouy]e$/.test(w)) out.add(`${w.slice(0, -1)}ing`);
      else out.add(`${w}ing`);
      break;
    case 'CMP':
    case 'SUP': {
      const s = tag === 'CMP' ? 'er' : 'est';
      if (w.endsWith('e')) out.add(`${w}${s.slice(1)}`);
      else if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}i${s}`);
      else out.add(`${w}${s}`); // bigger etc. come from adj.exc
      break;
    }
    default:
      out.add(w);
  }
  return [...out];
}

/**
 * Inflect a lemma (possibly multiword) for pos/tag. Returns [{form, naive}] where naive marks
 * a regular form produced although an irregular one exists (e.g. "runned").
 */
export function inflect(wn, lemma, pos, tag) {
  if (tag === 'BASE') return [{ form: lemma, naive: false }];
  const parts = lemma.split(' ');
  let head = 0;
  if (parts.length > 1) {
    if (pos === 'n') head = parts.length - 1;
    else if (pos === 'v') head = 0;
    else return []; // multiword adjectives/adverbs: no comparative
  }
  if ((tag === 'CMP' || tag === 'SUP') && (/(ed|ing)$/.test(lemma) || lemma.includes('-') || lemma.length > 9)) return [];
  const w = parts[head];
  const irr = (wn.irregular[pos].get(w) ?? []).filter((f) => excTag(pos, f, w) === tag);
  const out = [];
  const push = (f, naive) => {
    const p2 = parts.slice();
    p2[head] = f;
    const form = p2.join(' ');
    if (!out.some((o) => o.form === form)) out.push({ form, naive });
  };
  for (const f of irr) push(f, false);
  for (const f of regular(w, tag)) push(f, irr.length > 0);
  return out;
}

/**
 * Synonym lemmas of lemma/pos over all synsets (sense-blind), excluding the lemma itself, and a proper
 * name's other names: where the lemma is a name (Taiwan, China), its synset's names (Formosa, Republic of
 * China) are another place or thing, not a word a writer's was swapped for.
 */
export function synonyms(wn, lemma, pos) {
  const out = new Set();
  for (const ss of wn.lemmas[pos].get(lemma) ?? []) {
    const proper = wn.properIn.get(ss);
    const isName = proper?.has(lemma) ?? false;
    for (const m of ss) if (m !== lemma && !(isName && proper.has(m))) out.add(m);
  }
  return [...out];
}
