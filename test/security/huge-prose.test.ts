/**
 * A 10 MB article of news prose (1.7 million words) through the CLI, in a Node process whose heap
 * is capped at 1 GB. The engine decodes long texts a chunk at a time; before it did, this text
 * needed about 4 GB and aborted with an out-of-memory error. Slow (about a minute of CPU), so it
 * is the only test of its size.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const HEAP_MB = 1024;
const dir = mkdtempSync(join(tmpdir(), 'unspun-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 10 MB article', () => {
  it('is analysed completely by `unspun analyze` within a 1 GB heap', () => {
    // The CLI bundle must be the current source, not whatever the last install built.
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const seed = readFileSync(join(process.cwd(), 'demo/seed-article.txt'), 'utf8');
    const text = Array.from({ length: Math.ceil(10_000_000 / (seed.length + 1)) }, () => seed).join('\n');
    const input = join(dir, 'ten-mb.txt');
    writeFileSync(input, text);
    const output = join(dir, 'out.jsonl');
    const fd = openSync(output, 'w');
    const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, 'dist/cli.mjs', 'analyze', '--format', 'jsonl', input], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(output, 'utf8'));
    const words = text.split(/\s+/).length;
    console.log(
      `[robustness] ${(text.length / 1e6).toFixed(1)} MB of news prose (${words} words) in a ${HEAP_MB} MB heap: ${result.spans.length} spans, engine ${Math.round(result.timings.totalMs)} ms`,
    );
    expect(words).toBeGreaterThan(1_500_000);
    expect(result.verdict.spun).toBe(true);
    // The seed repeated: every copy is restored, so spans grow with the text, not with a chunk.
    const perCopy = result.spans.filter((s: { start: number }) => s.start < seed.length).length;
    expect(perCopy).toBeGreaterThan(50);
    expect(result.spans.length).toBeGreaterThan(perCopy * 0.9 * Math.floor(text.length / (seed.length + 1)));
    expect(result.restoredText.length).toBeGreaterThan(text.length * 0.9);
  }, 600_000);
});
