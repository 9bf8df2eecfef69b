/**
 * Spun text in areas the reader edits (a contenteditable draft, a plaintext-only editable
 * paragraph, a textarea, an input) beside a spun article: the article is highlighted; the
 * editable areas are never highlighted and never changed, not even by the restored wording.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlighted } from './browser';
import { checkFixtureForSpec } from './spec';

let page: Page;
let popup: Page;
let before: Editables;

interface Editables {
  draft: string;
  plain: string;
  notes: string;
  field: string;
}

const editables = (p: Page): Promise<Editables> =>
  p.evaluate(() => ({
    draft: (document.getElementById('draft') as HTMLElement).innerHTML,
    plain: (document.getElementById('plain') as HTMLElement).innerHTML,
    notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
    field: (document.getElementById('field') as HTMLInputElement).value,
  }));

/** How many of our highlight ranges start or end inside an editable area or a form control. */
const insideEditable = (p: Page) =>
  p.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = ['unspun-spun', 'unspun-credit', 'unspun-restored'].flatMap((n) => [...(registry.get(n) ?? [])]);
    const editable = (n: Node) => !!n.parentElement?.closest('[contenteditable], textarea, input, form');
    return ranges.filter((r) => editable(r.startContainer) || editable(r.endContainer)).length;
  });

checkFixtureForSpec('editable-article.html', async (checked, server) => {
  ({ page, popup } = checked);
  await page.waitForSelector('html[data-unspun-spans]', { state: 'attached' });
  // What the page held before any check, read from a fresh copy of the fixture.
  const fresh = await checked.browser.context.newPage();
  await fresh.goto(server.url('editable-article.html'));
  before = await editables(fresh);
  await fresh.close();
});

describe('a spun article beside editable areas', () => {
  it('highlights the article', async () => {
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
    expect(await highlighted(page, 'unspun-spun')).toEqual(expect.arrayContaining(['mentioned', 'instructed', 'White Home']));
  });

  it('highlights nothing inside the editable areas and leaves them as they were', async () => {
    expect(await insideEditable(page)).toBe(0);
    expect(await editables(page)).toEqual(before);
  });

  it('leaves the editable areas untouched in the restored wording and after it', async () => {
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="restored"]', { state: 'attached' });
    expect(await page.textContent('article > p:nth-of-type(2)')).toContain('White House');
    expect(await editables(page)).toEqual(before);
    expect(await insideEditable(page)).toBe(0);
    await popup.click('#toggle-wording');
    await page.waitForSelector('html[data-unspun-wording="page"]', { state: 'attached' });
    expect(await editables(page)).toEqual(before);
  });

  it('does not check the page again while the reader types in an editable area', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { checks: number };
      w.checks = 0;
      new MutationObserver(() => w.checks++).observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['data-unspun-spans'],
      });
    });
    await page.click('#draft p');
    await page.keyboard.type(' The warfare mentioned ended.');
    // More new words than the 10 % of the article that would make the page watch check it again.
    await page.keyboard.insertText(' Trump mentioned he instructed officers on the telephone.'.repeat(15));
    await page.click('#notes');
    await page.keyboard.type(' mentioned');
    await page.waitForTimeout(1500); // longer than the 700 ms the page watch waits for the page to settle
    expect(await page.evaluate(() => (window as unknown as { checks: number }).checks)).toBe(0);
    expect(await insideEditable(page)).toBe(0);
  });
});
