/**
 * An article cut into many inline elements (a word per span, a word split across two spans):
 * highlights cover exactly the spun words, the tooltip shows the original on hover, the page can
 * be shown in restored wording and back without changing its DOM, and the overlay fallback draws
 * boxes on the same words when the Highlight API is not used.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlighted, openPopup, tabIdFor } from './browser';
import type { FixtureServer } from './server';
import { checkFixtureForSpec } from './spec';

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page;
let originalHtml: string;

/** Client rect of the page text `needle` (first occurrence inside <article>), found from the main world. */
const rectOf = (p: Page, needle: string) =>
  p.evaluate((n) => {
    const root = document.querySelector('article') as Element;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let text = '';
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const starts = nodes.map((t) => {
      const s = text.length;
      text += t.data;
      return s;
    });
    const at = text.indexOf(n);
    const find = (off: number) => {
      let i = starts.length - 1;
      while (i > 0 && (starts[i] as number) > off) i--;
      return { node: nodes[i] as Text, offset: off - (starts[i] as number) };
    };
    const a = find(at);
    const b = find(at + n.length - 1);
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset + 1);
    const rect = r.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }, needle);

checkFixtureForSpec(
  'split-article.html',
  async (checked, fixtures) => {
    ({ browser, page, popup } = checked);
    server = fixtures;
    await page.waitForSelector('html[data-unspun-spans]');
  },
  async (p) => {
    originalHtml = await p.innerHTML('article');
  },
);

describe('an article split across many elements', () => {
  it('gets highlights on exactly the spun words, across element boundaries', async () => {
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
    const spun = await highlighted(page, 'unspun-spun');
    // "Home" is <span>Ho</span><span>me</span>, "warfare" is <b>war</b><i>fare</i>.
    for (const word of ['White Home', 'warfare', 'mentioned', 'instructed', 'telephone']) expect(spun).toContain(word);
    expect(spun.every((s) => s === s.trim() && s.length > 0)).toBe(true);
  });

  it('never highlights inside inputs, editable areas or code', async () => {
    const inside = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      return [...(h ?? [])].filter((r) => (r.startContainer.parentElement as Element).closest('input, [contenteditable], code')).length;
    });
    expect(inside).toBe(0);
  });

  it('shows the likely original in the tooltip when a highlighted word is hovered', async () => {
    const r = await rectOf(page, 'White Home');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    await page.waitForSelector('unspun-tooltip[data-state="shown"]', { state: 'attached' });
    const tip = await page.evaluate(() => document.querySelector('unspun-tooltip')?.shadowRoot?.querySelector('.tip')?.textContent ?? '');
    expect(tip).toContain('Likely original');
    expect(tip).toContain('White House');
    await page.mouse.move(2, 2);
    await page.waitForSelector('unspun-tooltip:not([data-state])', { state: 'attached' });
  });

  it('switches the page to the restored wording and back, restoring the DOM exactly', async () => {
    const nodeCount = await page.evaluate(() => document.querySelectorAll('article *').length);
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="restored"]');
    expect(await popup.getAttribute('#toggle-wording', 'aria-pressed')).toBe('true');
    const restoredText = await page.textContent('article');
    // "Ho|me" spans two elements: its restoration must land across both.
    expect(restoredText).toMatch(/The White House \w+ said he spoke/);
    expect(restoredText).not.toContain('White Home');
    expect(await page.evaluate(() => document.querySelectorAll('article *').length)).toBe(nodeCount);
    expect(await highlighted(page, 'unspun-restored')).toContain('White House');

    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="page"]');
    expect(await popup.getAttribute('#toggle-wording', 'aria-pressed')).toBe('false');
    expect(await page.innerHTML('article')).toBe(originalHtml);
    expect(await highlighted(page, 'unspun-spun')).toContain('White Home');
  });

  it('draws overlay boxes on the same words where the Highlight API is not used', async () => {
    const overlayPage = await browser.context.newPage();
    const url = server.url('split-article.html?overlay');
    await overlayPage.goto(url);
    await openPopup(browser, await tabIdFor(browser.worker, url));
    await overlayPage.waitForSelector('unspun-overlay[data-unspun-boxes]', { state: 'attached' });
    expect(await highlighted(overlayPage, 'unspun-spun')).toEqual([]);
    const boxes = await overlayPage.evaluate(() =>
      [...(document.querySelector('unspun-overlay')?.shadowRoot?.querySelectorAll('.box') ?? [])].map((b) => {
        const r = b.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(boxes.length).toBeGreaterThan(20);
    const near = (a: number, b: number) => Math.abs(a - b) < 1.5;
    const check = async () => {
      const word = await rectOf(overlayPage, 'instructed');
      const fresh = await overlayPage.evaluate(() =>
        [...(document.querySelector('unspun-overlay')?.shadowRoot?.querySelectorAll('.box') ?? [])].map((b) => {
          const r = b.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      return fresh.some((b) => near(b.x, word.x) && near(b.y, word.y) && near(b.width, word.width));
    };
    expect(await check()).toBe(true);
    // Boxes follow the words when the page scrolls.
    await overlayPage.evaluate(() => window.scrollTo(0, 300));
    await overlayPage.waitForTimeout(100);
    expect(await check()).toBe(true);
  });
});
