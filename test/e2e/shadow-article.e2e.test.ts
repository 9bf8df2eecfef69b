/** An article inside an open shadow root (a web component): it is read, highlighted and styled there. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkFixtureForSpec } from './spec';

let page: Page;
let popup: Page;

checkFixtureForSpec('shadow-article.html', (checked) => {
  ({ page, popup } = checked);
});

describe('an article inside a web component', () => {
  it('is read and called spun', async () => {
    expect(await popup.getAttribute('#verdict', 'data-verdict')).toBe('spun');
  });

  it('gets its spun words highlighted inside the shadow root, with our highlight style there', async () => {
    const found = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('unspun-spun');
      const ranges = h ? [...h] : [];
      const root = document.querySelector('news-story')?.shadowRoot;
      return {
        words: ranges.map((r) => r.toString()),
        inShadow: ranges.filter((r) => r.startContainer.getRootNode() === root).length,
        styled: !!root?.querySelector('style[data-unspun-style]'),
      };
    });
    expect(found.words).toContain('mentioned');
    expect(found.inShadow).toBe(found.words.length);
    expect(found.styled).toBe(true);
  });
});
