// One timing helper for tasks from microseconds to many seconds: a single probe call (which is
// also the first warm-up) sizes the run, then tinybench times it. Cheap tasks get a time budget
// and a JIT warm-up; expensive ones get a fixed, small number of iterations.
import { Bench } from 'tinybench';

/**
 * @param {() => unknown} fn sync or async
 * @param {{ budgetMs?: number, maxIterations?: number }} [opts] budgetMs: rough time to spend on an
 *   expensive task (default 1.5 s); maxIterations caps it (default 30). With maxIterations 0 the
 *   probe is the only run (for references that take many seconds).
 * @returns {Promise<{ meanMs: number, medianMs: number, samples: number }>}
 */
export async function measure(fn, { budgetMs = 1500, maxIterations = 30 } = {}) {
  const t0 = performance.now();
  await fn();
  const probeMs = performance.now() - t0;
  if (maxIterations === 0) return { meanMs: probeMs, medianMs: probeMs, samples: 1 };
  const cheap = probeMs < 50;
  const options = cheap
    ? { time: 400, iterations: 10, warmupTime: 150, warmupIterations: 5 }
    : { time: 0, iterations: Math.max(1, Math.min(maxIterations, Math.round(budgetMs / probeMs))), warmup: false };
  const bench = new Bench({ ...options, throws: true });
  bench.add('task', fn);
  await bench.run();
  const { latency } = bench.tasks[0].result;
  return { meanMs: latency.mean, medianMs: latency.p50, samples: latency.samplesCount };
}
