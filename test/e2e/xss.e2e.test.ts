/**
 * Page text is data: a hostile page whose article, title, credit lines, link texts and meta tags
 * carry the payloads of test/fixtures/xss-payloads.ts (as escaped text, and as real markup that the
 * page itself runs) is checked by the built extension in Chromium. Nothing may run in the popup,
 * the options page or the tooltip; the exports keep the payloads inert; and no request leaves the
 * browser for the check (the only requests are the page's own, to the loopback fixture server).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownReport, spansCsv } from '../../src/report/report';
import { PAYLOADS } from '../fixtures/xss-payloads';
import { TITLE_PAYLOADS } from '../security/hostile-page';
import { assertInertCsv, assertInertMarkdown } from '../security/inert';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension, tabIdFor } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

declare const chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };

interface Seen {
  url: string;
  /** The URL of the page or frame that made it ('' for a worker). */
  from: string;
  worker: string | null;
  at: number;
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page;
let tabId: number;
let copyDir = '';
const requests: Seen[] = [];
const dialogs: { page: string; message: string }[] = [];
let loadedAt = 0;
let pageRequestsAtLoad = 0;
let pageMarkers: string[] = [];

const PAGE = 'hostile-article.html';
/** What the page text becomes on its way into the analysed text (see src/page/extract.ts readPage). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the DOM's stand-in for NUL
const asPageText = (s: string) => s.replace(/\u0000/g, '\uFFFD').replace(/[\r\n\t\f]/g, ' ');

const markersIn = (p: Page) => p.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__xss')));

function watch(p: Page) {
  p.on('dialog', (d) => {
    dialogs.push({ page: p.url(), message: d.message() });
    void d.dismiss().catch(() => undefined);
  });
}

beforeAll(async () => {
  server = await startFixtureServer();
  // A private copy of the e2e build, so a rebuild elsewhere in the checkout cannot change it mid-run.
  copyDir = mkdtempSync(join(tmpdir(), 'unspun-xss-ext-'));
  cpSync(EXTENSION_DIR, copyDir, { recursive: true });
  browser = await launchWithExtension(copyDir);
  browser.context.on('request', (r: Request) => {
    let from = '';
    try {
      from = r.frame().url();
    } catch {
      // Requests from workers have no frame.
    }
    requests.push({ url: r.url(), from, worker: r.serviceWorker()?.url() ?? null, at: Date.now() });
  });
  page = await browser.context.newPage();
  watch(page);
  await page.goto(server.url(PAGE), { waitUntil: 'load' });
  await page.waitForTimeout(300); // the page's own late requests (its hostile images) settle
  loadedAt = Date.now();
  pageRequestsAtLoad = server.requests.length;
  pageMarkers = await markersIn(page);
  tabId = await tabIdFor(browser.worker, server.url(PAGE));
  popup = await browser.context.newPage();
  watch(popup);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('body[data-ready]', { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

describe('a hostile page', () => {
  it('runs its own live payloads in its own context (the fixture really is hostile)', () => {
    // Counted for docs/security.md; the page's scripts may run, ours must not.
    console.log(
      `[xss] ${PAYLOADS.length} payloads, ${PAYLOADS.filter((p) => p.live).length} live; page-side markers set: ${pageMarkers.length}`,
    );
    expect(pageMarkers.length).toBeGreaterThan(10);
  });

  it('is checked, and spun wording beside the payloads is still found and highlighted', async () => {
    expect(await popup.getAttribute('body', 'data-ready')).toBe('true');
    await page.waitForSelector('html[data-unspun-spans]');
    expect(Number(await page.getAttribute('html', 'data-unspun-spans'))).toBeGreaterThan(50);
    const highlighted = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(highlighted).toContain('mentioned');
  });
});

describe('the popup on a hostile page', () => {
  it('runs no payload: no marker in its window, no dialog', async () => {
    expect(await markersIn(popup)).toEqual([]);
    expect(dialogs.filter((d) => !d.page.startsWith('http://127.0.0.1'))).toEqual([]);
  });

  it('holds the payloads only as text: no script, handler attribute, script URL or embedded document', async () => {
    const found = await popup.evaluate((id) => {
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: [...document.scripts].map((s) => s.src).filter((src) => !src.startsWith(`chrome-extension://${id}/`)),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        badUrls: all.flatMap((el) =>
          [...el.attributes]
            .filter(
              (a) =>
                a.name === 'srcdoc' ||
                (/^(href|src|action|formaction|xlink:href|data|background|poster)$/i.test(a.name) &&
                  !/^(https:|#|blob:|chrome-extension:|\/(?!\/))/i.test(a.value.trim())) ||
                (a.name === 'style' && /expression\(|url\(/i.test(a.value)),
            )
            .map((a) => `${el.tagName} ${a.name}=${a.value}`),
        ),
        embedded: all.filter((el) => /^(IFRAME|OBJECT|EMBED|FRAME|FRAMESET|TEMPLATE|BASE|math)$/.test(el.tagName)).map((el) => el.tagName),
        refresh: document.querySelectorAll('meta[http-equiv]').length,
        sheets: [...document.querySelectorAll('link')].map((l) => l.href).filter((h) => !h.startsWith(`chrome-extension://${id}/`)),
        links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        body: document.body.textContent ?? '',
        title: document.getElementById('page-title')?.textContent ?? '',
      };
    }, browser.extensionId);
    expect(found.scripts).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.badUrls).toEqual([]);
    expect(found.embedded).toEqual([]);
    expect(found.refresh).toBe(0);
    expect(found.sheets).toEqual([]);
    for (const href of found.links) expect(href).toMatch(/^(https:\/\/|#|blob:)/);
    // The payloads are there, as text: the page's title, and every payload of the article in the side-by-side text.
    for (const p of TITLE_PAYLOADS) expect(found.title).toContain(p.payload);
    const missing = PAYLOADS.filter((p) => !found.body.includes(asPageText(p.payload))).map((p) => p.id);
    if (missing.length) console.log(found.body.slice(0, 3000));
    expect(missing).toEqual([]);
  });

  it('keeps the tooltip in the page free of payload markup (closed shadow root, text only)', async () => {
    // Hover the first highlighted word so the tooltip shows a span. The page's own autofocus
    // payloads scroll it when it comes to the front, so scroll back to the word after that.
    await page.bringToFront();
    await page.waitForTimeout(100);
    const box = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      const r = h ? [...h][0] : undefined;
      if (!r) return null;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      // The first line box of the words: a phrase that wraps has a bounding box whose centre is on neither line.
      const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    expect(box).not.toBeNull();
    const shown = () =>
      page.evaluate(() => Document.prototype.querySelector.call(document, 'unspun-tooltip')?.getAttribute('data-state') === 'shown');
    for (let i = 0; i < 10 && !(await shown()); i++) {
      await page.mouse.move((box?.x ?? 0) + (i % 3) - 1, (box?.y ?? 0) + (i % 2));
      await page.waitForTimeout(60);
    }
    // Every element Unspun put into the page, seen through the DevTools protocol, which also
    // pierces closed shadow roots (shipped builds close them; the e2e build opens them for tests).
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    await cdp.detach();
    const ours = walk(root).filter((n) => n.nodeType === 1 && attrs(n).has('data-unspun-ui'));
    const hosts = ours.filter((n) => n.nodeName.startsWith('UNSPUN-'));
    expect(hosts.map((n) => n.nodeName)).toContain('UNSPUN-TOOLTIP');
    for (const n of ours) expect(['UNSPUN-TOOLTIP', 'UNSPUN-OVERLAY', 'STYLE']).toContain(n.nodeName);
    for (const host of hosts) {
      // No light-DOM children: the page's markup never ends up inside our hosts.
      expect((host.children ?? []).filter((c) => c.nodeType === 1)).toEqual([]);
      const shadow = host.shadowRoots?.[0] as DomNode;
      expect(['open', 'closed']).toContain(shadow.shadowRootType);
      const elements = walk(shadow).filter((n) => n.nodeType === 1);
      for (const el of elements) {
        expect(['STYLE', 'DIV', 'SPAN']).toContain(el.nodeName);
        for (const a of attrs(el).keys()) expect(a).toMatch(/^(class|role|hidden|style|aria-[a-z]+|data-[a-z-]+)$/);
      }
    }
    const tooltip = hosts.find((n) => n.nodeName === 'UNSPUN-TOOLTIP') as DomNode;
    const tip = walk(tooltip.shadowRoots?.[0] as DomNode).find((n) => attrs(n).get('role') === 'tooltip') as DomNode;
    // The hover showed it, and it holds text only, none of it a payload.
    const tipText = walk(tip)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '');
    console.log(`[tooltip] shown on hover: ${!attrs(tip).has('hidden')}; text: ${JSON.stringify(tipText.join(' | '))}`);
    for (const p of PAYLOADS) expect(tipText.join(' ')).not.toContain(p.payload);
    expect(attrs(tip).has('hidden')).toBe(false);
    expect(tipText.join('')).toMatch(/\w/);
    expect(await markersIn(popup)).toEqual([]);
  });

  it('exports Markdown, JSON and CSV that keep the payloads inert', async () => {
    const download = async (label: RegExp) => {
      const [d] = await Promise.all([popup.waitForEvent('download'), popup.locator('button', { hasText: label }).click()]);
      return readFileSync((await d.path()) as string, 'utf8');
    };
    const md = await download(/^markdown$/i);
    const json = await download(/^json$/i);
    const csv = await download(/^csv$/i);
    const stored = (await popup.evaluate((id) => chrome.runtime.sendMessage({ kind: 'get-tab-state', tabId: id }), tabId)) as {
      ok: boolean;
      state: { url: string; checkedAt: string; analysis: Parameters<typeof markdownReport>[0] };
    };
    // The downloads are the report functions' output for the stored result.
    const ctx = { subject: stored.state.url, when: stored.state.checkedAt };
    expect(md).toBe(markdownReport(stored.state.analysis, ctx));
    expect(csv).toBe(spansCsv(stored.state.analysis.spans, ctx));
    assertInertMarkdown(md);
    const parsed = JSON.parse(json);
    expect(parsed.spans.length).toBe(stored.state.analysis.spans.length);
    // Credit lines whose photographer is a formula reach the exports: as text in JSON, escaped in Markdown.
    const credits = (parsed.credits as { text: string }[]).map((c) => c.text);
    expect(credits.filter((c) => /^[=+\-@]/.test(c)).length).toBeGreaterThan(2);
    const unescaped = md.replace(/\\(.)/g, '$1');
    for (const c of credits) expect(unescaped).toContain(c.replace(/\n/g, ' '));
    assertInertCsv(csv);
    expect(await markersIn(popup)).toEqual([]);
    expect(dialogs.filter((d) => !d.page.startsWith('http://127.0.0.1'))).toEqual([]);
  });

  it('exports an HTML report that holds every spun stretch and runs and fetches nothing when opened from disk', async () => {
    const [d] = await Promise.all([popup.waitForEvent('download'), popup.click('#export-html')]);
    const file = join(copyDir, 'unspun-audit.html');
    await d.saveAs(file);
    const stored = (await popup.evaluate((id) => chrome.runtime.sendMessage({ kind: 'get-tab-state', tabId: id }), tabId)) as {
      state: { analysis: { spans: unknown[] } };
    };
    const report = await browser.context.newPage();
    watch(report);
    const fetched: string[] = [];
    report.on('request', (r) => fetched.push(r.url()));
    const address = pathToFileURL(file).href;
    await report.goto(address, { waitUntil: 'load' });
    await report.waitForTimeout(300); // anything the payloads could start has had its chance
    expect(await markersIn(report)).toEqual([]);
    expect(fetched).toEqual([address]);
    expect(await report.locator('.article del').count()).toBe(stored.state.analysis.spans.length);
    expect(await report.locator('script, img, iframe, object, embed, svg, math, form, [onerror], [onload]').count()).toBe(0);
    await report.close();
    expect(dialogs.filter((x) => !x.page.startsWith('http://127.0.0.1'))).toEqual([]);
  });
});

describe('the options page', () => {
  it('renders without running anything', async () => {
    const options = await browser.context.newPage();
    watch(options);
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForFunction(() => (document.getElementById('version')?.textContent ?? '') !== '');
    expect(await markersIn(options)).toEqual([]);
    expect(await options.evaluate(() => document.querySelectorAll('[onclick],[onload],[onerror],iframe,object,embed').length)).toBe(0);
    await options.close();
    expect(dialogs.filter((d) => !d.page.startsWith('http://127.0.0.1'))).toEqual([]);
  });
});

describe('privacy during a check of a hostile page', () => {
  it('sends nothing: every request is the page loading itself from the loopback server', async () => {
    const origin = new URL(server.url('/')).origin;
    const ext = `chrome-extension://${browser.extensionId}/`;
    // Only these schemes reach a network; the page's own javascript: and data: URLs never leave the tab.
    const web = requests.filter((r) => /^(https?|wss?|ftp):/i.test(r.url));
    // Everything on the web side comes from the hostile page (or its own frames) to the loopback server…
    for (const r of web) {
      expect(r.url.startsWith(`${origin}/`)).toBe(true);
      expect(r.worker).toBeNull();
      expect(r.from.startsWith(ext)).toBe(false);
    }
    // …and nothing at all after the page had loaded: the check, the popup, the tooltip and the exports sent nothing.
    expect(web.filter((r) => r.at > loadedAt)).toEqual([]);
    expect(server.requests.length).toBe(pageRequestsAtLoad);
    // Extension pages and the service worker fetched only the extension's own files.
    for (const r of requests.filter((r) => r.from.startsWith(ext) || r.worker))
      expect(r.url.startsWith(ext) || r.url.startsWith('blob:')).toBe(true);
    const workerFetches = await browser.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(workerFetches.filter((u) => !u.startsWith(ext))).toEqual([]);
    const popupFetches = await popup.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(popupFetches.filter((u) => !u.startsWith(ext) && !u.startsWith('blob:'))).toEqual([]);
    console.log(
      `[privacy] ${requests.length} requests seen: ${web.length} by the page to ${origin} (all before the check), ` +
        `${requests.length - web.length} extension-internal; ${workerFetches.length} service-worker fetches, all chrome-extension://`,
    );
  });
});

describe('a page that names a frame after the extension API', () => {
  // `<iframe name="chrome">` (or "browser") shadows the extension API in the content script's
  // isolated world. The background then reads the page through executeScript (no extension API
  // needed there) and analyses it without in-page highlights.
  it('is still checked', async () => {
    const evasive = await browser.context.newPage();
    watch(evasive);
    await evasive.goto(server.url('hostile-named-frame.html'));
    const id = await tabIdFor(browser.worker, server.url('hostile-named-frame.html'));
    const p = await browser.context.newPage();
    watch(p);
    await p.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${id}`);
    await p.waitForSelector('body[data-ready]', { timeout: 30_000 });
    const ready = await p.getAttribute('body', 'data-ready');
    expect(await markersIn(p)).toEqual([]);
    await p.close();
    await evasive.close();
    expect(ready).toBe('true');
  });
});

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
  contentDocument?: DomNode;
}

function walk(n: DomNode): DomNode[] {
  const out: DomNode[] = [n];
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) out.push(...walk(c));
  return out;
}

function attrs(n: DomNode): Map<string, string> {
  const a = n.attributes ?? [];
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < a.length; i += 2) m.set(a[i] as string, a[i + 1] as string);
  return m;
}
