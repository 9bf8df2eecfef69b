/**
 * The engine on arbitrary Unicode (fast-check): surrogate pairs and lone surrogates, combining
 * marks, RTL scripts and bidi controls, emoji sequences, NUL and other controls, every line-ending
 * style, very long words, spun prose and the XSS corpus, all mixed. `analyze` never throws; spans
 * are in bounds, sorted, disjoint, never split a surrogate pair and quote the text exactly;
 * `restoredText` is the text with the spans applied; and analysing the restored text again finds
 * far fewer spans. Sizes: 10 MB of non-prose text, and a 50,000-node HTML page through the CLI's
 * HTML path. The counts printed here ([robustness] lines) are recorded in docs/security.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/cli/html';
import { analyze, applySpans } from '../../src/core/analyze';
import type { Resources } from '../../src/core/resources';
import type { Analysis } from '../../src/core/types';
import { PAYLOADS } from '../fixtures/xss-payloads';
import { realResources } from '../helpers/resources';

let resources: Resources;
beforeAll(async () => {
  resources = await realResources();
});

const seed = readFileSync(join(process.cwd(), 'demo/seed-article.txt'), 'utf8');
const sentences = seed.split(/(?<=[.!?”])\s+|\n/).filter((s) => s.trim().length > 0);
const words = seed.split(/\s+/).filter(Boolean);

const SPECIAL = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0301',
  'e\u0301',
  'Z\u0351\u0352\u0353\u0354',
  '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67',
  '\ud83c\uddfa\ud83c\uddf8',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  '\udbff\udbff',
  'שלום עולם',
  'مرحبا بالعالم',
  'U.S.',
  '’',
  "'",
  '-',
  '{',
  '|',
  '}',
  '“',
  '”',
  '. ',
  'Getty Photos',
  ' | Getty Photos Information | Getty Photos',
];

/** A lone surrogate (high or low). */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: fc.constantFrom(...sentences) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS.map((p) => p.payload)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => 'Ω\u0301'.repeat(n)) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\r\n', '\r', '\t', ', ', '. ');
const text = fc.array(fc.tuple(piece, separator), { maxLength: 60 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

/** Spun prose: seed sentences in random order, with payloads and odd characters between them. */
const spunText = fc
  .array(
    fc.tuple(
      fc.constantFrom(...sentences),
      fc.oneof(separator, fc.constantFrom(...SPECIAL), fc.constantFrom(...PAYLOADS.map((p) => ` ${p.payload} `))),
    ),
    {
      minLength: 8,
      maxLength: 40,
    },
  )
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair. */
const splitsPair = (s: string, i: number) => i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

function checkInvariants(input: string, a: Analysis): void {
  expect(a.version).toBe(1);
  expect(Number.isFinite(a.verdict.score) && a.verdict.score >= 0 && a.verdict.score <= 1).toBe(true);
  let prevEnd = 0;
  for (const s of a.spans) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd); // sorted and disjoint
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(input.length);
    expect(splitsPair(input, s.start) || splitsPair(input, s.end)).toBe(false);
    expect(s.text).toBe(input.slice(s.start, s.end));
    expect(s.confidence >= 0 && s.confidence <= 1).toBe(true);
    prevEnd = s.end;
  }
  for (const c of a.credits) {
    expect(c.start >= 0 && c.end <= input.length && c.start < c.end).toBe(true);
    expect(c.text).toBe(input.slice(c.start, c.end));
  }
  expect(a.restoredText).toBe(applySpans(input, a.spans));
  // The result always serialises and parses back (lone surrogates become \u escapes).
  expect(JSON.parse(JSON.stringify(a)).spans.length).toBe(a.spans.length);
}

const RUNS = { arbitrary: 300, spun: 60, large: 20 };

describe('analyze on arbitrary Unicode', () => {
  it(`never throws and keeps every invariant (${RUNS.arbitrary} runs)`, () => {
    fc.assert(
      fc.property(text, (t) => {
        checkInvariants(t, analyze(t, resources));
      }),
      { numRuns: RUNS.arbitrary, seed: 20260101 },
    );
  });

  it(`keeps every invariant on large mixed texts (${RUNS.large} runs of up to ~60 kB)`, () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 5, maxLength: 40 }), (parts) => {
        const t = parts.join('\n');
        checkInvariants(t, analyze(t, resources));
      }),
      { numRuns: RUNS.large, seed: 7 },
    );
  });

  it(`restores spun prose so that a second pass finds almost nothing (${RUNS.spun} runs)`, () => {
    let first = 0;
    let second = 0;
    let worst = 0;
    fc.assert(
      fc.property(spunText, (t) => {
        const a = analyze(t, resources);
        checkInvariants(t, a);
        const again = analyze(a.restoredText, resources);
        checkInvariants(a.restoredText, again);
        first += a.spans.length;
        second += again.spans.length;
        if (a.spans.length >= 10) worst = Math.max(worst, again.spans.length / a.spans.length);
      }),
      { numRuns: RUNS.spun, seed: 42 },
    );
    const ratio = second / Math.max(1, first);
    console.log(
      `[robustness] re-analysis of restoredText: ${second} spans vs ${first} on the first pass (${(ratio * 100).toFixed(1)}%), worst single text ${(worst * 100).toFixed(1)}%`,
    );
    expect(first).toBeGreaterThan(RUNS.spun * 5);
    // Measured: 0 spans on the second pass (fixed seed). Asserted with a little room, well under the 10% asked for.
    expect(ratio).toBeLessThanOrEqual(0.02);
  });

  it('handles 10 MB of non-prose text (long words, marks, emoji, controls, markup)', () => {
    const unit = `${'x'.repeat(9000)} ${'\u0301'.repeat(500)}\ud83d\ude00\u202e\u0000\r\n<img src=x onerror=top.__xss=1>${'\ud800'.repeat(10)}${'—'.repeat(400)}\n`;
    const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
    global.gc?.();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const a = analyze(big, resources);
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    const growth = (after.heapUsed - before.heapUsed) / 1e6;
    console.log(
      `[robustness] ${(big.length / 1e6).toFixed(1)} M code units of non-prose: ${Math.round(ms)} ms, ${a.spans.length} spans, heap +${growth.toFixed(0)} MB, rss ${(after.rss / 1e6).toFixed(0)} MB`,
    );
    expect(a.restoredText).toBe(applySpans(big, a.spans));
    expect(growth).toBeLessThan(1500);
  });

  it('handles words of 200,000 letters of one kind (no step of the engine recurses per letter)', () => {
    // "Asss…s": an acronym's plural is read by stripping one "s", once; it used to recurse per "s".
    const text = `A${'s'.repeat(200_000)} said. ${'S'.repeat(200_000)} said. ${'e'.repeat(200_000)}s said.`;
    const a = analyze(text, resources);
    expect(a.restoredText).toBe(applySpans(text, a.spans));
  });

  it('extracts and analyses a 50,000-node HTML page through the CLI HTML path', () => {
    const para = (i: number) =>
      `<p>Trump <em>mentioned</em> he <span>instructed</span> officers <a href="https://www.cnbc.com/${i}">to start</a> talks &lt;img src=x onerror=top.__xss=1&gt;.</p>`;
    // 10 elements per block: <div>, <p>, <em>, <span>, <a> and their text nodes.
    const blocks = Array.from({ length: 5000 }, (_, i) => `<div class="c">${para(i)}</div>`).join('\n');
    const html = `<!doctype html><html><head><title>Big</title></head><body><article>${blocks}</article><script>top.__xss=1</script></body></html>`;
    const t0 = performance.now();
    const article = extractArticle(html, 'https://repost.example/big');
    const t1 = performance.now();
    const a = analyze(article.text, resources);
    const t2 = performance.now();
    const nodes = (html.match(/<[a-z]+/g) ?? []).length * 2;
    console.log(
      `[robustness] HTML page of ~${nodes} nodes (${(html.length / 1e6).toFixed(1)} MB): extract ${Math.round(t1 - t0)} ms, analyse ${Math.round(t2 - t1)} ms, ${a.spans.length} spans`,
    );
    expect(nodes).toBeGreaterThanOrEqual(50_000);
    expect(article.text).not.toContain('top.__xss=1</script>');
    expect(article.text).toContain('<img src=x onerror=top.__xss=1>');
    expect(a.spans.length).toBeGreaterThan(1000);
    checkInvariants(article.text, a);
  });
});
