import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'unspun-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const run = runCli;

const seed = join(process.cwd(), 'demo/seed-article.txt');

describe('unspun analyze', () => {
  it('prints one contract-shaped JSON line per file with --format jsonl', async () => {
    const clean = file('clean.txt', 'Heat the oven to 200C and roast the potatoes.');
    const r = await run(['analyze', '--format', 'jsonl', seed, clean]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([seed, clean]);
    expect(lines[0]).toMatchObject({ version: 1, verdict: { spun: true } });
    for (const key of ['spans', 'restoredText', 'credits', 'source', 'timings']) expect(lines[0]).toHaveProperty(key);
    expect(lines[1].verdict.spun).toBe(false);
  });

  it('keeps going after a bad file, reports it on its own line and exits 2', async () => {
    const missing = join(dir, 'nope.txt');
    const bin = file('blob.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const badUtf8 = file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]));
    const r = await run(['analyze', '--format', 'jsonl', missing, bin, badUtf8, seed, dir]);
    expect(r.code).toBe(2);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].error).toMatch(/no such file/);
    expect(lines[1].error).toMatch(/binary/);
    expect(lines[2].error).toMatch(/UTF-8/);
    expect(lines[3].verdict.spun).toBe(true);
    expect(lines[4].error).toMatch(/directory/);
    expect(r.err.trim().split('\n')).toHaveLength(4);
  });

  it('strips a byte-order mark so offsets refer to the text itself', async () => {
    const f = file('bom.txt', '\uFEFFThe minister mentioned it.');
    const r = await run(['analyze', '--format', 'json', f]);
    const a = JSON.parse(r.out);
    for (const s of a.spans) expect('The minister mentioned it.'.slice(s.start, s.end)).toBe(s.text);
  });

  it('extracts the article from a saved HTML page and returns its text', async () => {
    const html = file(
      'page.html',
      `<html><head><title>T</title><link rel="canonical" href="https://www.cnbc.com/x"></head><body><nav>Home · World</nav><article><h1>Peace talks</h1>${'<p>Trump mentioned he instructed U.S. officers to start peace talks instantly, and each leaders mentioned they needed peace.</p>'.repeat(4)}</article><script>alert(1)</script></body></html>`,
    );
    const r = await run(['analyze', '--format', 'jsonl', '--url', 'https://repost.example/a', html]);
    const a = JSON.parse(r.out);
    expect(a.text).toContain('Peace talks');
    expect(a.text).not.toContain('alert(1)');
    expect(a.text).not.toContain('Home · World');
    for (const s of a.spans) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads stdin for -', async () => {
    const r = await run(['analyze', '--format', 'jsonl', '-'], 'Trump mentioned he instructed CNBC.');
    expect(JSON.parse(r.out).file).toBe('-');
  });

  it('explains bad usage on stderr and exits 2', async () => {
    const r = await run(['analyze', '--format', 'yaml', seed]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown format 'yaml'/);
    expect(r.out).toBe('');
  });

  it('prints a readable audit by default and a Markdown report on request', async () => {
    const text = await run(['analyze', seed]);
    expect(text.out).toMatch(/SPUN/);
    expect(text.out).toMatch(/Likely original source: CNBC/);
    const md = await run(['analyze', '--format', 'markdown', seed]);
    expect(md.out).toMatch(/^# Unspun audit/);
  });

  it('compares a repost with its original and shows the aligned differences', async () => {
    const original = file(
      'orig.txt',
      'Trump said he told U.S. officials to start peace talks immediately, the White House said on Wednesday.',
    );
    const repost = file(
      'repost.txt',
      'Trump mentioned he instructed U.S. officers to start out peace talks instantly, the White Home mentioned on Wednesday.',
    );
    const text = await run(['compare', repost, original]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/is a copy of/);
    expect(text.out).toContain('“mentioned” → “said”');
    const json = JSON.parse((await run(['compare', '--format', 'json', repost, original])).out);
    expect(json.verdict).toBe('copy');
    expect(json.similarity).toBeGreaterThan(0.5);
  });

  it('refuses compare without exactly two files', async () => {
    const r = await run(['compare', seed]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exactly two files/);
  });
});
