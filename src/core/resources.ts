/**
 * The engine's data assets. The engine never reads files or fetches: a surface hands it a reader
 * (node:fs in the CLI, the extension's packaged files in the background) and gets decoded models.
 */
import { type ChannelModel, decodeChannel } from './channel';
import { decodeLanguageModel, type LanguageModel } from './lm';
import { decodeNames, type Gazetteer } from './names';

export interface Resources {
  lm: LanguageModel;
  channel: ChannelModel;
  /** Multiword names and titles a spinner could damage (src/core/names.ts). */
  names: Gazetteer;
}

/** Asset paths relative to the extension root / the `public/` folder. Files are gzip-compressed. */
export const ASSET_PATHS = {
  lm: 'data/lm.bin.gz',
  channel: 'data/channel.bin.gz',
  names: 'data/names.txt.gz',
} as const;

/** Returns the asset's bytes, already gunzipped. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

export async function loadResources(read: ReadAsset): Promise<Resources> {
  const [lm, channel, names] = await Promise.all([read(ASSET_PATHS.lm), read(ASSET_PATHS.channel), read(ASSET_PATHS.names)]);
  return { lm: decodeLanguageModel(lm), channel: decodeChannel(channel), names: decodeNames(names) };
}
