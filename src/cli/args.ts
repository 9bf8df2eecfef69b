/** Command-line parsing for `unspun`, kept apart from I/O so it can be tested directly. */
export type Format = 'text' | 'json' | 'jsonl' | 'markdown';
export const FORMATS: readonly Format[] = ['text', 'json', 'jsonl', 'markdown'];

export type Command =
  | { kind: 'analyze'; format: Format; url?: string; files: string[] }
  | { kind: 'compare'; format: 'text' | 'json'; repost: string; original: string }
  | { kind: 'help' }
  | { kind: 'version' };

export class UsageError extends Error {}

export const USAGE = `usage: unspun analyze [--format text|json|jsonl|markdown] [--url URL] FILE...
       unspun compare [--format text|json] REPOST ORIGINAL
       unspun --help | --version

FILE is a .txt file (UTF-8), a saved .html/.htm page (its article is extracted), or - for stdin.
compare aligns a suspected repost with the original article, word by word, and says how much of
the original it keeps and which differences the engine restored.
Exit status: 0 when every file was analysed, 2 on bad usage or when a file could not be read.`;

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return { kind: 'help' };
  if (cmd === '--version' || cmd === '-V') return { kind: 'version' };
  if (cmd === 'compare') return parseCompare(rest);
  if (cmd !== 'analyze') throw new UsageError(`unknown command '${cmd}'`);
  let format: Format = 'text';
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (!FORMATS.includes(f as Format)) throw new UsageError(`unknown format '${f}' (expected ${FORMATS.join(', ')})`);
      format = f as Format;
    } else if (a === '--url' || a.startsWith('--url=')) {
      url = value('--url');
      try {
        new URL(url);
      } catch {
        throw new UsageError(`--url '${url}' is not a valid URL`);
      }
    } else if (a === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option '${a}'`);
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no input files (give FILE... or - for stdin)');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  return { kind: 'analyze', format, url, files };
}

function parseCompare(rest: readonly string[]): Command {
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (f !== 'text' && f !== 'json') throw new UsageError(`compare: unknown format '${f ?? ''}' (expected text or json)`);
      format = f;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  const [repost, original] = files;
  if (files.length !== 2 || repost === undefined || original === undefined)
    throw new UsageError('compare needs exactly two files: REPOST ORIGINAL');
  return { kind: 'compare', format, repost, original };
}
