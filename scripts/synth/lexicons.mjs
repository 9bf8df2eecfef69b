// Other thesauri a simulated spinner can draw from, as views over the WordNet object the spinner
// uses (same morphology and inflection; only synonymSets changes). Real spinners use many
// lexicons, so a tuning set drawn from several keeps the engine from fitting one of them.
import fs from 'node:fs';

const MYTHES = '/usr/share/mythes/th_en_US_v2.dat';
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/** LibreOffice thesaurus (Debian mythes-en-us): senses of plain terms per lemma and POS. */
function loadMythes() {
  if (!fs.existsSync(MYTHES)) throw new Error(`${MYTHES} is missing: apt-get install mythes-en-us`);
  const map = new Map();
  let head = null;
  for (const line of fs.readFileSync(MYTHES, 'utf8').split('\n').slice(1)) {
    if (!line) continue;
    if (!line.startsWith('(')) {
      head = line.slice(0, line.lastIndexOf('|')).toLowerCase();
      continue;
    }
    const [p, ...terms] = line.split('|');
    const pos = POS[p.slice(1, -1)];
    const plain = terms.filter((t) => !t.includes('(') && !/\d/.test(t) && t.toLowerCase() !== head && t.split(' ').length <= 4);
    if (!pos || !head || !plain.length) continue;
    const key = `${pos}:${head}`;
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(plain.map((t) => t.toLowerCase()));
  }
  return map;
}

/** Moby Thesaurus II (npm moby): one sense-less list per headword; POS is not known. */
function loadMoby(cacheDir) {
  const file = `${cacheDir}/moby-1.1.2/package/words.txt`;
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run data\` once (it fetches moby@1.1.2)`);
  const map = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [head, ...rest] = line.split(',');
    if (!head) continue;
    const list = rest.filter((t) => t && !/\d/.test(t) && t.split(' ').length <= 3 && t.toLowerCase() === t);
    if (list.length) map.set(head.toLowerCase(), list.slice(0, 60));
  }
  return map;
}

export function lexiconView(wn, kind, dataCacheDir) {
  if (kind === 'wordnet') return wn;
  const view = Object.create(wn);
  if (kind === 'mythes') {
    const m = loadMythes();
    view.synonymSets = (lemma, pos) => m.get(`${pos}:${lemma}`) ?? [];
  } else if (kind === 'moby') {
    const m = loadMoby(dataCacheDir);
    // Moby has no POS: keep only synonyms WordNet also knows in this POS, so inflection stays sane.
    view.synonymSets = (lemma, pos) => {
      const list = (m.get(lemma) ?? []).filter((t) => t.includes(' ') || wn.synonymSets(t, pos).length > 0);
      return list.length ? [list] : [];
    };
  } else throw new Error(`unknown lexicon ${kind}`);
  return view;
}
