/**
 * Web and e-mail addresses, hashtags and @handles: strings a reader clicks or types, not prose. A
 * spinner leaves them alone (a repost's URL slug keeps the headline's own words), and a restoration
 * inside one would break it ("www" → "web", "…-safety-ensures.html" → "…-security-checks.html"), so
 * the decoder does not see them.
 *
 * Most articles hold none, so the text is searched for what every one of them contains ("http",
 * "www.", "@", "#") and read around those places only: one regex over every position of the page
 * cost a tenth of a whole analysis, and an e-mail pattern free to start anywhere was quadratic on a
 * long run of letters.
 */
export interface LinkHit {
  start: number;
  end: number;
}

/** From "http" or "www.": the address runs to white space or a bracket or quote. */
const URL_AT = /(?:https?:\/\/|www\.)[^\s<>"“”‘’()[\]{}]+/y;
/** From "@" or "#" (a handle or hashtag) or just after "@" (an e-mail address's domain). */
const TAG_AT = /[#@][\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/uy;
const DOMAIN_AT = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
/** Closing punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?'’]+$/;
/** An e-mail address ends in a top-level domain of letters ("example.org", not "v1.2"). */
const EMAIL_END = /\.\p{L}{2,}$/u;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isLocalChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}._%+-]/u.test(c);

export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  const add = (start: number, end: number) => {
    const link = text.slice(start, end).replace(TRAILING, '');
    if (link.length > 1) hits.push({ start, end: start + link.length });
  };
  for (const lead of ['http', 'www.']) {
    for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
      if (isWordChar(text[at - 1])) continue;
      URL_AT.lastIndex = at;
      const m = URL_AT.exec(text);
      if (m) {
        add(at, at + m[0].length);
        at += m[0].length - 1;
      }
    }
  }
  for (const mark of ['@', '#']) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      if (mark === '@' && isLocalChar(text[at - 1])) {
        // an e-mail address: its local part back to where the run of such characters starts
        let start = at;
        while (start > 0 && isLocalChar(text[start - 1])) start--;
        DOMAIN_AT.lastIndex = at + 1;
        const m = DOMAIN_AT.exec(text);
        if (!m) continue;
        const end = at + 1 + m[0].replace(TRAILING, '').length;
        if (EMAIL_END.test(text.slice(start, end))) add(start, end);
        at = end - 1;
        continue;
      }
      if (isWordChar(text[at - 1]) || text[at - 1] === '&') continue;
      TAG_AT.lastIndex = at;
      const m = TAG_AT.exec(text);
      if (m) {
        add(at, at + m[0].length);
        at += m[0].length - 1;
      }
    }
  }
  // Inside a web address "@" and "#" are part of it: keep the longest hit at each place, in order.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LinkHit[] = [];
  for (const h of hits) if (out.length === 0 || h.start >= (out[out.length - 1] as LinkHit).end) out.push(h);
  return out;
}
