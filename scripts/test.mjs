#!/usr/bin/env node
// `npm test`: every check the project has, in order — typecheck, lint, unit tests, extension
// builds, `web-ext lint` on the Firefox builds, the end-to-end suite in Debian's Chromium, and a
// smoke test of each Firefox build in headless firefox-esr.
// Ends with one plain `N passed, N failed` line (CI reads that line, not vitest's summary).
// Vitest tests count one each; every other check counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = '.ci-out';
mkdirSync(OUT, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n── ${label}: ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args, env) {
  const ok = run(label, cmd, args, env);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

function vitest(label, args, file) {
  rmSync(file, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) {
    failed++;
    failures.push(`${label} (no report)`);
    return false;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  if (!ok || r.numFailedTests > 0 || r.numFailedTestSuites > 0) failures.push(label);
  return ok;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['biome', 'check', '.']);
vitest('unit tests', [], `${OUT}/unit.json`);
const built =
  check('build chrome-mv3', 'npx', ['wxt', 'build']) &
  check('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']) &
  check('build firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']) &
  check('build e2e-chrome-mv3', 'npx', ['wxt', 'build'], { UNSPUN_E2E: '1' });
// The Firefox e2e builds (loopback host access, automatic checks on 127.0.0.1) for the smoke test below.
const builtFirefoxE2e = {
  mv2: check('build e2e-firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox'], { UNSPUN_E2E: '1' }),
  mv3: check('build e2e-firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { UNSPUN_E2E: '1' }),
};
check('web-ext lint firefox-mv2', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors']);
check('web-ext lint firefox-mv3', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--warnings-as-errors']);
if (!existsSync(chromium)) {
  failed++;
  failures.push(`e2e: no Chromium at ${chromium} (apt-get install chromium)`);
} else if (built) {
  vitest('end-to-end (Chromium)', ['-c', 'vitest.e2e.config.ts'], `${OUT}/e2e.json`);
} else {
  failed++;
  failures.push('e2e skipped: a build failed');
}

// Firefox smoke: each e2e Firefox build in headless firefox-esr via web-ext (one check each).
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
for (const mv of ['mv2', 'mv3']) {
  const label = `firefox smoke e2e-firefox-${mv}`;
  if (!existsSync(firefox)) {
    failed++;
    failures.push(`${label}: no Firefox at ${firefox} (apt-get install firefox-esr)`);
  } else if (!builtFirefoxE2e[mv]) {
    failed++;
    failures.push(`${label} skipped: its build failed`);
  } else {
    check(label, 'node', ['test/e2e/firefox-smoke.mjs', `.output/e2e-firefox-${mv}`]);
  }
}

process.stdout.write(`\n${failures.length ? `failed: ${failures.join('; ')}\n` : 'all checks passed\n'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
