/**
 * Automatic checks: nothing runs until the user adds a site in the options; then pages on that
 * site (127.0.0.1) are checked as they load and as a single-page app changes its article, while
 * another site (localhost, same server) is never touched. Every check lands in the history.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlighted, launchWithExtension } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

declare const chrome: { scripting: { getRegisteredContentScripts: () => Promise<{ id: string; matches?: string[] }[]> } };

let server: FixtureServer;
let browser: ExtensionBrowser;
let options: Page;

const registered = () =>
  browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
const localhost = (path: string) => server.url(path).replace('127.0.0.1', 'localhost');

async function open(url: string): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(url);
  return p;
}

/** Give an automatic check (if any) the time it would take, then report whether it ran. */
async function checkedAfterAWhile(p: Page): Promise<boolean> {
  await p.waitForTimeout(1500);
  return (await p.getAttribute('html', 'data-unspun-verdict')) !== null;
}

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('automatic checks', () => {
  it('do not run anywhere by default', async () => {
    expect(await registered()).toEqual([]);
    const p = await open(server.url('spun-article.html?before'));
    expect(await checkedAfterAWhile(p)).toBe(false);
    await p.close();
  });

  it('are turned on for a site from the options page, with its host access', async () => {
    await options.fill('#site-input', server.url(''));
    await options.click('#add-site');
    await options.waitForSelector('#sites li[data-site="http://127.0.0.1"][data-granted="true"]');
    await expect.poll(registered).toEqual(['http://127.0.0.1/*']);
  });

  it('check a page on the allowed site as it loads, with no click', async () => {
    const p = await open(server.url('spun-article.html'));
    await p.waitForSelector('html[data-unspun-verdict="spun"]');
    expect(await highlighted(p, 'unspun-spun')).toContain('mentioned');
  });

  it('never run on another site', async () => {
    const p = await open(localhost('spun-article.html'));
    expect(await p.textContent('h1')).toContain('peace talks');
    expect(await checkedAfterAWhile(p)).toBe(false);
  });

  it('follow late content and single-page navigation, without re-checking their own changes', async () => {
    const p = await open(server.url('spa-article.html'));
    // The first story arrives after load, in original wording.
    await expect.poll(() => p.getAttribute('html', 'data-unspun-spans'), { timeout: 10_000 }).not.toBeNull();
    await p.waitForFunction(() => document.title && document.querySelector('#app h1')?.textContent?.includes('begin peace talks'));
    await expect.poll(() => p.getAttribute('html', 'data-unspun-verdict'), { timeout: 10_000 }).toBe('clean');
    // Client-side navigation to a spun story.
    await p.click('#next');
    await p.waitForSelector('html[data-unspun-verdict="spun"]', { timeout: 10_000 });
    expect(p.url()).toMatch(/\/story-2$/);
    expect(await highlighted(p, 'unspun-spun')).toContain('White Home');
    // Once settled, nothing triggers another check (highlights and tooltip are not page changes).
    await p.evaluate(() => {
      const w = window as unknown as { checks: number };
      w.checks = 0;
      new MutationObserver(() => w.checks++).observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['data-unspun-spans'],
      });
    });
    await p.waitForTimeout(2000);
    expect(await p.evaluate(() => (window as unknown as { checks: number }).checks)).toBe(0);
  });

  it('are recorded in the history as automatic checks', async () => {
    await options.reload();
    await options.waitForSelector('#history tbody tr');
    const rows = await options.$$eval('#history tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows.some((r) => r[2] === 'Spun copy' && r[6] === 'automatic')).toBe(true);
    expect(rows.every((r) => !(r[1] ?? '').includes('localhost'))).toBe(true);
    await options.click('#clear-history');
    await options.waitForSelector('p#history');
  });

  it('stop when the site is removed', async () => {
    await options.click('#sites li[data-site="http://127.0.0.1"] button.remove');
    await expect.poll(registered).toEqual([]);
    const p = await open(server.url('spun-article.html?after'));
    expect(await checkedAfterAWhile(p)).toBe(false);
  });
});
