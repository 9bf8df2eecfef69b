/**
 * "Immutables": stretches a spinner leaves alone (direct quotes, names, numbers), which make the
 * best search queries for the original article. Picks quoted passages, else sentences, that no
 * span touches, preferring ones rich in names and numbers.
 */
import type { Span } from './types';

/** `text` is the page's text and `spans` its spun stretches (offsets into it): the phrases are words the page shares with the original. */
export function distinctivePhrases(text: string, spans: readonly Pick<Span, 'start' | 'end'>[], max = 3): string[] {
  const touched = (a: number, b: number) => spans.some((s) => s.start < b && a < s.end);
  const found: { phrase: string; score: number }[] = [];
  const QUOTE_RE = /[“"]([^”"\n]{30,240})[”"]/g;
  for (let m = QUOTE_RE.exec(text); m !== null; m = QUOTE_RE.exec(text)) {
    const start = m.index + 1;
    const inner = m[1] ?? '';
    if (touched(start, start + inner.length)) continue;
    found.push({ phrase: clip(inner), score: 2 + richness(inner) });
  }
  const SENTENCE_RE = /[^.!?\n]{40,240}[.!?]/g;
  for (let m = SENTENCE_RE.exec(text); m !== null; m = SENTENCE_RE.exec(text)) {
    if (touched(m.index, m.index + m[0].length)) continue;
    found.push({ phrase: clip(m[0].trim()), score: richness(m[0]) });
  }
  const ranked = found.sort((a, b) => b.score - a.score).map((f) => f.phrase);
  return [...new Set(ranked)].slice(0, max);
}

/** Names and numbers make a phrase findable. */
function richness(s: string): number {
  const names = s.match(/\b\p{Lu}\p{Ll}+/gu)?.length ?? 0;
  const numbers = s.match(/\d+/g)?.length ?? 0;
  return Math.min(names, 6) * 0.3 + Math.min(numbers, 4) * 0.5;
}

/**
 * Search engines match about a dozen words exactly; keep the first twelve. The phrase goes inside
 * an exact-phrase query, so quotation marks around it are dropped and a straight double quote in it
 * (which would end the query's phrase) becomes a space.
 */
function clip(s: string): string {
  const words = s.replace(/"/g, ' ').trim().split(/\s+/);
  return words
    .slice(0, 12)
    .join(' ')
    .replace(/^[“‘']+|[,;:]?[”’']*$/g, '');
}

export function searchUrl(phrase: string, domain: string | null): string {
  const q = `"${phrase}"${domain ? ` site:${domain}` : ''}`;
  return `https://duckduckgo.com/?q=${encodeURIComponent(q)}`;
}
