// Child process for `npm run bench`: a truly cold start in a fresh Node process. Times loading the
// bundled engine, reading and decoding its data assets, and the first analysis of a 2,000-word
// article. The engine bundle (.cache/tune/engine.mjs) is built by the parent; bundling is not
// timed, because the extension ships it prebuilt. Prints one JSON line.
import { SOURCES, sized } from './texts.mjs';

const [engineFile, words = '2000'] = process.argv.slice(2);
const text = sized(SOURCES.spun, Number(words));
const root = new URL('../../public/', import.meta.url);

const t0 = performance.now();
const engine = await import(engineFile);
const t1 = performance.now();
let readMs = 0;
// the CLI's own reader (src/cli/node-assets.ts, bundled with the engine), timed
const read = engine.nodeAssetReader(root);
const resources = await engine.loadResources(async (p) => {
  const s = performance.now();
  const bytes = await read(p);
  readMs += performance.now() - s;
  return bytes;
});
const t2 = performance.now();
const analysis = engine.analyze(text, resources);
const t3 = performance.now();

console.log(
  JSON.stringify({
    words: Number(words),
    importMs: t1 - t0,
    // The assets are read in parallel, each decoded as it arrives; readAndGunzipMs adds the three reads
    // (file + gunzip, overlapping each other and the decoding), so it can exceed assetsMs.
    assetsMs: t2 - t1,
    readAndGunzipMs: readMs,
    firstAnalysisMs: t3 - t2,
    totalMs: t3 - t0,
    spans: analysis.spans.length,
  }),
);
