/**
 * The XSS corpus through every export and the CLI's HTML path, in Node: Markdown escapes it, CSV
 * neutralises formula cells and round-trips, JSON parses back to the same strings, the plain-text
 * report shows control and bidi characters as visible escapes. Also checks the corpus itself and
 * that the committed hostile fixture page matches its generator.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { analyze } from '../../src/core/analyze';
import type { Resources } from '../../src/core/resources';
import type { Analysis } from '../../src/core/types';
import { csvCell, markdownReport, plain, spansCsv, textReport } from '../../src/report/report';
import { FORMULA_START, marker, PAYLOADS } from '../fixtures/xss-payloads';
import { realResources } from '../helpers/resources';
import { hostileAnalysis } from './hostile-analysis';
import { HOSTILE_PAGE, hostilePageHtml } from './hostile-page';
import { assertInertCsv, assertInertMarkdown, parseCsv } from './inert';

let resources: Resources;
beforeAll(async () => {
  resources = await realResources();
});

describe('the XSS corpus', () => {
  it('has at least 50 payloads over every category, each with its own marker', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PAYLOADS.map((p) => p.id)).size).toBe(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((p) => p.category)).size).toBe(13);
    const executable = PAYLOADS.filter((p) => !['csv-formula', 'markdown'].includes(p.category) || p.payload.includes('javascript:'));
    const markerless = executable.filter((p) => !p.payload.includes(marker(p.id)) && !p.payload.includes(btoa(`top.${marker(p.id)}=1`)));
    // Only the DOM-clobbering payloads that set no script (named elements) have no marker.
    expect(markerless.every((p) => p.category === 'dom-clobbering')).toBe(true);
    console.log(`[corpus] ${PAYLOADS.length} payloads, ${PAYLOADS.filter((p) => p.live).length} also live in the fixture page`);
  });

  it('matches the committed hostile fixture page (UPDATE_FIXTURES=1 rewrites it)', () => {
    const html = hostilePageHtml();
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(HOSTILE_PAGE, html);
    expect(readFileSync(HOSTILE_PAGE, 'utf8')).toBe(html);
  });
});

describe('exports of page text carrying payloads', () => {
  it('Markdown escapes every payload in every field', () => {
    for (const p of PAYLOADS) {
      const md = markdownReport(hostileAnalysis(p.payload), { subject: p.payload, when: p.payload });
      assertInertMarkdown(md);
      // Nothing lost: removing the escapes gives the payload back (line breaks as spaces).
      expect(md.replace(/\\(.)/g, '$1')).toContain(p.payload.replace(/\r\n?|\n/g, ' '));
    }
  });

  it('CSV prefixes formula cells with an apostrophe and round-trips every cell', () => {
    let neutralised = 0;
    for (const p of PAYLOADS) {
      const csv = spansCsv(hostileAnalysis(p.payload).spans, { subject: p.payload, when: '2026-01-01T00:00:00Z' });
      assertInertCsv(csv);
      const rows = parseCsv(csv);
      expect(rows).toHaveLength(3);
      const cell = (rows[1] as string[])[5] as string;
      const formula = FORMULA_START.test(p.payload);
      expect(cell).toBe(formula ? `'${p.payload}` : p.payload);
      if (formula) neutralised++;
      expect((rows[1] as string[])[0]).toBe((rows[1] as string[])[5]);
    }
    expect(neutralised).toBeGreaterThanOrEqual(9);
    for (const c of ['=1', '+1', '-1', '@a', '\t=1', '\r=1', '\n=1']) expect(csvCell(c).replace(/^"/, '')[0]).toBe("'");
  });

  it('JSON parses back to the same strings', () => {
    for (const p of PAYLOADS) {
      const a = hostileAnalysis(p.payload);
      const back = JSON.parse(JSON.stringify(a));
      expect(back.spans[0].text).toBe(p.payload);
      expect(back.credits[0].notes[0]).toBe(p.payload);
    }
  });

  it('the plain-text report writes control and bidi characters as visible escapes', () => {
    for (const p of PAYLOADS) {
      const text = textReport(hostileAnalysis(p.payload), { subject: 'page', when: '2026-01-01T00:00:00Z' });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(plain('a\u001b[2Jb\u202ec\u0000')).toBe('a\\u{1b}[2Jb\\u{202e}c\\u{0}');
    expect(plain('plain text, “quotes” and émoji 😀')).toBe('plain text, “quotes” and émoji 😀');
  });
});

describe('the hostile page through the CLI', () => {
  it('is extracted without its scripts, analysed, and every format stays inert', async () => {
    const outs: Record<string, string> = {};
    for (const format of ['jsonl', 'markdown', 'text']) {
      let out = '';
      const code = await main(['analyze', '--format', format, '--url', 'http://127.0.0.1/hostile-article.html', HOSTILE_PAGE], {
        out: (s) => {
          out += s;
        },
        err: () => undefined,
        stdin: async () => Buffer.alloc(0),
        assetsRoot: new URL('../../public/', import.meta.url),
        now: () => new Date('2026-01-01T00:00:00Z'),
      });
      expect(code).toBe(0);
      outs[format] = out;
    }
    const a = JSON.parse(outs.jsonl as string) as Analysis & { text: string };
    expect(a.verdict.spun).toBe(true);
    expect(a.spans.length).toBeGreaterThan(50);
    // The escaped payloads are article text; the live markup's scripts are not.
    expect(a.text).toContain('<script>top.__xss1=1</script>');
    expect(a.text.split('top.__xss12=1').length).toBeLessThanOrEqual(3); // the live <body onload> left no text of its own
    assertInertMarkdown(outs.markdown as string);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(outs.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The same text through the engine directly gives the same spans.
    expect(analyze(a.text, resources, { url: 'http://127.0.0.1/hostile-article.html' }).spans.length).toBe(a.spans.length);
  });
});
