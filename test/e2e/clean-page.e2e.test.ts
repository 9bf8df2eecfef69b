/** The original article (no spinning): the popup says so and nothing is highlighted on the page. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlighted } from './browser';
import { checkFixtureForSpec } from './spec';

let page: Page;
let popup: Page;

checkFixtureForSpec('original-article.html', (checked) => {
  ({ page, popup } = checked);
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
