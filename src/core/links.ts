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

// Each alternative can start only where its run of characters starts (a literal, or a lookbehind),
// so a long run without a match is scanned once, not once per position (a 120,000-letter "word"
// would otherwise take minutes), and none ends in a part that can fail after a long match.
const LINK_RE =
  /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"“”‘’()[\]{}]+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{L}\p{N}&])[#@][\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;

/** Closing punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?'’]+$/;

/** An e-mail address ends in a top-level domain of letters ("example.org", not "v1.2"). */
const EMAIL_END = /\.\p{L}{2,}$/u;

export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  for (const m of text.matchAll(LINK_RE)) {
    const link = m[0].replace(TRAILING, '');
    const email = link.includes('@') && link[0] !== '@';
    if (link.length > 1 && (!email || EMAIL_END.test(link))) hits.push({ start: m.index, end: m.index + link.length });
  }
  return hits;
}
