// Peers and references run on the same text as the engine. Each detector returns the spans it
// finds ({ start, end } in UTF-16 code units), which is what a highlighter needs.
import { LocalLinter } from 'harper.js';
import { binary } from 'harper.js/binary';
import AhoCorasick from 'modern-ahocorasick';

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The naive detector: one case-insensitive regular-expression alternation over the lexicon, longest first. */
export function regexPeer(lexicon) {
  const re = new RegExp(
    `\\b(?:${[...new Set(lexicon)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|')})\\b`,
    'gi',
  );
  return (text) => {
    const spans = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
    return spans;
  };
}

/**
 * An Aho–Corasick scan (modern-ahocorasick): lowercased, whole words, leftmost-longest. The library
 * walks grapheme clusters with Intl.Segmenter, which is superlinear on long strings in Node 20
 * (docs/performance.md), so the text is scanned one line (paragraph) at a time, offsets shifted back.
 */
export function ahoCorasickPeer(lexicon) {
  const matcher = new AhoCorasick([...new Set(lexicon.map((w) => w.toLowerCase()))]);
  const options = { strategy: 'leftmost-longest', wholeWord: true, locale: 'en' };
  return (text) => {
    const spans = [];
    let offset = 0;
    for (const line of text.toLowerCase().split('\n')) {
      if (line !== '') for (const m of matcher.search(line, options)) spans.push({ start: offset + m.start, end: offset + m.end });
      offset += line.length + 1;
    }
    return spans;
  };
}

/**
 * Harper (harper.js), a local WebAssembly grammar checker, as a reference for "a linter over the
 * page's text". Its first lint compiles lazily and takes seconds, so `setup` also lints a warm-up text.
 */
export async function harperReference(warmupText) {
  const linter = new LocalLinter({ binary });
  const t0 = performance.now();
  await linter.setup();
  const setupMs = performance.now() - t0;
  await linter.lint(warmupText, { language: 'plaintext' });
  const firstLintMs = performance.now() - t0 - setupMs;
  return { lint: (text) => linter.lint(text, { language: 'plaintext' }), setupMs, firstLintMs, dispose: () => linter.dispose() };
}
