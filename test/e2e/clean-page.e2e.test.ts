/** The original article (no spinning): the popup says so and nothing is highlighted on the page. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlighted, launchWithExtension, openPopup, tabIdFor } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(server.url('original-article.html'));
  popup = await openPopup(browser, await tabIdFor(browser.worker, server.url('original-article.html')));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a clean page', () => {
  it('says no spinning was found', async () => {
    expect(await popup.getAttribute('body', 'data-ready')).toBe('true');
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('clean');
    expect(await popup.textContent('#verdict')).toBe('No spinning found');
    expect(await page.getAttribute('html', 'data-unspun-verdict')).toBe('clean');
  });

  it('shows no highlights and no overlay on the page', async () => {
    expect(await highlighted(page, 'unspun-spun')).toEqual([]);
    expect(await page.$('unspun-overlay')).toBeNull();
  });
});
