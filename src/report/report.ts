/**
 * Audit reports built from an Analysis: the plain-text summary (CLI, `npm start`), the Markdown
 * audit report for journalists (CLI `--format markdown`, popup export) and a CSV of spans.
 * Pure string building: surfaces decide where the text goes.
 */
import type { Analysis, Span } from '../core/types';

export interface ReportContext {
  /** File name or page address the analysis is about. */
  subject: string;
  /** When the audit was made (ISO 8601). */
  when: string;
}

/** A confidence in [0, 1] as a whole percentage ("95%"). */
export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function verdictLine(a: Analysis): string {
  return a.verdict.spun
    ? `SPUN — score ${a.verdict.score.toFixed(2)}: ${a.spans.length} spun stretch${a.spans.length === 1 ? '' : 'es'} found`
    : `No spinning found — score ${a.verdict.score.toFixed(2)}`;
}

export function sourceLine(a: Analysis): string {
  const s = a.source;
  if (!s.publisher) return 'Likely original source: not identified';
  return `Likely original source: ${s.publisher} (${s.domain}), confidence ${pct(s.confidence)}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
const UNSAFE_IN_TERMINAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Page text on its way to a terminal: C0/C1 control characters (ESC starts a terminal escape
 * sequence that could retitle the window, hide lines or rewrite the screen) and bidi overrides or
 * isolates (which reorder what is shown) are written as visible \u{…} escapes instead.
 */
export function plain(s: string): string {
  return s.replace(UNSAFE_IN_TERMINAL, (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`);
}

export function textReport(a: Analysis, ctx: ReportContext, maxSpans = 40): string {
  return textLines(a, ctx, maxSpans)
    .map((line) => line.split('\n').map(plain).join('\n'))
    .join('\n');
}

function textLines(a: Analysis, ctx: ReportContext, maxSpans: number): string[] {
  const out: string[] = [];
  out.push(`Unspun audit of ${ctx.subject}`);
  out.push(verdictLine(a));
  const words = a.spans.filter((s) => s.kind !== 'credit');
  if (words.length) {
    out.push('', 'Spun wording (page → likely original):');
    for (const s of words.slice(0, maxSpans)) out.push(`  “${s.text}” → “${s.restored}”  (${s.kind}, ${pct(s.confidence)})`);
    if (words.length > maxSpans) out.push(`  … and ${words.length - maxSpans} more`);
  }
  const mangled = a.credits.filter((c) => c.mangled);
  if (a.credits.length) {
    out.push('', `Photo credits (${a.credits.length}, ${mangled.length} mangled):`);
    for (const c of a.credits) {
      out.push(c.mangled ? `  ${c.text}  →  ${c.restored}` : `  ${c.text}  (intact)`);
      for (const n of c.notes) out.push(`    ! ${n}`);
    }
  }
  out.push('', sourceLine(a));
  for (const e of a.source.evidence.slice(0, 8)) out.push(`  • ${e}`);
  const others = a.source.candidates.slice(a.source.publisher ? 1 : 0, 4);
  if (others.length) out.push(`  other candidates: ${others.map((c) => `${c.publisher} ${pct(c.confidence)}`).join(', ')}`);
  out.push('', `Analysed in ${a.timings.totalMs.toFixed(1)} ms, locally.`);
  return out;
}

// Every CommonMark line ending (\n, \r\n and a lone \r) becomes a space, so page text cannot start a
// new line (a heading, a link reference definition) or break a table row.
const mdEscape = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, ' ');

export function markdownReport(a: Analysis, ctx: ReportContext): string {
  const out: string[] = [];
  out.push(`# Unspun audit: ${mdEscape(ctx.subject)}`, '', `*${mdEscape(ctx.when)}* — analysed locally by Unspun`, '');
  out.push(`**Verdict:** ${a.verdict.spun ? 'spun' : 'no spinning found'} (score ${a.verdict.score.toFixed(2)})`, '');
  out.push('## Likely original source', '');
  if (a.source.publisher)
    out.push(`**${mdEscape(a.source.publisher)}** (${mdEscape(a.source.domain ?? '')}), confidence ${pct(a.source.confidence)}`, '');
  else out.push('Not identified.', '');
  for (const e of a.source.evidence) out.push(`- ${mdEscape(e)}`);
  if (a.source.candidates.length > 1) {
    out.push('', '| candidate | domain | confidence |', '| --- | --- | --- |');
    for (const c of a.source.candidates) out.push(`| ${mdEscape(c.publisher)} | ${mdEscape(c.domain)} | ${pct(c.confidence)} |`);
  }
  out.push('', '## Spun wording', '');
  const words = a.spans.filter((s) => s.kind !== 'credit');
  if (words.length === 0) out.push('None found.');
  else {
    out.push('| offset | page | likely original | kind | confidence |', '| --- | --- | --- | --- | --- |');
    for (const s of words) out.push(`| ${s.start} | ${mdEscape(s.text)} | ${mdEscape(s.restored)} | ${s.kind} | ${pct(s.confidence)} |`);
  }
  out.push('', '## Photo credits', '');
  if (a.credits.length === 0) out.push('None found.');
  for (const c of a.credits) {
    out.push(c.mangled ? `- ${mdEscape(c.text)} → **${mdEscape(c.restored)}**` : `- ${mdEscape(c.text)} (intact)`);
    for (const n of c.notes) out.push(`  - ${mdEscape(n)}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe (OWASP's list:
 * = + - @ tab and carriage return, plus line feed, which some importers strip before parsing).
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r\n]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function spansCsv(spans: readonly Span[], ctx: ReportContext): string {
  const rows = [['page', 'time', 'start', 'end', 'kind', 'text', 'restored', 'confidence']];
  for (const s of spans)
    rows.push([ctx.subject, ctx.when, String(s.start), String(s.end), s.kind, s.text, s.restored, String(s.confidence)]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
