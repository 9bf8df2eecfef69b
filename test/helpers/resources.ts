/** The real data assets, loaded once per test file, the way the CLI loads them. */
import { nodeAssetReader } from '../../src/cli/node-assets';
import { loadResources, type Resources } from '../../src/core/resources';

let cached: Promise<Resources> | null = null;
// Not written `new URL('…', import.meta.url)`: Vite rewrites that pattern as an asset address, which
// under happy-dom resolves against the simulated page (http://localhost:3000/…) instead of this file.
const here = import.meta.url;

export function realResources(): Promise<Resources> {
  cached ??= loadResources(nodeAssetReader(new URL('../../public/', here)));
  return cached;
}
