// Measurements that need a process of their own: a cold start, the heap of one long analysis,
// and the extension in Chromium. Each child prints one JSON line last.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (f) => fileURLToPath(new URL(f, import.meta.url));

function run(args, { timeout = 300_000 } = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout, maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
  const lines = r.stdout.trim().split('\n');
  return { json: JSON.parse(lines.at(-1) ?? '{}'), lines };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `runs` fresh processes, each loading the engine and its assets and analysing `words` words once; the median run. */
export function coldStart(engineFile, { runs = 3, words = 2000 } = {}) {
  const all = Array.from({ length: runs }, () => run([here('cold-start.mjs'), engineFile, String(words)]).json);
  const mid = median(all.map((r) => r.totalMs));
  return { ...all.find((r) => r.totalMs === mid), runs: all.map((r) => r.totalMs) };
}

/**
 * Memory of one analysis of `words` words in a fresh process. Peak heap: the largest heap size V8's
 * GC trace reports before a collection during the analysis, or the heap at its end if larger.
 */
export function heap(engineFile, { words = 100000 } = {}) {
  const { json, lines } = run(['--expose-gc', '--trace-gc', here('heap.mjs'), engineFile, String(words)]);
  const during = lines.slice(lines.indexOf('@@begin') + 1, lines.indexOf('@@end'));
  const beforeGc = during
    .map((l) => /: [\w ()-]+? ([\d.]+) \([\d.]+\) -> /.exec(l)?.[1])
    .filter(Boolean)
    .map(Number);
  return { ...json, gcs: beforeGc.length, peakHeapMiB: Math.max(json.heapAtEndMiB, ...beforeGc) };
}

/** test/e2e/longtask.bench.mjs: the check of generated pages in Chromium with the e2e build. */
export function longtask(words = [2000, 100000]) {
  return run([`${root}test/e2e/longtask.bench.mjs`, ...words.map(String)], { timeout: 600_000 }).json;
}
