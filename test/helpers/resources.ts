/** The real data assets, loaded once per test file, the way the CLI loads them. */
import { nodeAssetReader } from '../../src/cli/node-assets';
import { loadResources, type Resources } from '../../src/core/resources';

let cached: Promise<Resources> | null = null;

export function realResources(): Promise<Resources> {
  cached ??= loadResources(nodeAssetReader(new URL('../../public/', import.meta.url)));
  return cached;
}
