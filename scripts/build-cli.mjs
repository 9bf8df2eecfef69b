// Bundles the CLI (src/cli/bin.ts and the engine) into dist/cli.mjs. Run by `npm install`
// through the `prepare` script, so `npx --no-install unspun` works straight after install.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: [new URL('../src/cli/bin.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __UNSPUN_VERSION__: JSON.stringify(pkg.version) },
  // linkedom pulls in optional canvas support through a CommonJS require; keep Node built-ins external.
  banner: { js: "import { createRequire as __unspunRequire } from 'node:module'; const require = __unspunRequire(import.meta.url);" },
});
