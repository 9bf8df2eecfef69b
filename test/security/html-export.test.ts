// @vitest-environment jsdom
/**
 * The XSS corpus through the HTML audit report (the popup's "HTML" export), in jsdom: every
 * page-derived field carries a payload, and the file must hold only the report's own elements,
 * with the payload back as text. The report is also opened in Chromium by test/e2e/xss.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { TabState } from '../../src/messaging/protocol';
import { htmlReport, REPORT_CSP } from '../../src/ui/html-report';
import { PAYLOADS } from '../fixtures/xss-payloads';
import { hostileAnalysis } from './hostile-analysis';
import { assertInertHtml } from './inert';

function hostileState(p: string): TabState {
  return { tabId: 1, url: p, title: p, checkedAt: p, text: p, analysis: hostileAnalysis(p) };
}

describe('the HTML audit report of page text carrying payloads', () => {
  it('holds only its own elements and gives every payload back as text', () => {
    for (const p of PAYLOADS) {
      // What any HTML parser does to text: CR LF and CR become LF; U+0000 is dropped from text (and
      // read as U+FFFD in the title).
      const back = p.payload.replace(/\0/g, '').replace(/\r\n?/g, '\n');
      const doc = new DOMParser().parseFromString(htmlReport(hostileState(p.payload)), 'text/html');
      assertInertHtml(doc, REPORT_CSP);
      expect(doc.title).toBe(`Unspun audit: ${p.payload.replace(/\0/g, '\uFFFD')}`.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, ''));
      // Nothing lost: the article section is the page text, struck through, then its "original".
      expect(doc.querySelector('.article del')?.textContent).toBe(back);
      expect(doc.querySelector('.article ins')?.textContent).toBe(back);
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
