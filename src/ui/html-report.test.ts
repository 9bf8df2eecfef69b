// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realResources } from '../../test/helpers/resources';
import { analyze } from '../core/analyze';
import type { TabState } from '../messaging/protocol';
import { htmlReport, REPORT_CSP } from './html-report';

let state: TabState;
let doc: Document;
beforeAll(async () => {
  const text = readFileSync('demo/seed-article.txt', 'utf8');
  const analysis = analyze(text, await realResources(), { url: 'https://example.com/repost' });
  state = { tabId: 1, url: 'https://example.com/repost', title: 'A repost', checkedAt: '2026-11-26T10:00:00Z', text, analysis };
  doc = new DOMParser().parseFromString(htmlReport(state), 'text/html');
});

describe('the HTML audit report', () => {
  it('strikes through every spun stretch of the article and inserts its likely original after it', () => {
    const dels = [...doc.querySelectorAll('.article del')];
    const inss = [...doc.querySelectorAll('.article ins')];
    expect(state.analysis.spans.length).toBeGreaterThan(20);
    expect(dels.map((d) => d.textContent)).toEqual(state.analysis.spans.map((s) => s.text));
    expect(inss.map((d) => d.textContent)).toEqual(state.analysis.spans.map((s) => s.restored));
  });

  it('keeps the article whole: without the insertions it reads exactly as the page did', () => {
    const article = doc.querySelector('.article')?.cloneNode(true) as HTMLElement;
    for (const ins of article.querySelectorAll('ins')) ins.remove();
    expect(article.textContent).toBe(state.text);
  });

  it('gives the verdict, the likely source with its evidence, and search links that are https', () => {
    const text = doc.body.textContent ?? '';
    expect(text).toContain('SPUN');
    expect(text).toContain(`Likely original source: ${state.analysis.source.publisher}`);
    for (const e of state.analysis.source.evidence) expect(text).toContain(e);
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(links.length).toBeGreaterThan(1);
    for (const href of links) expect(href).toMatch(/^https:\/\//);
  });

  it('searches for passages the spinner left alone: each is page text that no span touches', () => {
    const phrases = [...doc.querySelectorAll('.source li a')].map((a) => (a.textContent ?? '').replace(/^“|”$/g, ''));
    expect(phrases.length).toBeGreaterThan(0);
    for (const p of phrases) {
      const at = state.text.indexOf(p);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(state.analysis.spans.some((s) => s.start < at + p.length && at < s.end)).toBe(false);
    }
  });

  it('lists each spun stretch and each credit in tables a journalist can cite', () => {
    const rows = [...doc.querySelectorAll('.spans tbody tr')];
    expect(rows).toHaveLength(state.analysis.spans.filter((s) => s.kind !== 'credit').length);
    expect(doc.querySelectorAll('.credits li')).toHaveLength(state.analysis.credits.length);
  });

  it('runs and fetches nothing when opened: a Content-Security-Policy comes before any page text', () => {
    const policy = doc.head.children[1] as HTMLMetaElement;
    expect(policy.httpEquiv).toBe('Content-Security-Policy');
    expect(policy.content).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(doc.querySelectorAll('script, img, iframe, link, object, embed, form')).toHaveLength(0);
  });
});
