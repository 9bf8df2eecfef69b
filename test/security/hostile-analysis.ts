import type { Analysis, Span } from '../../src/core/types';

/** An analysis whose every page-derived field carries the payload. */
export function hostileAnalysis(p: string): Analysis {
  const span: Span = { start: 0, end: p.length, text: p, restored: p, alternatives: [p], confidence: 0.9, kind: 'synonym' };
  return {
    version: 1,
    verdict: { spun: true, score: 0.9 },
    spans: [span, { ...span, kind: 'credit' }],
    restoredText: p,
    credits: [{ start: 0, end: p.length, text: p, restored: p, photographer: p, agencies: [p], mangled: true, notes: [p] }],
    source: {
      publisher: p,
      domain: p,
      confidence: 0.8,
      evidence: [p, `quote: '${p}'`],
      candidates: [
        { publisher: p, domain: p, confidence: 0.8 },
        { publisher: p, domain: p, confidence: 0.2 },
      ],
    },
    timings: { totalMs: 1 },
  };
}
