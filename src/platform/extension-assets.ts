/** Reads the engine's packaged data assets inside the extension (background only). */
import { browser } from 'wxt/browser';
import type { ReadAsset } from '../core/resources';

export const extensionAssetReader: ReadAsset = async (path) => {
  const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!res.ok || !res.body) throw new Error(`cannot read ${path}: HTTP ${res.status}`);
  const stream = res.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
