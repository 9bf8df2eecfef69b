/**
 * Articles inside frames. A frame of the page's own origin is read through the page (no extra
 * permission), checked, highlighted and restored in place; a frame of another origin cannot be
 * read, and the check says so instead of checking the page around it.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlighted, openPopup, tabIdFor } from './browser';
import type { FixtureServer } from './server';
import { checkFixtureForSpec } from './spec';

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page;
let frame: Frame;
let originalArticle: string;

checkFixtureForSpec(
  'framed-article.html',
  async (checked, fixtures) => {
    ({ browser, page, popup } = checked);
    server = fixtures;
    await page.waitForSelector('html[data-unspun-spans]', { state: 'attached' });
  },
  async (p) => {
    frame = p.frame({ url: /framed-inner\.html$/ }) as Frame;
    originalArticle = await frame.innerHTML('article');
  },
);

describe('an article in a frame of the same site', () => {
  it('is found, read and called spun', async () => {
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
    expect(Number(await page.getAttribute('html', 'data-unspun-spans'))).toBeGreaterThan(10);
  });

  it('is highlighted inside the frame, and nothing outside it', async () => {
    expect(await highlighted(frame, 'unspun-spun')).toEqual(expect.arrayContaining(['mentioned', 'instructed']));
    expect(await frame.$('style#unspun-highlight-style')).not.toBeNull();
    expect(await highlighted(page, 'unspun-spun')).toEqual([]);
  });

  it('shows the likely original when a highlighted word in the frame is hovered', async () => {
    const at = await frame.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      const r = [...(h ?? [])].find((x) => x.toString() === 'instructed') as Range;
      const box = r.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    const offset = (await (await frame.frameElement()).boundingBox()) as { x: number; y: number };
    await page.mouse.move(offset.x + at.x, offset.y + at.y);
    await frame.waitForSelector('unspun-tooltip[data-state="shown"]', { state: 'attached' });
    const tip = await frame.evaluate(() => document.querySelector('unspun-tooltip')?.shadowRoot?.querySelector('.tip')?.textContent ?? '');
    expect(tip).toContain('told');
  });

  it('shows the restored wording inside the frame and puts the article back exactly', async () => {
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="restored"]', { state: 'attached' });
    expect(await frame.textContent('article')).toContain('White House');
    expect(await highlighted(frame, 'unspun-restored')).not.toEqual([]);
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="page"]', { state: 'attached' });
    expect(await frame.innerHTML('article')).toBe(originalArticle);
  });
});

describe('an article in a frame of another site', () => {
  it('is not checked, and the check says that the article is in a frame it cannot read', async () => {
    const other = await browser.context.newPage();
    const url = server.url('framed-cross-origin.html');
    await other.goto(url);
    await other.waitForFunction(() => (document.getElementById('story') as HTMLIFrameElement).src.includes('localhost'));
    await other.waitForLoadState('load');
    const otherPopup = await openPopup(browser, await tabIdFor(browser.worker, url));
    expect(await otherPopup.getAttribute('body', 'data-ready')).toBe('error');
    const status = (await otherPopup.textContent('#status')) ?? '';
    expect(status).toContain('frame');
    expect(status).toContain('localhost');
    expect(await other.getAttribute('html', 'data-unspun-spans')).toBeNull();
    expect(await highlighted(other, 'unspun-spun')).toEqual([]);
  });
});
