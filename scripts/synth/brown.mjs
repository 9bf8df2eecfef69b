// Brown corpus reader: tagged files -> paragraphs of {w, tag} tokens, headline detection, article chunks,
// and a detokenizer that renders tokens into readable prose.
import fs from 'node:fs';
import path from 'node:path';

/** Parse one Brown file: array of paragraphs; a paragraph = { tokens:[{w,tag}], headline:boolean }. */
export function parseBrownFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  const paras = [];
  for (const block of text.split(/\n\s*\n/)) {
    const tokens = [];
    for (const raw of block.split(/\s+/)) {
      if (!raw) continue;
      const k = raw.lastIndexOf('/');
      if (k <= 0) continue;
      tokens.push({ w: raw.slice(0, k), tag: raw.slice(k + 1).toLowerCase() });
    }
    if (!tokens.length) continue;
    // a headline run at the start of a block ("Pastor named/vbn-hl Rev. ...") becomes its own paragraph
    let h = 0;
    while (h < tokens.length && (tokens[h].tag.endsWith('-hl') || !/[A-Za-z0-9]/.test(tokens[h].w))) h++;
    if (h > 0 && h < tokens.length && tokens.slice(0, h).some((t) => /[A-Za-z]/.test(t.w))) {
      paras.push({ tokens: tokens.splice(0, h), headline: true });
    }
    const words = tokens.filter((t) => /[A-Za-z0-9]/.test(t.w));
    const headline = words.length > 0 && words.every((t) => t.tag.endsWith('-hl'));
    paras.push({ tokens, headline });
  }
  return paras;
}

export function brownFiles(dir, prefix) {
  return fs
    .readdirSync(dir)
    .filter((f) => new RegExp(`^${prefix}\\d\\d$`).test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The text of every file of the corpus (all categories, ca–cr), for counts over the whole of it. */
function corpusTexts(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Counts of vbd / vbn tags per lowercase word form over the whole corpus (to tell past from participle). */
export function formTagCounts(dir) {
  const m = new Map();
  for (const text of corpusTexts(dir)) {
    for (const mm of text.matchAll(/(\S+)\/(vbd|vbn)(?:-[a-z]+)?(?=\s)/g)) {
      const w = mm[1].toLowerCase();
      let e = m.get(w);
      if (!e) {
        e = { vbd: 0, vbn: 0 };
        m.set(w, e);
      }
      e[mm[2]]++;
    }
  }
  return m;
}

/** How often each lowercase word occurs in the whole Brown corpus: (word) => count. */
export function brownWordCounts(dir) {
  const counts = new Map();
  for (const text of corpusTexts(dir)) {
    for (const mm of text.matchAll(/(\S+)\/[a-z$*+-]+(?=\s)/g)) {
      const w = mm[1].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return (word) => counts.get(word) ?? 0;
}

export const wordCount = (para) => para.tokens.filter((t) => /[A-Za-z0-9]/.test(t.w)).length;

/**
 * Split a file's paragraphs into articles of roughly [minW, maxW] words. A headline paragraph starts a new
 * article when the current one is long enough; articles shorter than minW are merged or dropped.
 */
export function chunkArticles(paras, rng, minW = 300, maxW = 700) {
  const out = [];
  let cur = [],
    n = 0,
    target = minW + 50 + Math.floor(rng() * (maxW - minW - 150));
  const flush = () => {
    if (cur.length) out.push({ paras: cur, words: n });
    cur = [];
    n = 0;
    target = minW + 50 + Math.floor(rng() * (maxW - minW - 150));
  };
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i],
      w = wordCount(p);
    if (p.headline && n >= minW) flush();
    if (!p.headline && n + w > maxW && n >= minW) flush();
    cur.push(p);
    n += w;
    // do not end an article on a headline
    if (
      n >= target &&
      !p.headline &&
      !(paras[i + 1] && !paras[i + 1].headline && n + wordCount(paras[i + 1]) <= Math.min(maxW, target + 40))
    )
      flush();
  }
  flush();
  const fixed = [];
  for (const a of out) {
    while (a.paras.length && a.paras[a.paras.length - 1].headline) {
      a.words -= wordCount(a.paras.pop());
    }
    if (a.words >= minW && a.words <= maxW) fixed.push(a);
    else if (a.words < minW && fixed.length && fixed[fixed.length - 1].words + a.words <= maxW) {
      const prev = fixed[fixed.length - 1];
      prev.paras.push(...a.paras);
      prev.words += a.words;
    }
  }
  return fixed;
}

// ---------- detokenizer ----------
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''", "'", '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '``', '`', '$']);

/** Surface string of a Brown token (quotes, dashes, brackets normalised). */
export function surface(w) {
  if (w === '``' || w === "''") return '"';
  if (w === '`') return "'";
  if (w === '--') return '—';
  return w;
}

/**
 * Given tokens (with .w), return for each token whether a space precedes it. Quotes are tracked so that a
 * straight double quote opens or closes correctly.
 */
export function spacing(tokens) {
  const sp = [];
  let prevNoAfter = true;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].w;
    let space = !prevNoAfter && !NO_SPACE_BEFORE.has(w);
    if (/^'(s|S)$|^n't$/.test(w)) space = false;
    sp.push(space);
    prevNoAfter = NO_SPACE_AFTER.has(w);
  }
  return sp;
}
