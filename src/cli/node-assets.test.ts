import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ASSET_PATHS } from '../core/resources';
import { gunzipChunkSize, nodeAssetReader } from './node-assets';

const root = new URL('../../public/', import.meta.url);

describe('the CLI asset reader', () => {
  it('gunzips each asset exactly as gunzipSync does', async () => {
    const read = nodeAssetReader(root);
    for (const path of Object.values(ASSET_PATHS)) {
      const expected = gunzipSync(readFileSync(new URL(path, root)));
      const got = await read(path);
      expect(got.length).toBe(expected.length);
      expect(expected.equals(got), path).toBe(true);
    }
  });

  it('inflates in one piece of the size the gzip trailer gives, within bounds', () => {
    expect(gunzipChunkSize(gzipSync(Buffer.alloc(300_000, 7)))).toBe(300_000);
    expect(gunzipChunkSize(gzipSync(Buffer.from('tiny')))).toBe(1 << 16);
    expect(gunzipChunkSize(new Uint8Array([1, 2, 0xff, 0xff, 0xff, 0xff]))).toBe(1 << 26);
    expect(gunzipChunkSize(new Uint8Array(0))).toBe(1 << 16);
  });
});
