/**
 * Web and e-mail addresses, hashtags and @handles: strings a reader clicks or types, not prose. A
 * spinner leaves them alone (a repost's URL slug keeps the headline's own words), and a restoration
 * inside one would break it ("www" → "web", "…-safety-ensures.html" → "…-security-checks.html"), so
 * the decoder does not see them.
 */
export interface LinkHit {
  start: number;
  end: number;
}

const LINK_RE =
  /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"“”‘’()[\]{}]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|(?<![\p{L}\p{N}&])[#@][\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;

/** Closing punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?'’]+$/;

export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  for (const m of text.matchAll(LINK_RE)) {
    const link = m[0].replace(TRAILING, '');
    if (link.length > 1) hits.push({ start: m.index, end: m.index + link.length });
  }
  return hits;
}
