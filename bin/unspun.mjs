#!/usr/bin/env node
// The CLI is bundled to dist/cli.mjs by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('unspun: dist/cli.mjs is missing; run `npm install` (or `npm run build:cli`) in the project folder first\n');
  process.exit(2);
}
await import(bundle.href);
