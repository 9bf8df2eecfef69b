/** Reads the engine's data assets from the package's public/data folder (Node only). */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { ReadAsset } from '../core/resources';

const gunzipAsync = promisify(gunzip);

/**
 * Output buffer size for gunzipping `gz`: its whole inflated size (the gzip trailer's ISIZE), so it
 * inflates in one piece instead of 16 KiB chunks that are copied together afterwards (slower than
 * gunzipSync); bounded, in case the trailer is damaged.
 */
export function gunzipChunkSize(gz: Uint8Array): number {
  const n = gz.length;
  const isize =
    n >= 4
      ? ((gz[n - 4] as number) | ((gz[n - 3] as number) << 8) | ((gz[n - 2] as number) << 16) | ((gz[n - 1] as number) << 24)) >>> 0
      : 0;
  return Math.min(Math.max(isize, 1 << 16), 1 << 26);
}

/**
 * Gunzips on libuv's thread pool, each asset in one piece: the assets inflate in parallel, and while
 * the main thread decodes the ones already read.
 */
export function nodeAssetReader(root: URL): ReadAsset {
  return async (path) => {
    const gz = await readFile(new URL(path, root));
    return new Uint8Array(await gunzipAsync(gz, { chunkSize: gunzipChunkSize(gz) }));
  };
}
