/**
 * The engine's data assets. The engine never reads files or fetches: a surface hands it a reader
 * (node:fs in the CLI, the extension's packaged files in the background) and gets decoded models.
 */
import { type ChannelModel, decodeChannel } from './channel';
import { decodeLanguageModel, type LanguageModel } from './lm';

export interface Resources {
  lm: LanguageModel;
  channel: ChannelModel;
}

/** Asset paths relative to the extension root / the `public/` folder. Files are gzip-compressed. */
export const ASSET_PATHS = {
  lm: 'data/lm.bin.gz',
  channel: 'data/channel.bin.gz',
} as const;

/** Returns the asset's bytes, already gunzipped. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

export async function loadResources(read: ReadAsset): Promise<Resources> {
  const [lm, channel] = await Promise.all([read(ASSET_PATHS.lm), read(ASSET_PATHS.channel)]);
  return { lm: decodeLanguageModel(lm), channel: decodeChannel(channel) };
}
