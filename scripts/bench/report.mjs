// The bench's verdict on the targets of "Fast enough to run on every page" and the results section
// of docs/performance.md (rewritten between the bench:start / bench:end markers on every run).
import { readFileSync, writeFileSync } from 'node:fs';

const KB = 1000;
const MB = 1000 * 1000;

const num = (x, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? 'n/a'
    : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Milliseconds with as many decimals as a reader needs. */
const ms = (x) => (x === 0 ? '0' : num(x, x < 1 ? 3 : x < 10 ? 2 : x < 100 ? 1 : 0));
const ratio = (x) => (x < 10 ? num(x, 2) : num(x, 0));
const kb = (bytes) => `${num(bytes / KB, 1)} KB`;

/** Each target of the issue with what was measured and whether it is met. */
export function evaluateTargets(r) {
  const at = (words) => r.rows.filter((row) => row.words === words);
  const worst = (rows, key) => Math.max(...rows.map((row) => row[key]));
  const big = r.browser.runs?.find((run) => run.words === 100000);
  return [
    {
      target: '2,000 words in < 5 ms (warm)',
      measured: `${ms(worst(at(2000), 'engineMs'))} ms (slower of spun/clean)`,
      met: worst(at(2000), 'engineMs') < 5,
    },
    {
      target: '≤ 3× a bare tokenizer pass',
      measured: `${ratio(worst(r.rows, 'engineOverTokenizer'))}× at worst (${ratio(worst(at(2000), 'engineOverTokenizer'))}× at 2,000 words; the in-context floor alone ${ratio(worst(at(2000), 'floorOverTokenizer'))}×)`,
      met: worst(r.rows, 'engineOverTokenizer') <= 3,
    },
    {
      // The engine's own lexicon is the channel's keys: that is "the same lexicon". The regex over
      // the spinner table's few hundred forms is reported beside it.
      target: 'faster than the regex peer (same lexicon)',
      measured: `${ratio(worst(r.rows, 'engineOverRegexChannel'))}× its time at worst on the channel's keys (${ratio(worst(r.rows, 'engineOverRegex'))}× on the spinner table's forms; the in-context floor alone ${ratio(worst(r.rows, 'floorOverRegexChannel'))}×)`,
      met: worst(r.rows, 'engineOverRegexChannel') < 1,
    },
    {
      target: 'cold start < 100 ms',
      measured: `${ms(r.coldStart.totalMs)} ms (median of ${r.coldStart.runs.length} fresh processes)`,
      met: r.coldStart.totalMs < 100,
    },
    {
      target: 'no main-thread task > 50 ms on the 100,000-word page',
      measured: big
        ? `${ms(big.maxTaskMs)} ms longest task in the trace (Long Tasks API: ${ms(big.maxLongtaskApiMs)} ms)`
        : `not measured (${r.browser.skipped ?? 'no run'})`,
      met: big ? big.maxTaskMs <= 50 : null,
    },
    {
      target: 'content script < 60 KB gzip',
      measured: kb(r.bundle.content.gzip),
      met: r.bundle.content.gzip < 60 * KB,
    },
    {
      target: 'data ≤ 3 MB compressed',
      measured: `${num(r.bundle.data.raw / MB, 2)} MB`,
      met: r.bundle.data.raw <= 3 * MB,
    },
  ];
}

export function renderMarkdown(r) {
  const out = [];
  // Columns padded to their width, as the formatter (biome) writes Markdown tables.
  const table = (head, align, rows) => {
    const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((row) => String(row[i]).length)));
    const cell = (x, i) => (align[i] === 'r' ? String(x).padStart(widths[i]) : String(x).padEnd(widths[i]));
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    out.push(line(head), `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`);
    for (const row of rows) out.push(line(row));
    out.push('');
  };
  out.push(`Run of ${r.when.slice(0, 10)}, Node ${r.node}, ${r.benchSeconds} s in all. Means; times in ms.`, '');

  out.push('### Engine, tokenizer and peers', '');
  table(
    ['words', 'text', 'engine', 'words/s', 'tokenizer', '× tok.', 'regex', '× regex', 'Aho–C.', '× A–C', 'harper.js', '× harper'],
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    r.rows.map((row) => [
      num(row.words),
      row.kind,
      ms(row.engineMs),
      num(row.wordsPerSecond),
      ms(row.tokenizerMs),
      ratio(row.engineOverTokenizer),
      ms(row.regexMs),
      ratio(row.engineOverRegex),
      ms(row.ahoCorasickMs),
      ratio(row.engineOverAhoCorasick),
      ms(row.harperMs),
      ratio(row.engineOverHarper),
    ]),
  );
  out.push(
    `Peers on the channel's ${num(r.lexicons.channelKeys)} keys instead of the spinner table's ${num(r.lexicons.spinnerSpunForms)} spun forms:`,
    '',
  );
  table(
    ['words', 'text', 'regex', '× regex', 'Aho–C.', '× A–C'],
    ['r', 'l', 'r', 'r', 'r', 'r'],
    r.rows.map((row) => [
      num(row.words),
      row.kind,
      ms(row.regexChannelMs),
      ratio(row.engineOverRegexChannel),
      ms(row.ahoCorasickChannelMs),
      ratio(row.engineOverAhoCorasickChannel),
    ]),
  );
  out.push(
    `harper.js: loading its WebAssembly ${ms(r.harper.setupMs)} ms, first lint (2,000 words, not in the table) ${ms(r.harper.firstLintMs)} ms.`,
    '',
  );

  if (r.rows.every((row) => row.floorMs !== undefined)) {
    out.push(
      'The least work of any detector that weighs synonyms in context (tokenizing, LM and channel look-ups of every word, two bigrams per candidate original; `scripts/bench/floor.mjs`):',
      '',
    );
    table(
      ['words', 'text', 'floor', '× tok.', '× regex (channel)', 'engine × floor'],
      ['r', 'l', 'r', 'r', 'r', 'r'],
      r.rows.map((row) => [
        num(row.words),
        row.kind,
        ms(row.floorMs),
        ratio(row.floorOverTokenizer),
        ratio(row.floorOverRegexChannel),
        ratio(row.engineOverFloor),
      ]),
    );
  }

  if (r.unseen) {
    out.push('A page not seen before (fresh caches, warmed on the other articles in `test/fixtures/reposts`; median of 7):', '');
    table(
      ['words', 'text', 'engine', '× warm row'],
      ['r', 'l', 'r', 'r'],
      r.unseen.map((u) => [num(u.words), u.kind, ms(u.medianMs), ratio(u.overWarm)]),
    );
  }

  const c = r.coldStart;
  const m = r.memory100kWords;
  out.push('### Cold start and memory', '');
  table(
    ['measure', 'value'],
    ['l', 'r'],
    [
      ['cold start: load engine + assets, first analysis of 2,000 words', `${ms(c.totalMs)} ms`],
      ['… of which importing the bundled engine', `${ms(c.importMs)} ms`],
      ['… reading, gunzipping and decoding both assets', `${ms(c.assetsMs)} ms`],
      ['… the first (unoptimised) analysis', `${ms(c.firstAnalysisMs)} ms`],
      ['100,000 words: analysis time (fresh process, one warm-up)', `${ms(m.ms)} ms`],
      [`100,000 words: peak JS heap (heap before: ${num(m.heapBeforeMiB, 1)} MiB)`, `${num(m.peakHeapMiB, 1)} MiB`],
      ['100,000 words: JS heap retained after the analysis', `${num(m.heapRetainedMiB, 1)} MiB`],
      ['100,000 words: peak resident memory of the process', `${num(m.maxRssMiB, 0)} MiB`],
    ],
  );

  const b = r.bundle;
  out.push('### Bundle sizes (.output/chrome-mv3)', '');
  table(
    ['part', 'raw', 'gzip -9'],
    ['l', 'r', 'r'],
    [
      ['content script', kb(b.content.raw), kb(b.content.gzip)],
      [`popup (${b.popup.files.length} files)`, kb(b.popup.raw), kb(b.popup.gzip)],
      ['background', kb(b.background.raw), kb(b.background.gzip)],
      [`data assets (shipped gzipped; ${num(b.data.uncompressed / MB, 2)} MB unpacked)`, kb(b.data.raw), kb(b.data.gzip)],
      [`whole extension (${b.wholeExtension.files} files)`, kb(b.wholeExtension.raw), kb(b.wholeExtension.gzip)],
    ],
  );

  out.push('### In Chromium (e2e build, popup opened for the tab)', '');
  if (r.browser.runs) {
    table(
      ['words', 'spans', 'check total', 'engine in background', 'longest main-thread task (trace)', 'tasks > 50 ms', 'Long Tasks API max'],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
      r.browser.runs.map((run) => [
        num(run.words),
        num(run.spans),
        `${ms(run.checkMs)} ms`,
        `${ms(run.engineMsInBackground)} ms`,
        `${ms(run.maxTaskMs)} ms`,
        num(run.tasksOver50Ms),
        `${ms(run.maxLongtaskApiMs)} ms`,
      ]),
    );
  } else {
    out.push(`Skipped: ${r.browser.skipped}.`, '');
  }

  out.push('### Targets', '');
  table(
    ['target', 'measured', ''],
    ['l', 'l', 'l'],
    r.targets.map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? '**met**' : '**not met**']),
  );
  return out.join('\n').trim();
}

/** Replaces the text between `<!-- bench:start -->` and `<!-- bench:end -->` in `file`. */
export function updateDoc(file, markdown) {
  const doc = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file.pathname ?? file}: no ${start} … ${end} section`);
  writeFileSync(file, `${doc.slice(0, a + start.length)}\n${markdown}\n${doc.slice(b)}`);
}
