// Loads the TypeScript decoders (src/core/lm.ts, channel.ts) in Node via esbuild, for build checks and measure.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { CACHE, ensureDir, OUT, ROOT } from './common.mjs';

export async function loadCore() {
  const esbuild = await import('esbuild');
  ensureDir(CACHE);
  const outfile = path.join(CACHE, 'core-decoders.mjs');
  esbuild.buildSync({
    stdin: {
      contents: "export * from './src/core/lm.ts'; export * from './src/core/channel.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${fs.statSync(outfile).mtimeMs}`);
}

export function readAsset(name, dir = OUT) {
  return new Uint8Array(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))));
}
