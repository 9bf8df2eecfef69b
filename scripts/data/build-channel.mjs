// Builds public/data/channel.bin(.gz): spun form -> candidate originals with log10 P(spun | original).
//
// Sources (reliability folded into logProb):
//   spinner   data/spinner/seed-pairs.tsv + known-swaps.tsv, plus word-level diffs of equal-length rows
//   wordnet   WordNet 3.0 synsets, sense-blind, lemmatized + re-inflected (correct and naive-regular forms)
//   thesaurus Moby Thesaurus II (npm moby), both directions, re-inflected like WordNet
//
// channel.bin layout (little endian), decoded by src/core/channel.ts with the language model it was built
// beside. A string is named by a handle: a word of the LM by its LM id (< V), any other by V + its place in
// the channel's own string table.
//   "UCH2"  u32 V (the LM's vocabulary size)  u32 nStrings  u32 nKeys  u32 nPrefixes  u32 nEdges  u8 maxSpunWords
//   f32[64] logProb codebook
//   u32 len + ASCII strings joined by "\n", the strings the LM lacks: originals (most frequent first), then
//     the other keys and key prefixes (sorted)
//   varint[nKeys] key handles, delta-coded ascending
//   varint[nPrefixes] handles of strings that are proper word prefixes of multiword keys, delta-coded ascending
//   varint[nKeys] candidate count per key
//   u8[nEdges] original handle low bytes, u8[nEdges] original handle high bytes (handles < 65536),
//   u8[nEdges] codes = (logProbIndex << 2) | source (0 spinner, 1 wordnet, 2 thesaurus)
//   Candidates of a key are sorted by logProb descending.
import fs from 'node:fs';
import path from 'node:path';
import { ByteWriter, norm, npmPackage, ROOT, SOURCES } from './common.mjs';
import { analyze, inflect, loadWordNet, synonyms } from './wordnet.mjs';

export const CHANNEL_PARAMS = {
  /** originals: the top-N word forms of the LM by unigram probability (plus spinner-table originals) */
  wordnetOriginals: 30000,
  /**
   * Moby Thesaurus II synonyms for the top-N originals, besides the seed's originals, which always have
   * them (session 8: not the known swaps' originals, whose Moby synonyms restored wrongly more often than
   * rightly). 0: only the seed's. For the top 4,000 it doubled the asset
   * (1.62 vs 0.81 MB gz) for little recall, and the bytes buy more as language model: with a 3×
   * larger LM, dropping Moby kept or raised every measure on the dev and synthetic sets except
   * span recall on Moby-spun synthetic pages (55 → 53%); see docs/data.md.
   */
  mobyOriginals: 0,
  /** spun forms from Moby must be in the LM's top-N (unknown/rare Moby words are mostly noise) */
  mobySpunRank: 20000,
  /**
   * At most this many candidates per key, the likeliest first (channel plus a little unigram prior).
   * 25 instead of 40 (session 8): every dev and synthetic figure within 0.1 point, clean pages about
   * 8% faster (the lattice scores every candidate of a key against its context before pruning).
   */
  maxCandidatesPerKey: 25,
  /**
   * Candidates less likely than this (log10 P(spun | original)) are left out, except the spinner
   * table's: on the synthetic tuning set they were restored ~80 times per right restoration
   * (docs/data.md), and a quarter of the lattice's lookups went to them.
   */
  minLogProb: -2.75,
  /** at most this many thesaurus-only (Moby) candidates per key */
  maxThesaurusPerKey: 10,
  maxSpunWordsThesaurus: 3,
  /**
   * A content word's thesaurus synonyms include function words with real senses (roughly → around,
   * almost → near, international → outside), and spinners use them. True: such a function word may be a
   * spun form of a content word (never of another function word). Session 12: every synthetic set +0.0 to
   * +0.2 point of WER reduction, no clean or translated page flagged (docs/data.md).
   */
  contentfulSpun: true,
  /**
   * Spun forms of the words of photo-credit names and labels (src/core/data/credits.json: "images",
   * "photograph", "file", "pool") from every thesaurus, Moby included and below minLogProb, at most this
   * many per key. They are marked `credit`: only the credit-line matcher reads them (a credit line is a
   * known name in a known shape, where a rare swap is safe to believe); the decoder never does.
   */
  maxCreditPerKey: 8,
  /** a general thesaurus's original of one or two letters must rank this high among the LM's words */
  shortOriginalRank: 1000,
  reliability: {
    seed: 0.9,
    known: 0.6,
    seedDiff: 0.6,
    /**
     * Other inflections of a single-word table pair (troopers → soldiers gives trooper → soldier). 0.4 until
     * session 8: such variants are guesses about what the spinner does with a form it was never seen
     * with ("raising → rising" gave "rose" → "raised"), and at 0.1 every set scored 0.1–0.4 point higher.
     */
    seedInflect: 0.1,
    mythes: 0.6,
    mythesNaive: 0.2,
    wordnet: 0.35,
    wordnetNaive: 0.1,
    moby: 0.2,
  },
};

// Function words: never a spun key for the general thesauri (WordNet "in"->"inch", "a"->"angstrom").
export const STOP = new Set(
  `a an the and or nor but if then else so as than that this these those there here where when while what which who whom whose why how
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
  am is are was were be been being have has had having do does did doing done will would shall should can could may might must ought
  not no yes of in on at by for with without from to into onto upon over under about above below across after before against along among
  around between beyond during except inside near off out outside since through till until toward towards up down via per
  all any both each either every few many more most much neither none other others own same several some such
  s t d ll m re ve o oh ok mr mrs ms dr st co inc ltd jr sr`.split(/\s+/),
);

// Words with real dictionary senses besides their function-word use: spinners do turn them into
// synonyms (before -> earlier, while -> spell, around -> roughly, near -> almost), so they may be
// originals; and content words into them (roughly -> around), so they may be a content word's spun
// form (contentfulSpun), though never another function word's.
const CONTENTFUL_FUNCTION_WORDS = new Set(
  `before after while around near since until through during above below across along over under up down off out
  inside outside beyond toward towards via all more most much many few several other same each both well`.split(/\s+/),
);
const isOriginalStop = (w) => STOP.has(w) && !CONTENTFUL_FUNCTION_WORDS.has(w);

const WORDLIKE = /^[a-z][a-z'.-]*( [a-z][a-z'.-]*)*$/;

function readTsv(file) {
  const rows = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [original, spun, kind] = line.split('\t');
    rows.push({ original, spun, kind });
  }
  return rows;
}

/** Word-level diffs of a spinner row: trims the common prefix/suffix; equal-length middles are split word by word. */
export function rowDiffs(original, spun) {
  const o = norm(original).split(' ');
  const s = norm(spun).split(' ');
  let a = 0;
  while (a < o.length && a < s.length && o[a] === s[a]) a++;
  let b = 0;
  while (b < o.length - a && b < s.length - a && o[o.length - 1 - b] === s[s.length - 1 - b]) b++;
  const om = o.slice(a, o.length - b);
  const sm = s.slice(a, s.length - b);
  const out = [];
  if (om.length === 0 || sm.length === 0) return out;
  if (om.length === sm.length && om.length > 1) {
    // Position-aligned word pairs are only trusted between content words: "and then" / "after which"
    // is a phrase swap, not evidence that "after" is a spun "and".
    for (let i = 0; i < om.length; i++) if (om[i] !== sm[i] && !STOP.has(om[i]) && !STOP.has(sm[i])) out.push([om[i], sm[i]]);
  } else if (om.join(' ') !== o.join(' ') || sm.join(' ') !== s.join(' ')) {
    out.push([om.join(' '), sm.join(' ')]);
  }
  // hyphenated compounds: Secretary-General -> Secretary-Basic also yields general -> basic
  for (const [x, y] of [...out, [om.join(' '), sm.join(' ')]]) {
    const xp = x.split('-');
    const yp = y.split('-');
    if (xp.length > 1 && xp.length === yp.length) for (let i = 0; i < xp.length; i++) if (xp[i] !== yp[i]) out.push([xp[i], yp[i]]);
  }
  return out;
}

/** The LDNOOBW English list (naughty-words on npm): words and phrases, lowercased. */
function loadOffensive() {
  const dir = npmPackage(SOURCES.offensive.name, SOURCES.offensive.version);
  return new Set(JSON.parse(fs.readFileSync(path.join(dir, SOURCES.offensive.file), 'utf8')).map((w) => norm(w)));
}

/** th_en_US_v2.dat: "word|n" then n lines "(pos)|term|term (annotation)|…". Lowercased, plain terms only. */
function loadMythes(file) {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: apt-get install mythes-en-us`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = new Map();
  let head = null;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    if (!line.startsWith('(')) {
      head = line.slice(0, line.lastIndexOf('|')).toLowerCase();
      continue;
    }
    const [pos, ...terms] = line.split('|');
    // Where the head is a name in this sense ("China"), the sense's other names are other places or
    // things (Taiwan, Formosa), as in WordNet (wordnet.mjs, synonyms).
    const trimmed = terms.map((t) => t.trim());
    const isName = trimmed.some((t) => t !== head && t.toLowerCase() === head);
    const plain = trimmed
      .filter((t) => !t.includes('(') && !(isName && t !== t.toLowerCase()))
      .map((t) => t.toLowerCase())
      .filter((t) => t && t !== head);
    if (!head || plain.length === 0) continue;
    const list = out.get(head) ?? [];
    list.push({ pos: pos.slice(1, -1), terms: [...new Set(plain)] });
    out.set(head, list);
  }
  return out;
}

export function buildChannel(lmWords, lmUniProb, params = CHANNEL_PARAMS) {
  const R = params.reliability;
  const wn = loadWordNet();
  // frequency rank of LM words
  const order = lmWords.map((_w, i) => i).sort((x, y) => lmUniProb[y] - lmUniProb[x] || x - y);
  const rank = new Map();
  order.forEach((i, r) => {
    rank.set(lmWords[i], r);
  });
  const rankOf = (w) => rank.get(w) ?? 1e9;

  // Words a news writer does not use outside quotes (obscenities, slurs, sexual terms: the LDNOOBW
  // list) are never an original a general thesaurus may restore to. The language model learnt
  // conversational text, where "shit" is commoner than "noted", so without this it would take
  // "bedding" for a spun "fucking" and "Squawk" for a spun "Bitch" (all four such restorations on
  // the dev and synthetic sets were wrong). They stay spun forms: spinners do write them ("member
  // states" → "penis states"). The spinner table's own pairs are kept as they are.
  const offensive = loadOffensive();
  const isOffensive = (original) => offensive.has(original) || original.split(/[ -]/).some((w) => offensive.has(w));

  /** edges: spun -> Map original -> {p, src} (probabilities summed per source, best source kept as label) */
  const edges = new Map();
  // A one- or two-letter original from a thesaurus is an abbreviation or a symbol ("ta" for tantalum,
  // "la" for Louisiana, "ab" for the month Av, "ai") unless it is one of the commonest words ("up",
  // "go", "us"): a news writer spells out what a thesaurus abbreviates.
  const isAbbreviation = (original) => original.length <= 2 && rankOf(original) >= params.shortOriginalRank;
  // Readings that would change a fact if restored wrongly, which no evaluation set's spinner makes: a
  // magnitude for another ("trillions" for "millions": WordNet lists them as synonyms in an informal sense;
  // the spinner table's own, "hundreds of thousands" for "millions", stay), and one compass direction for
  // another ("northern" for "eastern": Moby lists the points of the compass together; the same direction
  // in another form stays, "easterly" for "eastern").
  const MAGNITUDE = /^(?:hundred|thousand|million|billion|trillion|zillion)s?$/;
  const DIRECTION = /^((?:north|south)?(?:east|west)?|north|south)(?:ern|erly|wards?)?$/;
  const direction = (w) => DIRECTION.exec(w)?.[1] || null;
  const changesFact = (spun, original) => {
    if (MAGNITUDE.test(spun) && MAGNITUDE.test(original)) return true;
    const way = direction(spun);
    const other = way && direction(original);
    return !!other && other !== way;
  };
  const add = (spun, original, p, src) => {
    if (!spun || !original || spun === original || p <= 0) return;
    if (src !== 'spinner' && (isOffensive(original) || isAbbreviation(original) || changesFact(spun, original))) return;
    let m = edges.get(spun);
    if (!m) {
      m = new Map();
      edges.set(spun, m);
    }
    const e = m.get(original);
    if (!e) m.set(original, { p, best: p, src });
    else {
      e.p = Math.min(1, e.p + p);
      if (p > e.best) {
        e.best = p;
        e.src = src;
      }
    }
  };

  // ---- spinner table
  const seed = readTsv(path.join(ROOT, 'data/spinner/seed-pairs.tsv'));
  const known = readTsv(path.join(ROOT, 'data/spinner/known-swaps.tsv'));
  const spinnerOriginals = new Set();
  const seedOriginals = new Set();
  const tablePairs = [];
  /** Every word-level diff of the tables' rows (not spintax): general swaps for the seed's, credit swaps below. */
  const tableDiffs = [];
  for (const [rows, rel] of [
    [seed, R.seed],
    [known, R.known],
  ]) {
    for (const r of rows) {
      // name rows are for the names and credit matchers only (below)
      if (r.kind === 'name') continue;
      const o = norm(r.original);
      const s = norm(r.spun);
      if (r.kind !== 'spintax') {
        add(s, o, rel, 'spinner');
        tablePairs.push([o, s]);
      } else {
        add(s, o, rel, 'spinner');
        // spintax: braces are residue; also map the bare inside
        const bare = s.replace(/[{}]/g, '').trim();
        if (bare !== s) add(bare, o, rel * 0.5, 'spinner');
      }
      spinnerOriginals.add(o);
      if (rows === seed) seedOriginals.add(o);
      const diffs = rowDiffs(r.original, r.spun);
      if (r.kind !== 'spintax') tableDiffs.push(...diffs);
      // Word-level diffs only of the seed's rows, what one spinner was seen doing ("Getty Photos
      // Information" gives images → photos); a known name's words ("Facilities for Illness Management")
      // as general swaps (management → control) restored wrongly more often than rightly (session 8). Nor
      // a function word's: the phrase swaps around one ("in the" → "within the", "will be" → "shall be",
      // "our own" → "our personal") do not make it swappable alone (session 10).
      for (const [od, sd] of rows === seed ? diffs : []) {
        if (STOP.has(od) || STOP.has(sd)) continue;
        add(sd, od, R.seedDiff, 'spinner');
        tablePairs.push([od, sd]);
        spinnerOriginals.add(od);
        seedOriginals.add(od);
      }
    }
  }
  // inflectional variants of single-word table pairs (troopers->soldiers gives trooper->soldier)
  for (const [o, s] of tablePairs) {
    if (o.includes(' ') || s.includes(' ') || STOP.has(o) || STOP.has(s)) continue;
    const ao = analyze(wn, o);
    const as = analyze(wn, s);
    for (const x of ao) {
      const y = as.find((q) => q.pos === x.pos && q.tag === x.tag);
      if (!y) continue;
      for (const tag of x.pos === 'n' ? ['BASE', 'PL'] : x.pos === 'v' ? ['BASE', '3SG', 'PAST', 'ING'] : []) {
        if (tag === x.tag) continue;
        const of = inflect(wn, x.lemma, x.pos, tag).filter((f) => !f.naive);
        const sf = inflect(wn, y.lemma, y.pos, tag).filter((f) => !f.naive);
        if (of.length && sf.length) for (const sv of sf) add(sv.form, of[0].form, R.seedInflect / sf.length, 'spinner');
      }
    }
  }

  // ---- originals vocabulary
  const isOriginalCandidate = (w) => WORDLIKE.test(w) && !isOriginalStop(w) && w.length > 1 && !w.includes('.');
  const wnOriginals = [];
  for (const i of order) {
    const w = lmWords[i];
    if (wnOriginals.length >= params.wordnetOriginals) break;
    if (isOriginalCandidate(w)) wnOriginals.push(w);
  }
  for (const o of spinnerOriginals) if (isOriginalCandidate(o) && !o.includes(' ') && !wnOriginals.includes(o)) wnOriginals.push(o);

  const okSpun = (s, maxWords, o) =>
    WORDLIKE.test(s) &&
    (!STOP.has(s) || (params.contentfulSpun && o !== undefined && !STOP.has(o) && CONTENTFUL_FUNCTION_WORDS.has(s))) &&
    s.length > 1 &&
    s.split(' ').length <= maxWords;

  // ---- WordNet
  let wnPairs = 0;
  for (const o of wnOriginals) {
    const an = analyze(wn, o);
    if (an.length === 0) continue;
    const perAnalysis = 1 / an.length;
    for (const a of an) {
      const syns = synonyms(wn, a.lemma, a.pos);
      if (syns.length === 0) continue;
      const perSyn = perAnalysis / syns.length;
      for (const s of syns) {
        const forms = inflect(wn, s, a.pos, a.tag);
        const nCorrect = forms.filter((f) => !f.naive).length || 1;
        for (const f of forms) {
          if (!okSpun(f.form, params.maxSpunWordsThesaurus, o)) continue;
          const p = f.naive ? R.wordnetNaive * perSyn : (R.wordnet * perSyn) / nCorrect;
          add(f.form, o, p, 'wordnet');
          wnPairs++;
        }
      }
    }
  }

  // ---- LibreOffice thesaurus (mythes): sense-blind like a dictionary spinner. Only plain synonyms
  // count; "(generic term)", "(related term)", "(similar term)" and "(antonym)" entries are not
  // things a writer's word is swapped for.
  const mythes = loadMythes(SOURCES.mythes.file);
  let mythesPairs = 0;
  const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
  for (const o of wnOriginals) {
    const an = analyze(wn, o);
    if (an.length === 0) continue;
    const perAnalysis = 1 / an.length;
    for (const a of an) {
      const senses = (mythes.get(a.lemma) ?? []).filter((sense) => POS[sense.pos] === (a.pos === 's' ? 'a' : a.pos));
      if (senses.length === 0) continue;
      const perSense = perAnalysis / senses.length;
      for (const sense of senses) {
        const perSyn = perSense / sense.terms.length;
        for (const t of sense.terms) {
          const forms = inflect(wn, t, a.pos === 's' ? 'a' : a.pos, a.tag);
          const nCorrect = forms.filter((f) => !f.naive).length || 1;
          for (const f of forms) {
            if (!okSpun(f.form, params.maxSpunWordsThesaurus, o)) continue;
            add(f.form, o, f.naive ? R.mythesNaive * perSyn : (R.mythes * perSyn) / nCorrect, 'wordnet');
            mythesPairs++;
          }
        }
      }
    }
  }

  // ---- Moby (both directions), lemma level, re-inflected with WordNet's analysis of the original
  const mobyDir = npmPackage(SOURCES.moby.name, SOURCES.moby.version);
  const moby = new Map();
  const link = (a, b) => {
    if (a === b) return;
    let s = moby.get(a);
    if (!s) {
      s = new Set();
      moby.set(a, s);
    }
    s.add(b);
  };
  for (const line of fs.readFileSync(path.join(mobyDir, SOURCES.moby.file), 'utf8').split(/\r?\n/)) {
    const parts = line.split(',').map((x) => x.trim().toLowerCase());
    const head = parts[0];
    if (!head) continue;
    for (const x of parts.slice(1)) {
      if (!x) continue;
      link(head, x);
      link(x, head);
    }
  }
  const mobyOriginals = wnOriginals.filter((o) => rankOf(o) < params.mobyOriginals || seedOriginals.has(o));
  let mobyPairs = 0;
  for (const o of mobyOriginals) {
    const an = analyze(wn, o);
    // lemma + tag combos; a form with no WordNet analysis is treated as a base form
    const combos = an.length ? an : [{ lemma: o, pos: 'x', tag: 'BASE' }];
    const seenTag = new Map();
    for (const a of combos) {
      const key = `${a.lemma}|${a.tag}`;
      if (seenTag.has(key)) continue;
      seenTag.set(key, a);
    }
    const per = 1 / seenTag.size;
    for (const a of seenTag.values()) {
      const syn = moby.get(a.lemma);
      if (!syn) continue;
      const list = [...syn].filter((s) => a.tag === 'BASE' || s.split(' ').length <= 2);
      if (list.length === 0) continue;
      const perSyn = (per * R.moby) / list.length;
      for (const s of list) {
        const forms = a.pos === 'x' ? [{ form: s, naive: false }] : inflect(wn, s, a.pos, a.tag);
        for (const f of forms) {
          if (!okSpun(f.form, params.maxSpunWordsThesaurus)) continue;
          if (!f.form.includes(' ') && rankOf(f.form) >= params.mobySpunRank) continue;
          add(f.form, o, f.naive ? perSyn * 0.3 : perSyn, 'thesaurus');
          mobyPairs++;
        }
      }
    }
  }

  // ---- credit vocabulary: the same thesauri for the words of credit names, kept apart (maxCreditPerKey)
  const creditEdges = new Map();
  const addCredit = (spun, original, p) => {
    if (!okSpun(spun, 2) || spun === original || p <= 0) return;
    let m = creditEdges.get(spun);
    if (!m) {
      m = new Map();
      creditEdges.set(spun, m);
    }
    m.set(original, (m.get(original) ?? 0) + p);
  };
  const credits = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/data/credits.json'), 'utf8'));
  const nameWords = (n) => n.toLowerCase().split(/[\s-]+/);
  const creditWords = [...new Set([...credits.agencies, ...credits.labels].flatMap(nameWords))]
    .filter((w) => isOriginalCandidate(w) && !STOP.has(w) && analyze(wn, w).length > 0)
    .sort();
  // Moby only for the labels' words ("photograph", "file", "pool"): the agencies' words are many, and
  // their names are mostly matched on a word the spinner cannot touch ("Getty", "Reuters").
  const labelWords = new Set(credits.labels.flatMap(nameWords));
  for (const o of creditWords) {
    const an = analyze(wn, o);
    for (const a of an) {
      const lists = [synonyms(wn, a.lemma, a.pos), labelWords.has(o) ? [...(moby.get(a.lemma) ?? [])] : []];
      for (const list of lists) {
        for (const syn of list) {
          for (const f of inflect(wn, syn, a.pos, a.tag)) if (!f.naive) addCredit(f.form, o, 1 / an.length / list.length);
        }
      }
    }
  }

  // The spinner tables' word swaps of credit words, which no thesaurus lists: "open supply" for "open
  // source" says the spinner writes "Supply:" for "Source:". Kept apart like the rest of the credit
  // vocabulary: as general swaps the known swaps' words restored wrongly (session 8), but a credit line
  // is a known name in a known shape.
  const creditSet = new Set(creditWords);
  for (const [od, sd] of tableDiffs) if (creditSet.has(od) && !sd.includes(' ')) addCredit(sd, od, R.known);
  // Swaps spinners make inside institutions' names whose spun form is an ordinary word (department →
  // division, national → nationwide, office → workplace): as general swaps they would rewrite writers'
  // own words, but a capitalised stretch that they turn into a name of the gazetteer ("Division of
  // Justice" → "Department of Justice") is safe to believe. Kept apart with the credit vocabulary.
  for (const r of known) if (r.kind === 'name') addCredit(norm(r.spun), norm(r.original), R.known);

  // ---- prune and encode
  const uni = new Map(lmWords.map((w, i) => [w, lmUniProb[i]]));
  const prior = (o) =>
    o
      .split(' ')
      .map((w) => uni.get(w) ?? -8)
      .reduce((x, y) => x + y, 0);
  // A key whose every candidate is pruned is no key at all.
  const keys = [];
  const lists = [];
  let nEdges = 0;
  let maxSpunWords = 1;
  const LP_MIN = -6.3;
  const LEVELS = 64;
  const step = -LP_MIN / (LEVELS - 1);
  const codebook = new Float32Array(LEVELS).map((_, i) => LP_MIN + i * step);
  const srcCode = { spinner: 0, wordnet: 1, thesaurus: 2, credit: 3 };
  for (const k of [...new Set([...edges.keys(), ...creditEdges.keys()])].sort()) {
    const cands = [...(edges.get(k) ?? [])].map(([o, e]) => ({ o, lp: Math.log10(e.p), src: e.src }));
    cands.sort((x, y) => y.lp + 0.3 * prior(y.o) - (x.lp + 0.3 * prior(x.o)) || (x.o < y.o ? -1 : 1));
    let nThes = 0;
    const kept = cands
      .filter((c) => c.src === 'spinner' || c.lp >= params.minLogProb)
      .filter((c) => c.src !== 'thesaurus' || nThes++ < params.maxThesaurusPerKey)
      .slice(0, params.maxCandidatesPerKey);
    const extra = [...(creditEdges.get(k) ?? [])]
      .filter(([o]) => !kept.some((c) => c.o === o))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, params.maxCreditPerKey)
      .map(([o, p]) => ({ o, lp: Math.max(LP_MIN, Math.log10(p)), src: 'credit' }));
    kept.push(...extra);
    if (kept.length === 0) continue;
    kept.sort((x, y) => y.lp - x.lp || (x.o < y.o ? -1 : x.o > y.o ? 1 : 0));
    keys.push(k);
    lists.push(kept);
    nEdges += kept.length;
    maxSpunWords = Math.max(maxSpunWords, k.split(' ').length);
  }
  // Every string of the channel is named by a handle: a word of the shipped language model by its LM id
  // (handles below V, the size of its vocabulary), any other string by V + its place in the channel's own
  // string table, whose strings are those the LM lacks: first the other originals (the spinner table's
  // phrases, most frequent first; their handles must stay below 65536, as originals are stored in two
  // byte planes), then the other keys and key prefixes, sorted. The LM's vocabulary is only known once
  // the LM is built (it keeps the words this channel puts in play), so encoding waits for it.
  const origSet = new Set();
  for (const l of lists) for (const c of l) origSet.add(c.o);
  const prefixSet = new Set();
  for (const k of keys) {
    const w = k.split(' ');
    for (let i = 1; i < w.length; i++) prefixSet.add(w.slice(0, i).join(' '));
  }
  /** @param {string[]} vocabulary the shipped LM's words, by id */
  const encode = (vocabulary) => {
    const V = vocabulary.length;
    const lmId = new Map(vocabulary.map((w, i) => [w, i]));
    const origs = [...origSet].filter((o) => !lmId.has(o)).sort((x, y) => prior(y) - prior(x) || (x < y ? -1 : x > y ? 1 : 0));
    if (V + origs.length >= 65536) throw new Error('too many originals for 16-bit handles');
    const origNames = new Set(origs);
    const rest = [...new Set([...keys, ...prefixSet])].filter((k) => !lmId.has(k) && !origNames.has(k)).sort();
    const own = [...origs, ...rest];
    for (const x of own) if (!/^[\x20-\x7e]+$/.test(x) || x.includes('\n')) throw new Error(`non-ASCII string ${x}`);
    const ownId = new Map(own.map((x, i) => [x, i]));
    const handle = (x) => lmId.get(x) ?? V + ownId.get(x);
    const keyOrder = keys.map((_k, i) => i).sort((x, y) => handle(keys[x]) - handle(keys[y]));
    const prefixHandles = [...prefixSet].map(handle).sort((x, y) => x - y);
    const out = new ByteWriter(1 << 22);
    out.bytes(Buffer.from('UCH2', 'latin1'));
    out.u32(V);
    out.u32(own.length);
    out.u32(keys.length);
    out.u32(prefixHandles.length);
    out.u32(nEdges);
    out.u8(maxSpunWords);
    for (const c of codebook) out.f32(c);
    out.text(own.join('\n'));
    let prev = 0;
    for (const ki of keyOrder) {
      const h = handle(keys[ki]);
      out.varint(h - prev);
      prev = h;
    }
    prev = 0;
    for (const h of prefixHandles) {
      out.varint(h - prev);
      prev = h;
    }
    for (const ki of keyOrder) out.varint(lists[ki].length);
    for (const ki of keyOrder) for (const c of lists[ki]) out.u8(handle(c.o) & 255);
    for (const ki of keyOrder) for (const c of lists[ki]) out.u8(handle(c.o) >> 8);
    for (const ki of keyOrder) {
      for (const c of lists[ki]) {
        const q = Math.max(0, Math.min(LEVELS - 1, Math.round((c.lp - LP_MIN) / step)));
        out.u8((q << 2) | srcCode[c.src]);
      }
    }
    return { bin: out.result(), strings: own.length };
  };
  // Every word the decoder can swap in or out: the language model needs no n-gram without one (build-lm.mjs).
  // Credit-only entries are not: the decoder never reads them.
  const inPlay = new Set();
  lists.forEach((list, i) => {
    if (list.every((c) => c.src === 'credit')) return;
    for (const x of [keys[i], ...list.filter((c) => c.src !== 'credit').map((c) => c.o)]) for (const w of x.split(/[ -]/)) inPlay.add(w);
  });
  return {
    encode,
    inPlay,
    originals: origSet,
    stats: {
      keys: keys.length,
      edges: nEdges,
      maxSpunWords,
      wnPairs,
      mythesPairs,
      mobyPairs,
      wordnetOriginals: wnOriginals.length,
      mobyOriginals: mobyOriginals.length,
      creditWords: creditWords.length,
      creditEdges: lists.reduce((n, l) => n + l.filter((c) => c.src === 'credit').length, 0),
      params,
    },
  };
}
