// Imports a TypeScript module from a Node script: esbuild bundles it into .cache/bench/ with its
// packages left external (so playwright-core and friends load from node_modules as usual).
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);

/** @param {string} path relative to the repository root */
export async function importTs(path) {
  const out = new URL(`.cache/bench/${basename(path).replace(/\.ts$/, '')}.mjs`, root);
  mkdirSync(new URL('.', out), { recursive: true });
  await build({
    entryPoints: [new URL(path, root).pathname],
    outfile: out.pathname,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return import(`${out.href}?t=${Date.now()}`);
}
