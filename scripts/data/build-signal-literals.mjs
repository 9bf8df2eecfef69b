// node scripts/data/build-signal-literals.mjs: writes each publisher signal's `literals` in
// src/core/data/publishers.json — strings one of which every match of its pattern contains, derived
// by src/core/literals.ts (requiredLiterals, then anchorClause) — so source.ts skips the signals a
// page cannot match without deriving them at startup. Run it after editing a signal;
// src/core/literals.test.ts fails while one is stale.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, ensureDir, ROOT } from './common.mjs';

const esbuild = await import('esbuild');
ensureDir(CACHE);
const outfile = path.join(CACHE, 'core-literals.mjs');
esbuild.buildSync({
  entryPoints: [path.join(ROOT, 'src/core/literals.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile,
  logLevel: 'error',
});
const { anchorClause, requiredLiterals } = await import(`${pathToFileURL(outfile).href}?t=${fs.statSync(outfile).mtimeMs}`);

const file = path.join(ROOT, 'src/core/data/publishers.json');
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
let changed = 0;
let none = 0;
for (const p of data.publishers) {
  p.signals = p.signals.map(({ literals: old, ...s }) => {
    // [] when the pattern requires no literal the parser can vouch for: the signal always runs.
    const literals = anchorClause(requiredLiterals(s.re, s.flags ?? '') ?? []);
    if (literals.length === 0) none++;
    if (JSON.stringify(old) !== JSON.stringify(literals)) changed++;
    return { ...s, literals };
  });
}
fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', file], { cwd: ROOT, stdio: 'inherit' });
const total = data.publishers.reduce((n, p) => n + p.signals.length, 0);
console.log(`${total} signals, ${changed} updated, ${none} without literals (always run)`);
