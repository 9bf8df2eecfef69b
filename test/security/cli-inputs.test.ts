/**
 * `unspun analyze` on every kind of bad input, alone and mixed with a good file: one clear line on
 * stderr per bad file, exit 2, one JSON line per file in argument order (an `error` field for the
 * bad ones), and the good file still analysed. Also the size limits: a sparse file past
 * MAX_INPUT_BYTES, a text past MAX_INPUT_WORDS, an endless device, and an over-long stdin.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, MAX_INPUT_WORDS } from '../../src/cli/read-input';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'unspun-sec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function run(argv: string[], stdin: () => Promise<Buffer> = async () => Buffer.alloc(0)) {
  const r = await runCli(argv, stdin);
  return { ...r, lines: r.out.trim() === '' ? [] : r.out.trim().split('\n') };
}

const good = join(process.cwd(), 'demo/seed-article.txt');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Each bad input, the file to pass, and what its error must say. */
const BAD: [string, () => string, RegExp][] = [
  ['missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
  [
    'directory',
    () => {
      mkdirSync(join(dir, 'adir'), { recursive: true });
      return join(dir, 'adir');
    },
    /is a directory/,
  ],
  ['PNG bytes named .png', () => file('image.png', PNG), /binary file/],
  ['PNG bytes named .txt', () => file('image.txt', PNG), /binary file/],
  ['NUL in text', () => file('nul.txt', 'Trump mentioned\u0000 it'), /binary file/],
  ['Latin-1 text', () => file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])), /not valid UTF-8/],
  ['overlong UTF-8', () => file('overlong.txt', new Uint8Array([0x41, 0xc0, 0xaf, 0x42])), /not valid UTF-8/],
  ['UTF-8-encoded surrogate', () => file('cesu.txt', new Uint8Array([0x41, 0xed, 0xa0, 0x80, 0x42])), /not valid UTF-8/],
  ['truncated UTF-8', () => file('cut.txt', new Uint8Array([0x41, 0xe2, 0x82])), /not valid UTF-8/],
  ['invalid UTF-8 in HTML', () => file('bad.html', new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x3c])), /not valid UTF-8/],
  ['empty file', () => file('empty.txt', ''), /empty, no text to analyse/],
  ['whitespace only', () => file('blank.txt', ' \r\n\t\n'), /empty, no text to analyse/],
  ['empty HTML', () => file('empty.html', ''), /empty, no text to analyse/],
  [
    'HTML without an article',
    () => file('noarticle.html', '<html><head><title>x</title></head><body><script>x=1</script></body></html>'),
    /no article text found/,
  ],
  [
    'sparse file past the byte limit',
    () => {
      const p = join(dir, 'huge.txt');
      execFileSync('truncate', ['-s', String(MAX_INPUT_BYTES + 1), p]);
      return p;
    },
    /too large \(67108865 bytes; the limit is 67108864\)/,
  ],
  [
    'text past the word limit',
    () => file('long.txt', 'word '.repeat(MAX_INPUT_WORDS + 1)),
    new RegExp(`too long to analyse \\(more than ${MAX_INPUT_WORDS} words\\)`),
  ],
  ['endless device', () => '/dev/zero', /not a regular file/],
];

describe('unspun analyze on bad input', () => {
  it.each(BAD)('%s: one clear error line, a JSON line with `error`, exit 2', async (_name, make, message) => {
    const f = make();
    const r = await run(['analyze', '--format', 'jsonl', f]);
    expect(r.code).toBe(2);
    const errLines = r.err.trim().split('\n');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^unspun: /);
    expect(errLines[0]).toMatch(message);
    expect(r.lines).toHaveLength(1);
    const line = JSON.parse(r.lines[0] as string);
    expect(line).toEqual({ file: f, error: expect.stringMatching(message) });
  });

  it('all of them mixed with good files: every file gets its line, in order, and the good ones are analysed', async () => {
    const files = BAD.map(([, make]) => make());
    const argv = [good, ...files.slice(0, 8), good, ...files.slice(8), good];
    const t0 = performance.now();
    const r = await run(['analyze', '--format', 'jsonl', ...argv]);
    const ms = performance.now() - t0;
    expect(r.code).toBe(2);
    const lines = r.lines.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(argv);
    lines.forEach((l, i) => {
      if (argv[i] === good) {
        expect(l.error).toBeUndefined();
        expect(l.verdict.spun).toBe(true);
      } else expect(l.error).toMatch(BAD[files.indexOf(argv[i] as string)]?.[2] as RegExp);
    });
    expect(r.err.trim().split('\n')).toHaveLength(BAD.length);
    console.log(`[cli] ${BAD.length} bad inputs + 3 good files in one call: ${Math.round(ms)} ms`);
  });

  it('the text and Markdown formats report bad files too, one line each, and still exit 2', async () => {
    const bad = file('image2.txt', PNG);
    for (const format of ['text', 'markdown']) {
      const r = await run(['analyze', '--format', format, bad, good]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toEqual([`unspun: ${bad}: binary file (contains NUL bytes), expected UTF-8 text or HTML`]);
      expect(r.out).toMatch(/SPUN|Verdict:\*\* spun/);
    }
  });

  it('refuses an over-long stdin and an empty one', async () => {
    const long = await run(['analyze', '--format', 'jsonl', '-'], async () => Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61));
    expect(long.code).toBe(2);
    expect(JSON.parse(long.lines[0] as string).error).toMatch(/stdin: too large/);
    const empty = await run(['analyze', '--format', 'jsonl', '-']);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.lines[0] as string).error).toBe('stdin: empty, no text to analyse');
  });

  it('compare refuses bad inputs with one line and exit 2', async () => {
    const r = await run(['compare', good, join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/missing\.txt: no such file/);
  });
});
