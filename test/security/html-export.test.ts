// @vitest-environment happy-dom
/**
 * The XSS corpus through the HTML audit report (the popup's "HTML" export), in happy-dom: every
 * page-derived field carries a payload, and the file must hold only the report's own elements,
 * with the payload back as text. The report is also opened in Chromium by test/e2e/xss.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { TabState } from '../../src/messaging/protocol';
import { htmlReport, REPORT_CSP } from '../../src/ui/html-report';
import { PAYLOADS } from '../fixtures/xss-payloads';
import { hostileAnalysis } from './hostile-analysis';
import { assertInertHtml } from './inert';

/**
 * What HTML parsing may do to text, which no report can prevent: CR LF and CR become LF, and U+0000
 * is dropped or read as U+FFFD (browsers and DOM libraries differ).
 */
const same = (s: string) => s.replace(/[\0\uFFFD]/g, '').replace(/\r\n?/g, '\n');

function hostileState(p: string): TabState {
  return { tabId: 1, url: p, title: p, checkedAt: p, text: p, analysis: hostileAnalysis(p) };
}

describe('the HTML audit report of page text carrying payloads', () => {
  it('holds only its own elements and gives every payload back as text', () => {
    for (const p of PAYLOADS) {
      const doc = new DOMParser().parseFromString(htmlReport(hostileState(p.payload)), 'text/html');
      assertInertHtml(doc, REPORT_CSP);
      expect(same(doc.querySelector('title')?.textContent ?? '')).toBe(same(`Unspun audit: ${p.payload}`));
      // Nothing lost: the article section is the page text, struck through, then its "original".
      expect(same(doc.querySelector('.article del')?.textContent ?? '')).toBe(same(p.payload));
      expect(same(doc.querySelector('.article ins')?.textContent ?? '')).toBe(same(p.payload));
    }
  });

  it('links the page address only when it is http(s)', () => {
    const links = (url: string) => {
      const doc = new DOMParser().parseFromString(htmlReport({ ...hostileState('x'), url }), 'text/html');
      return [...doc.querySelectorAll('header a')].map((a) => a.getAttribute('href'));
    };
    expect(links('https://example.com/a')).toEqual(['https://example.com/a']);
    expect(links('javascript:top.__xss0=1')).toEqual([]);
    expect(links('data:text/html,<script>top.__xss0=1</script>')).toEqual([]);
  });
});
