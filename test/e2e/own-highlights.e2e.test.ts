/**
 * A page with CSS Custom Highlights of its own: a check, the restored wording and the way back
 * leave the page's highlight entries, their ranges and its ::highlight styles as they were,
 * beside ours.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlighted } from './browser';
import { checkFixtureForSpec } from './spec';

let page: Page;
let popup: Page;

interface PageHighlights {
  own: Set<Range>;
  search: Set<Range>;
  texts: () => string[];
}

/** The page's own highlights as the page sees them: same objects still registered, and their ranges' text. */
const pageOwn = (p: Page) =>
  p.evaluate(() => {
    const mine = (window as unknown as { pageHighlights: PageHighlights }).pageHighlights;
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    return {
      sameObjects: registry.get('page-own') === mine.own && registry.get('page-search') === mine.search,
      sizes: [mine.own.size, mine.search.size],
      texts: mine.texts(),
      names: [...registry.keys()].sort(),
      styled: [...document.styleSheets].some((sheet) => sheet.ownerNode?.textContent?.includes('::highlight(page-own)')),
    };
  });

const ORIGINAL = ['Ukraine peace talks', 'White Home chief mentioned', 'Vladimir Putin'];

checkFixtureForSpec('own-highlights.html', async (checked) => {
  ({ page, popup } = checked);
  await page.waitForSelector('html[data-unspun-spans]', { state: 'attached' });
});

describe('a page with CSS highlights of its own', () => {
  it('keeps its own highlight entries and ranges through a check, beside ours', async () => {
    const own = await pageOwn(page);
    expect(own.sameObjects).toBe(true);
    expect(own.sizes).toEqual([2, 1]);
    expect(own.texts).toEqual(ORIGINAL);
    expect(own.names).toEqual(expect.arrayContaining(['page-own', 'page-search', 'unspun-spun']));
    expect(own.styled).toBe(true);
    expect(await highlighted(page, 'unspun-spun')).toEqual(expect.arrayContaining(['mentioned', 'instructed']));
  });

  it('gets its own ranges back exactly after the restored wording is shown and taken back', async () => {
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="restored"]', { state: 'attached' });
    expect((await pageOwn(page)).sameObjects).toBe(true);
    expect(await highlighted(page, 'unspun-restored')).toContain('said');

    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="page"]', { state: 'attached' });
    const own = await pageOwn(page);
    expect(own.sameObjects).toBe(true);
    expect(own.texts).toEqual(ORIGINAL);
    expect(await highlighted(page, 'unspun-spun')).toContain('mentioned');
    expect(await highlighted(page, 'unspun-restored')).toEqual([]);
  });

  it('keeps them when the page is checked again', async () => {
    await page.evaluate(() => document.documentElement.removeAttribute('data-unspun-spans'));
    await popup.reload();
    await popup.waitForSelector('body[data-ready]');
    await page.waitForSelector('html[data-unspun-spans]', { state: 'attached' });
    const own = await pageOwn(page);
    expect(own.sameObjects).toBe(true);
    expect(own.texts).toEqual(ORIGINAL);
  });
});
