#!/usr/bin/env node
/**
 * Main-thread cost of a check in real Chromium (run by `npm run bench`; not a test, never asserts).
 * Serves generated spun articles of 2,000 and 100,000 words from a loopback server, records the
 * page's long tasks (PerformanceObserver 'longtask', installed before load), triggers the check by
 * opening the popup for the tab (as demo-article.e2e.test.ts does) and waits for
 * html[data-unspun-spans]. Reports the longest main-thread task during the check and the total
 * check time. Prints one JSON line; `{ "skipped": reason }` when Chromium or the build is missing.
 *
 *   node test/e2e/longtask.bench.mjs [words ...]     (default: 2000 100000)
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { importTs } from '../../scripts/bench/import-ts.mjs';
import { articlePage, SOURCES, sized } from '../../scripts/bench/texts.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = '.output/e2e-chrome-mv3';
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(2000, 100000);

if (!existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
if (!existsSync(`${EXTENSION}/manifest.json`)) skip(`no e2e build in ${EXTENSION} (UNSPUN_E2E=1 npx wxt build)`);

const { launchWithExtension, tabIdFor } = await importTs('test/e2e/browser.ts');

// Generated pages, served from memory on loopback; every request is recorded.
const pages = new Map(sizes.map((n) => [`/article-${n}.html`, articlePage(sized(SOURCES.spun, n), `Spun article, ${n} words`)]));
const requests = [];
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  requests.push(path);
  const body = pages.get(path);
  res.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html; charset=utf-8' : 'text/plain' });
  res.end(body ?? 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// In the page's main world, before any page script: every long task; the longest gap of a 10 ms
// heartbeat (a cross-check that needs no Long Tasks API); when the check's result lands.
const observe = () => {
  const w = /** @type {any} */ (window);
  w.__longtasks = [];
  w.__gaps = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) w.__gaps.push({ start: performance.timeOrigin + last, duration: now - last });
    last = now;
  }, 10);
  new MutationObserver((_, obs) => {
    if (document.documentElement?.hasAttribute('data-unspun-spans')) {
      w.__spansAt = performance.timeOrigin + performance.now();
      obs.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-unspun-spans'] });
};

const browser = await launchWithExtension(EXTENSION);
const runs = [];
try {
  for (const words of sizes) {
    const url = `${origin}/article-${words}.html`;
    const page = await browser.context.newPage();
    await page.addInitScript(observe);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500); // let the page's own load work settle
    const tabId = await tabIdFor(browser.worker, url);
    const started = Date.now();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await page.bringToFront(); // as with a real popup, the article stays the visible page
    await page.waitForSelector('html[data-unspun-spans]', { state: 'attached', timeout: 240_000 });
    await page.waitForTimeout(1000); // tasks that follow the result (tooltip, watchers) count too
    const seen = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return {
        longtasks: w.__longtasks,
        gaps: w.__gaps,
        spansAt: w.__spansAt,
        spans: Number(document.documentElement.getAttribute('data-unspun-spans')),
        chars: document.querySelector('article')?.textContent?.length ?? 0,
      };
    });
    const state = await popup.evaluate(
      (id) => /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ kind: 'get-tab-state', tabId: id }),
      tabId,
    );
    const during = seen.longtasks.filter((t) => t.start >= started);
    const before = seen.longtasks.filter((t) => t.start < started);
    runs.push({
      words,
      chars: seen.chars,
      spans: seen.spans,
      checkMs: seen.spansAt - started,
      engineMsInBackground: state?.state?.analysis?.timings?.totalMs ?? null,
      maxLongtaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longtasks: during.length,
      longtaskTotalMs: during.reduce((s, t) => s + t.duration, 0),
      maxLongtaskDuringLoadMs: Math.max(0, ...before.map((t) => t.duration)),
      maxHeartbeatGapMs: Math.max(0, ...seen.gaps.filter((t) => t.start >= started).map((t) => t.duration)),
    });
    await popup.close();
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const unexpected = requests.filter((r) => !pages.has(r) && r !== '/favicon.ico');
console.log(JSON.stringify({ chromium: CHROMIUM, extension: EXTENSION, runs, unexpectedRequests: unexpected }));

function skip(reason) {
  console.log(JSON.stringify({ skipped: reason }));
  process.exit(0);
}
