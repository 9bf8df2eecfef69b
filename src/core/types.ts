/**
 * The analysis contract (../shared/eval/CONTRACT.md, version 1). Every surface — CLI, background,
 * popup, content script, benchmarks — speaks these types. Fields may be added; none renamed or
 * removed without bumping ANALYSIS_VERSION.
 */
export const ANALYSIS_VERSION = 1 as const;

export type SpanKind = 'synonym' | 'phrase' | 'spintax' | 'credit';

/** One stretch of spun wording. Offsets are UTF-16 code units into the analysed text. */
export interface Span {
  start: number;
  end: number;
  /** The page's wording, `text.slice(start, end)`. */
  text: string;
  /** The likely original wording. */
  restored: string;
  /** Other plausible originals, best first. */
  alternatives: string[];
  /** How sure the engine is that this stretch is spun and `restored` is right, in [0, 1]. */
  confidence: number;
  kind: SpanKind;
}

/** A photo-credit line, mangled or not. */
export interface Credit {
  start: number;
  end: number;
  text: string;
  /** The line with agencies and collections restored (equal to `text` when not mangled). */
  restored: string;
  photographer: string | null;
  agencies: string[];
  mangled: boolean;
  /** Things a journalist should check, e.g. a photographer's surname that looks spun into dictionary words. */
  notes: string[];
}

export interface SourceCandidate {
  publisher: string;
  domain: string;
  confidence: number;
}

export interface Source {
  publisher: string | null;
  domain: string | null;
  confidence: number;
  /** Human-readable reasons a journalist can check. */
  evidence: string[];
  candidates: SourceCandidate[];
}

export interface Verdict {
  spun: boolean;
  /** Probability-like score in [0, 1]; `spun` is `score >= threshold`. */
  score: number;
}

export interface Analysis {
  version: typeof ANALYSIS_VERSION;
  verdict: Verdict;
  spans: Span[];
  restoredText: string;
  credits: Credit[];
  source: Source;
  timings: { totalMs: number };
}

export interface AnalyzeOptions {
  /** Address of the page, when known: used for source inference (the repost's own site is never the source). */
  url?: string;
  /** Extra metadata found in an HTML page (canonical link, og:site_name, outbound links). */
  meta?: PageMeta;
  /** Decision threshold on `verdict.score`; default {@link DEFAULT_THRESHOLD}. */
  threshold?: number;
}

export interface PageMeta {
  canonicalUrl?: string;
  siteName?: string;
  title?: string;
  links?: string[];
}

export const DEFAULT_THRESHOLD = 0.5;
