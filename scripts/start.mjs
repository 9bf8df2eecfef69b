#!/usr/bin/env node
// `npm start`: build the extension for Chrome and Firefox into .output/, then audit the bundled
// demo article (a real spun repost) with the same engine and print what the popup would show.
import { spawnSync } from 'node:child_process';

const step = (args, quiet = true) => {
  const r = spawnSync('npx', args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    if (quiet && r.stdout) process.stdout.write(r.stdout);
    console.error(`npm start: \`npx ${args.join(' ')}\` failed`);
    process.exit(r.status ?? 1);
  }
};

console.log('Building the extension…');
step(['wxt', 'build']);
step(['wxt', 'build', '-b', 'firefox']);
step(['wxt', 'build', '-b', 'firefox', '--mv3']);
console.log('  .output/chrome-mv3   → Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked');
console.log('  .output/firefox-mv2  → Firefox: about:debugging → This Firefox → Load Temporary Add-on (manifest.json)');
console.log('  .output/firefox-mv3  → Firefox, Manifest V3 build\n');
step(['--no-install', 'unspun', 'analyze', 'demo/seed-article.txt'], false);
