/**
 * `unspun` — the engine on saved pages and text files. Output formats follow
 * ../shared/eval/CONTRACT.md: one JSON line per file with --format jsonl, in argument order.
 */
import { analyze } from '../core/analyze';
import { type Comparison, compareTexts } from '../core/compare';
import { loadResources, type Resources } from '../core/resources';
import type { Analysis } from '../core/types';
import { markdownReport, textReport } from '../report/report';
import { type Command, parseArgs, USAGE, UsageError } from './args';
import { nodeAssetReader } from './node-assets';
import { InputError, readInput } from './read-input';

declare const __UNSPUN_VERSION__: string;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Buffer>;
  assetsRoot: URL;
  now: () => Date;
}

type FileResult = { file: string; error: string } | ({ file: string; text?: string } & Analysis);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`unspun: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (cmd.kind === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (cmd.kind === 'version') {
    io.out(`unspun ${typeof __UNSPUN_VERSION__ === 'string' ? __UNSPUN_VERSION__ : 'dev'}\n`);
    return 0;
  }

  let resources: Resources;
  try {
    resources = await loadResources(nodeAssetReader(io.assetsRoot));
  } catch (e) {
    io.err(`unspun: cannot load the language data from ${io.assetsRoot.pathname}: ${e instanceof Error ? e.message : e}\n`);
    return 2;
  }

  if (cmd.kind === 'compare') return compare(cmd, resources, io);

  let failed = 0;
  const results: FileResult[] = [];
  for (const file of cmd.files) {
    const result = await analyzeFile(file, cmd.files.length === 1 ? cmd.url : undefined, resources, io);
    if ('error' in result) {
      failed++;
      io.err(`unspun: ${result.error}\n`);
    }
    if (cmd.format === 'jsonl') io.out(`${JSON.stringify(result)}\n`);
    else if (cmd.format === 'json') results.push(result);
    else io.out(`${render(cmd.format, result, io.now())}\n`);
  }
  if (cmd.format === 'json') io.out(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  return failed > 0 ? 2 : 0;
}

async function analyzeFile(file: string, url: string | undefined, resources: Resources, io: Io): Promise<FileResult> {
  try {
    const input = await readInput(file, io.stdin, url);
    const analysis = analyze(input.text, resources, { url, meta: input.meta });
    return input.extracted ? { file, ...analysis, text: input.text } : { file, ...analysis };
  } catch (e) {
    if (e instanceof InputError) return { file, error: e.message };
    return { file, error: `${file}: internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function render(format: 'text' | 'markdown', r: FileResult, when: Date): string {
  if ('error' in r) return format === 'markdown' ? `# ${r.file}\n\nError: ${r.error}\n` : `${r.file}: error: ${r.error}`;
  const ctx = { subject: r.file, when: when.toISOString() };
  return format === 'markdown' ? markdownReport(r, ctx) : textReport(r, ctx);
}

async function compare(cmd: Extract<Command, { kind: 'compare' }>, resources: Resources, io: Io): Promise<number> {
  let repost: Awaited<ReturnType<typeof readInput>>;
  let original: Awaited<ReturnType<typeof readInput>>;
  try {
    repost = await readInput(cmd.repost, io.stdin);
    original = await readInput(cmd.original, io.stdin);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`unspun: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const analysis = analyze(repost.text, resources);
  const c = compareTexts(repost.text, original.text, analysis.spans);
  if (cmd.format === 'json') io.out(`${JSON.stringify({ repost: cmd.repost, original: cmd.original, ...c }, null, 2)}\n`);
  else io.out(`${comparisonText(c, cmd.repost, cmd.original)}\n`);
  return 0;
}

function comparisonText(c: Comparison, repost: string, original: string, max = 60): string {
  const verdict = { copy: 'a copy of', related: 'related to', different: 'not a copy of' }[c.verdict];
  const out = [
    `${repost} is ${verdict} ${original}`,
    `  similarity ${(c.similarity * 100).toFixed(1)}%: ${c.matchedWords} of the original's ${c.originalWords} words kept in order (repost: ${c.repostWords} words)`,
    `  ${c.changes.length} differences; longest identical run ${c.longestRun} words`,
  ];
  if (c.detectedChanges !== undefined) {
    out.push(`  Unspun flagged ${c.detectedChanges} of them and restored ${c.restoredChanges} exactly`);
  }
  out.push('', '  repost → original');
  for (const ch of c.changes.slice(0, max)) {
    out.push(`  ${ch.predicted ? '✓' : ' '} “${ch.repost?.text ?? ''}” → “${ch.original?.text ?? ''}”`);
  }
  if (c.changes.length > max) out.push(`  … and ${c.changes.length - max} more`);
  return out.join('\n');
}
