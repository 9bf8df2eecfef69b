// Bundles the engine (src/core) and the CLI's asset reader for Node scripts, and loads the real data
// assets once.
import { mkdirSync, renameSync } from 'node:fs';
import { build } from 'esbuild';

/** @param {URL} [root] folder holding data/ (default: the repository's public/) */
export async function loadEngine(root = new URL('../../public/', import.meta.url)) {
  const out = new URL('../../.cache/tune/engine.mjs', import.meta.url);
  mkdirSync(new URL('.', out), { recursive: true });
  // Built under a name of its own, then renamed into place: scripts run side by side (a grid of
  // settings) never import a bundle another one is half-way through writing.
  const part = `${out.pathname}.${process.pid}.part`;
  await build({
    stdin: {
      contents:
        "export * from './src/core/index.ts'; export { DEFAULT_PARAMS } from './src/core/analyze.ts'; export { decode } from './src/core/decode.ts'; export { nodeAssetReader } from './src/cli/node-assets.ts';",
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    outfile: part,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  renameSync(part, out.pathname);
  const engine = await import(`${out.href}?t=${Date.now()}`);
  const resources = await engine.loadResources(engine.nodeAssetReader(root));
  return { ...engine, resources };
}
