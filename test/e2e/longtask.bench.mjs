#!/usr/bin/env node
/**
 * Main-thread cost of a check in real Chromium (run by `npm run bench`; not a test, never asserts).
 * Serves generated spun articles of 2,000 and 100,000 words from a loopback server, records the
 * page's long tasks (PerformanceObserver 'longtask', installed before load), triggers the check by
 * opening the popup for the tab (as demo-article.e2e.test.ts does) and waits for
 * html[data-unspun-spans]. Reports the total check time and the longest task on the page's main
 * thread during the check, measured twice: by the Long Tasks API, and from a Chromium trace (CDP
 * Tracing, top-level tasks of the page's renderer main thread). They differ: the Long Tasks API does
 * not report work done by an extension's content script (its isolated world), the trace does.
 * Prints one JSON line; `{ "skipped": reason }` when Chromium or the build is missing.
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
const DETAIL = process.env.DETAIL === '1';
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

// In the page's main world, before any page script: every long task, and when the check's result lands.
const observe = () => {
  const w = /** @type {any} */ (window);
  w.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, obs) => {
    if (document.documentElement?.hasAttribute('data-unspun-spans')) {
      w.__spansAt = performance.timeOrigin + performance.now();
      obs.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-unspun-spans'] });
};

/** Records a Chromium trace while `during` runs; returns the top-level tasks of `url`'s renderer main thread. */
async function mainThreadTasks(page, url, during) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // DETAIL=1 adds the timeline categories that say what a long task did (script, style, layout, paint).
  const categories = `toplevel,disabled-by-default-devtools.timeline${DETAIL ? ',devtools.timeline,v8.execute,blink' : ''}`;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pid = frames.find((f) => f.url === url)?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) return null;
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main.tid);
  // Outermost tasks only: a task's own "toplevel" events (e.g. a mojo message inside RunTask) are not counted twice.
  const toplevel = [];
  for (const e of onMain.filter((x) => x.cat.split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const outer = toplevel.at(-1);
    if (!outer || e.ts >= outer.ts + outer.dur) toplevel.push(e);
  }
  return toplevel.map((e) => {
    // ms: wall time; cpuMs: the thread's own time (less when the OS ran other work meanwhile).
    const task = { name: e.name, ms: e.dur / 1000, cpuMs: e.tdur === undefined ? null : Math.round(e.tdur / 100) / 10 };
    if (task.ms <= 50 || !DETAIL) return task;
    // What a long task spent its time on: the timeline events directly inside it, by name.
    const inside = onMain.filter((c) => c !== e && !c.cat.split(',').includes('toplevel') && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur);
    const byName = new Map();
    for (const c of inside) byName.set(c.name, (byName.get(c.name) ?? 0) + c.dur / 1000);
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6);
    return { ...task, inside: Object.fromEntries(top.map(([n, ms]) => [n, Math.round(ms * 10) / 10])) };
  });
}

const browser = await launchWithExtension(EXTENSION);
const runs = [];
try {
  for (const words of sizes) {
    const url = `${origin}/article-${words}.html`;
    const page = await browser.context.newPage();
    await page.addInitScript(observe);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500); // let the page's own load work settle
    // Playwright compiles its own injected script in the page at the first selector query: do
    // that before tracing, or its 30-60 ms evaluation is counted as a task of the check.
    await page.waitForSelector('article', { state: 'attached' });
    const tabId = await tabIdFor(browser.worker, url);
    let started = 0;
    let popup;
    const tasks = await mainThreadTasks(page, url, async () => {
      started = Date.now();
      // The popup opens in a window of its own, so the article stays the visible page of its window
      // (as under a real toolbar popup) and its timers are not throttled as a background tab's would be.
      const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
      [popup] = await Promise.all([
        browser.context.waitForEvent('page', (p) => p.url() === popupUrl),
        browser.worker.evaluate(
          (u) => /** @type {any} */ (globalThis).chrome.windows.create({ url: u, type: 'popup', focused: false }),
          popupUrl,
        ),
      ]);
      await page.waitForSelector('html[data-unspun-spans]', { state: 'attached', timeout: 240_000 });
      await page.waitForTimeout(1000); // tasks that follow the result (tooltip, watchers) count too
    });
    const seen = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return {
        longtasks: w.__longtasks,
        spansAt: w.__spansAt,
        spans: Number(document.documentElement.getAttribute('data-unspun-spans')),
        chars: document.querySelector('article')?.textContent?.length ?? 0,
        visibility: document.visibilityState,
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
      pageVisibility: seen.visibility,
      spans: seen.spans,
      checkMs: seen.spansAt - started,
      engineMsInBackground: state?.state?.analysis?.timings?.totalMs ?? null,
      maxTaskMs: tasks ? Math.max(0, ...tasks.map((t) => t.ms)) : null,
      tasksOver50Ms: tasks ? tasks.filter((t) => t.ms > 50).length : null,
      ...(DETAIL && {
        longTasks: tasks
          ?.filter((t) => t.ms > 50)
          .map((t) => ({ name: t.name, ms: Math.round(t.ms * 10) / 10, cpuMs: t.cpuMs, inside: t.inside })),
      }),
      maxLongtaskApiMs: Math.max(0, ...during.map((t) => t.duration)),
      longtaskApiCount: during.length,
      maxLongtaskDuringLoadMs: Math.max(0, ...before.map((t) => t.duration)),
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
