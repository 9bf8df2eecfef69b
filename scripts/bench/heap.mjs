// Child process for `npm run bench`, run with --expose-gc --trace-gc: memory while analysing one
// long text. Prints "@@begin" / "@@end" around the analysis so the parent can read V8's GC trace
// (heap size before each collection) for the peak, then one JSON line.
import { SOURCES, sized } from './texts.mjs';

const [engineFile, words = '100000'] = process.argv.slice(2);
const MiB = 2 ** 20;
const engine = await import(engineFile);
const root = new URL('../../public/', import.meta.url);
const resources = await engine.loadResources(engine.nodeAssetReader(root));
const text = sized(SOURCES.spun, Number(words));
// Warm the engine on a short text so the measured run is analysis, not compilation.
engine.analyze(sized(SOURCES.spun, 500), resources);
globalThis.gc();
const before = process.memoryUsage();
console.log('@@begin');
const t0 = performance.now();
const analysis = engine.analyze(text, resources);
const ms = performance.now() - t0;
const end = process.memoryUsage();
console.log('@@end');
globalThis.gc();
const retained = process.memoryUsage();
console.log(
  JSON.stringify({
    words: Number(words),
    ms,
    spans: analysis.spans.length,
    heapBeforeMiB: before.heapUsed / MiB,
    heapAtEndMiB: end.heapUsed / MiB,
    heapRetainedMiB: retained.heapUsed / MiB,
    rssBeforeMiB: before.rss / MiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
