/** The original article (no spinning): the popup says so and nothing is highlighted on the page. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedPage, checkFixture, highlighted } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

let server: FixtureServer;
let checked: CheckedPage;
let page: Page;
let popup: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  checked = await checkFixture(server, 'original-article.html');
  ({ page, popup } = checked);
});

afterAll(async () => {
  await checked?.close();
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
