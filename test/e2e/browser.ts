/**
 * Launches Debian's Chromium with the built extension loaded (headless, new mode), and finds
 * the extension's service worker and id. No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

/** The e2e build (UNSPUN_E2E=1) may read the loopback fixture server without a toolbar click. */
export const EXTENSION_DIR = path.resolve('.output/e2e-chrome-mv3');

export async function launchWithExtension(dir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`no built extension in ${dir}: run \`npm run build:e2e\` first`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}

declare const chrome: {
  tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> };
};

/** The id of the tab showing `url` (the e2e build's host permission lets the worker read tab URLs there). */
export async function tabIdFor(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(u))?.id ?? -1, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** Open the popup as a page for `tabId` and wait until it has checked that tab. */
export async function openPopup(b: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return popup;
}

/** The text of every range in one of the page's (or a frame's) CSS highlights (empty when there is none). */
export function highlighted(page: Page | Frame, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    return h ? [...h].map((r) => r.toString()) : [];
  }, name);
}

/** A fixture page open in the browser with the extension, and the popup that checked it. */
export interface CheckedPage {
  browser: ExtensionBrowser;
  page: Page;
  popup: Page;
  tabId: number;
  close: () => Promise<void>;
}

/**
 * Serve `fixture`, open it, open the popup for its tab (which checks it), and hand both back.
 * `beforeCheck` runs on the loaded page first (to record what it held before any check).
 */
export async function checkFixture(
  server: { url: (p: string) => string },
  fixture: string,
  beforeCheck?: (page: Page) => Promise<void>,
): Promise<CheckedPage> {
  const browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await page.goto(server.url(fixture));
  await beforeCheck?.(page);
  const tabId = await tabIdFor(browser.worker, server.url(fixture));
  const popup = await openPopup(browser, tabId);
  return { browser, page, popup, tabId, close: () => browser.close() };
}
