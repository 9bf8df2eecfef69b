/**
 * Spintax residue: a spinner template left unrendered, such as "{that a}" or "{good|nice}".
 * Curly braces almost never occur in news prose, so a short brace group with word content is a
 * high-precision tell. The restored wording is the first alternative, braces removed.
 */
export interface SpintaxHit {
  start: number;
  end: number;
  text: string;
  restored: string;
  alternatives: string[];
}

const SPINTAX_RE = /\{([^{}\n]{1,120})\}/g;
const WORDY_RE = /^[\p{L}\p{N}'’ ,.-]+(?:\|[\p{L}\p{N}'’ ,.-]*)*$/u;

export function findSpintax(text: string): SpintaxHit[] {
  const hits: SpintaxHit[] = [];
  SPINTAX_RE.lastIndex = 0;
  for (let m = SPINTAX_RE.exec(text); m !== null; m = SPINTAX_RE.exec(text)) {
    const inner = m[1] ?? '';
    if (!WORDY_RE.test(inner) || !/\p{L}/u.test(inner)) continue;
    const options = inner.split('|').map((o) => o.trim());
    const [first = '', ...rest] = options;
    hits.push({ start: m.index, end: m.index + m[0].length, text: m[0], restored: first, alternatives: rest.filter(Boolean) });
  }
  return hits;
}
