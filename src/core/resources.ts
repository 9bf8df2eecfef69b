/**
 * The engine's data assets. The engine never reads files or fetches: a surface hands it a reader
 * (node:fs in the CLI, the extension's packaged files in the background) and gets decoded models.
 */
import { type ChannelModel, readChannel } from './channel';
import { decodeLanguageModel, type LanguageModel } from './lm';
import { decodeNames, type Gazetteer } from './names';
import { decodeVectors, type WordVectors } from './vectors';

export interface Resources {
  lm: LanguageModel;
  channel: ChannelModel;
  /** Multiword names and titles a spinner could damage (src/core/names.ts). */
  names: Gazetteer;
  /** Word vectors for the restore pass's topic term (src/core/topic.ts). */
  vectors: WordVectors;
}

/** Asset paths relative to the extension root / the `public/` folder. Files are gzip-compressed. */
export const ASSET_PATHS = {
  lm: 'data/lm.bin.gz',
  channel: 'data/channel.bin.gz',
  names: 'data/names.txt.gz',
  vectors: 'data/vectors.bin.gz',
} as const;

/** Returns the asset's bytes, already gunzipped. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/**
 * Reads the four assets in parallel and decodes each as soon as it arrives, so the smaller ones are
 * decoded while the language model is still being read and gunzipped (off the main thread when the
 * reader is asynchronous). The channel and the vectors name the language model's words by their ids:
 * they are bound to it once it is decoded.
 */
export async function loadResources(read: ReadAsset): Promise<Resources> {
  const lmReady = read(ASSET_PATHS.lm).then(decodeLanguageModel);
  const [lm, channel, names, vectors] = await Promise.all([
    lmReady,
    Promise.all([read(ASSET_PATHS.channel).then(readChannel), lmReady]).then(([bind, model]) => bind(model)),
    read(ASSET_PATHS.names).then(decodeNames),
    Promise.all([read(ASSET_PATHS.vectors), lmReady]).then(([bytes, model]) => decodeVectors(bytes, model.size)),
  ]);
  return { lm, channel, names, vectors };
}
