/** Reads the engine's data assets from the package's public/data folder (Node only). */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { ReadAsset } from '../core/resources';

const gunzipAsync = promisify(gunzip);

/** Gunzips on libuv's thread pool: the assets inflate in parallel, and while the main thread decodes. */
export function nodeAssetReader(root: URL): ReadAsset {
  return async (path) => new Uint8Array(await gunzipAsync(await readFile(new URL(path, root))));
}
