/** Reads the engine's data assets from the package's public/data folder (Node only). */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { ReadAsset } from '../core/resources';

export function nodeAssetReader(root: URL): ReadAsset {
  return async (path) => new Uint8Array(gunzipSync(await readFile(new URL(path, root))));
}
