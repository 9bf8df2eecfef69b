import { describe, expect, it } from 'vitest';
import type { Analysis } from '../core/types';
import { csvCell, markdownReport, spansCsv, textReport } from './report';

const analysis: Analysis = {
  version: 1,
  verdict: { spun: true, score: 0.97 },
  spans: [{ start: 4, end: 13, text: 'mentioned', restored: 'said', alternatives: [], confidence: 0.9, kind: 'synonym' }],
  restoredText: 'Trump said it',
  credits: [],
  source: {
    publisher: 'CNBC',
    domain: 'cnbc.com',
    confidence: 0.9,
    evidence: ["'told CNBC'"],
    candidates: [{ publisher: 'CNBC', domain: 'cnbc.com', confidence: 0.9 }],
  },
  timings: { totalMs: 1 },
};
const ctx = { subject: 'https://repost.example/a', when: '2026-01-01T00:00:00.000Z' };

describe('reports', () => {
  it('summarise the verdict, restorations and source as text', () => {
    const t = textReport(analysis, ctx);
    expect(t).toContain('SPUN');
    expect(t).toContain('“mentioned” → “said”');
    expect(t).toContain('CNBC (cnbc.com)');
  });

  it('escape Markdown in page-derived strings', () => {
    const md = markdownReport(
      { ...analysis, spans: [{ ...analysis.spans[0], text: '[x](javascript:alert(1))' } as Analysis['spans'][0]] },
      ctx,
    );
    expect(md).not.toContain('[x](javascript:');
    expect(md).toContain('\\[x\\]\\(javascript:alert\\(1\\)\\)');
  });

  it('neutralise spreadsheet formulas in CSV cells', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('plain')).toBe('plain');
  });

  it('write one CSV row per span with page and time', () => {
    const rows = spansCsv(analysis.spans, ctx).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe('https://repost.example/a,2026-01-01T00:00:00.000Z,4,13,synonym,mentioned,said,0.9');
  });
});
