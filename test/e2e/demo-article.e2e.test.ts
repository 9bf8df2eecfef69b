/**
 * The demo article (the seed repost) on a loopback page: the popup opened for that tab checks
 * it, the content script highlights spun wording in place, and the popup shows the verdict.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from './server';
import { checkFixtureForSpec } from './spec';

declare const chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };

let server: FixtureServer;
let page: Page;
let popup: Page;
let tabId: number;

checkFixtureForSpec('spun-article.html', (checked, fixtures) => {
  ({ page, popup, tabId } = checked);
  server = fixtures;
});

describe('the demo article', () => {
  it('is checked without error when the popup opens for its tab', async () => {
    expect(await popup.getAttribute('body', 'data-ready')).toBe('true');
  });

  it('gets spun words highlighted in place by the content script', async () => {
    await page.waitForSelector('html[data-unspun-spans]');
    const highlighted = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(highlighted.length).toBeGreaterThan(20);
    expect(highlighted).toContain('mentioned');
    // "instructed" sits in a <strong> inside the paragraph: the range must cover exactly it.
    expect(highlighted).toContain('instructed');
  });

  it('highlights the mangled photo credits', async () => {
    const credits = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-credit');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(credits).toContain('Getty Photos Information');
  });

  it('shows the spun verdict, the restored wording and the likely source in the popup', async () => {
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
    expect(await popup.textContent('#verdict')).toContain('Spun');
    const rows = await popup.$$eval('.spans tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows).toContainEqual(['mentioned', 'said', expect.any(String)]);
    expect(await popup.textContent('.source .publisher')).toContain('CNBC');
    expect(await popup.textContent('.credits')).toContain('Getty Images News');
  });

  it('answers get-tab-state messages from extension pages with the stored result', async () => {
    const reply = (await popup.evaluate((id) => chrome.runtime.sendMessage({ kind: 'get-tab-state', tabId: id }), tabId)) as {
      ok: boolean;
      state: { analysis: { verdict: { spun: boolean } } } | null;
    };
    expect(reply.ok).toBe(true);
    expect(reply.state?.analysis.verdict.spun).toBe(true);
  });

  it('makes no network request beyond loading the page itself', async () => {
    expect(server.requests.filter((r) => r !== '/spun-article.html' && r !== '/favicon.ico')).toEqual([]);
  });

  it('saves screenshots of the page and the popup for the README', async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    await popup.setViewportSize({ width: 480, height: 760 });
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: 'docs/screenshots/popup.png' });
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 380));
    await page.screenshot({ path: 'docs/screenshots/page.png' });
    for (const file of ['docs/screenshots/popup.png', 'docs/screenshots/page.png']) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }
  });

  it('exports JSON that follows the analysis contract', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('#export-json')]);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(json).toMatchObject({ version: 1, verdict: { spun: true, score: expect.any(Number) }, restoredText: expect.any(String) });
    expect(json.source).toMatchObject({ publisher: 'CNBC', evidence: expect.any(Array) });
    expect(json.credits.length).toBeGreaterThan(0);
    const [first] = json.spans;
    expect(first).toMatchObject({
      start: expect.any(Number),
      end: expect.any(Number),
      text: expect.any(String),
      restored: expect.any(String),
    });
    expect(json.spans.every((sp: { kind: string }) => ['synonym', 'phrase', 'spintax', 'credit'].includes(sp.kind))).toBe(true);
  });

  it('compares the page with the original article only when asked, with one request for it', async () => {
    await popup.click('details.compare summary');
    await popup.fill('#original-url', server.url('original-article.html'));
    await popup.click('.compare-form button[type=submit]');
    await popup.waitForSelector('#comparison', { timeout: 20_000 });
    expect(await popup.getAttribute('#comparison', 'data-verdict')).toBe('copy');
    expect(await popup.textContent('.compare-verdict')).toMatch(/\d+(\.\d)?% of the original's words/);
    expect(await popup.$$eval('.changes li', (li) => li.length)).toBeGreaterThan(20);
    expect(server.requests.filter((r) => r !== '/favicon.ico')).toEqual(['/spun-article.html', '/original-article.html']);
  });
});
