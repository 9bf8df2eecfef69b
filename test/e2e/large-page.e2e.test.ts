/**
 * A page of more than 50,000 DOM nodes (generated: 5,000 blocks of spun prose cut into inline
 * elements) is checked to the end: the result lands, highlights are painted near the viewport
 * and follow it, and the page holds a bounded number of highlight ranges and a bounded heap.
 * No timing is asserted; the timeouts only stop a hung run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largePageHtml } from '../fixtures/large-page';
import { type ExtensionBrowser, launchWithExtension, tabIdFor } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

const LONG = 240_000;
/** What the page may hold at once: the window near the viewport, never the whole result (src/page/highlight.ts). */
const MAX_REGISTERED = 1000;
/** Heap of the page's renderer after the check (page, its DOM wrappers and the content script together; about 8-9 MB measured). */
const MAX_HEAP_MB = 64;

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page;

/** Our registered highlight ranges: how many, and how many lie within a screen of the viewport. */
const registered = (p: Page) =>
  p.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = ['unspun-spun', 'unspun-credit'].flatMap((n) => [...(registry.get(n) ?? [])]);
    const h = window.innerHeight;
    const rects = ranges.map((r) => r.getBoundingClientRect());
    return {
      count: ranges.length,
      onScreen: rects.filter((r) => r.bottom > 0 && r.top < h).length,
      farAway: rects.filter((r) => r.bottom < -2.5 * h || r.top > 3.5 * h).length,
    };
  });

beforeAll(async () => {
  server = await startFixtureServer({ 'large-article.html': largePageHtml() });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(server.url('large-article.html'));
  const tabId = await tabIdFor(browser.worker, server.url('large-article.html'));
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('body[data-ready]', { timeout: LONG });
  await page.waitForSelector('html[data-unspun-spans]', { state: 'attached', timeout: LONG });
}, LONG);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page of more than 50,000 nodes', () => {
  it('has that many nodes, and its check completes with thousands of spans', async () => {
    const nodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
      let n = 1;
      while (walker.nextNode()) n++;
      return n;
    });
    const spans = Number(await page.getAttribute('html', 'data-unspun-spans'));
    const heap = await heapMb(page);
    console.log(`[robustness] page of ${nodes} nodes in Chromium: ${spans} spans, page heap ${heap.toFixed(0)} MB after the check`);
    expect(nodes).toBeGreaterThanOrEqual(50_000);
    expect(await popup.getAttribute('body', 'data-ready')).toBe('true');
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
    expect(spans).toBeGreaterThan(MAX_REGISTERED);
    // The whole page was read: its last block is within the text the content script sends (MAX_PAGE_CHARS).
    expect(await page.evaluate(() => document.querySelector('article')?.textContent?.length ?? 0)).toBeLessThan(700_000);
  });

  it('paints the spans near the viewport, and only those', async () => {
    const r = await registered(page);
    expect(r.onScreen).toBeGreaterThan(0);
    expect(r.farAway).toBe(0);
    expect(r.count).toBeLessThanOrEqual(MAX_REGISTERED);
  });

  it('follows the viewport to the end of the page, still holding a bounded number of ranges', async () => {
    await page.bringToFront(); // the popup's tab hid the page; a reader scrolls the page they see
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      return [...(h ?? [])].some((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > 0 && b.top < window.innerHeight;
      });
    });
    const r = await registered(page);
    expect(r.farAway).toBe(0);
    expect(r.count).toBeLessThanOrEqual(MAX_REGISTERED);
  });

  it('shows the tooltip over a word painted after scrolling', async () => {
    const at = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      const r = [...(h ?? [])].map((x) => x.getBoundingClientRect()).find((b) => b.top > 0 && b.bottom < window.innerHeight) as DOMRect;
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('unspun-tooltip[data-state="shown"]', { state: 'attached' });
  });

  it('keeps the page heap bounded after the check', async () => {
    expect(await heapMb(page)).toBeLessThan(MAX_HEAP_MB);
  });
});

/** JS heap in use by the page's renderer (CDP Performance metrics), after a garbage collection. */
async function heapMb(p: Page): Promise<number> {
  const cdp = await p.context().newCDPSession(p);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.POSITIVE_INFINITY) / 1e6;
  } finally {
    await cdp.detach();
  }
}
