#!/usr/bin/env node
// Firefox smoke test: `node test/e2e/firefox-smoke.mjs .output/e2e-firefox-mv2` (or -mv3).
// Playwright cannot drive stock Firefox and Debian has no geckodriver, so the page reports back
// instead: web-ext runs headless firefox-esr with the e2e build, whose settings start with the
// loopback site allowed for automatic checks; the fixture page polls for the verdict the
// extension writes on <html> and sends it to this loopback server. Exit 0 when it arrives in time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.output/e2e-firefox-mv2');
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const TIMEOUT_MS = 60_000;

const fail = (msg) => {
  console.error(`firefox smoke (${path.basename(dir)}): FAILED — ${msg}`);
  process.exit(1);
};
if (!existsSync(firefox)) fail(`no Firefox at ${firefox} (apt-get install firefox-esr)`);
if (!existsSync(path.join(dir, 'manifest.json'))) fail(`no build in ${dir} (UNSPUN_E2E=1 wxt build -b firefox [--mv3])`);
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const access = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
if (!access.includes('http://127.0.0.1/*')) fail('the build has no loopback host access: build it with UNSPUN_E2E=1');

// The spun demo article plus a reporter. If the automatic check has not run after a few seconds
// (the extension may still be registering its content script on first start), reload and retry.
const reporter = `<script>
(() => {
  const tries = Number(sessionStorage.getItem('unspun-tries') || 0);
  const started = Date.now();
  const poll = setInterval(() => {
    const v = document.documentElement.dataset.unspunVerdict;
    if (v) {
      clearInterval(poll);
      fetch('/report?verdict=' + v + '&spans=' + document.documentElement.dataset.unspunSpans);
    } else if (Date.now() - started > 5000 && tries < 8) {
      clearInterval(poll);
      sessionStorage.setItem('unspun-tries', String(tries + 1));
      location.reload();
    }
  }, 100);
})();
</script></body>`;
const page = readFileSync('test/fixtures/pages/spun-article.html', 'utf8').replace('</body>', reporter);

let resolveReport;
const reported = new Promise((r) => {
  resolveReport = r;
});
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/report') {
    resolveReport(Object.fromEntries(url.searchParams));
    res.end('ok');
    return;
  }
  res.writeHead(url.pathname === '/article.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(url.pathname === '/article.html' ? page : 'not found');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();

// web-ext copies a fresh profile (~40 MB) into the temp folder and removes it only when it exits on its
// own; stopping it leaves the copy behind. A temp folder of our own is removed after each run.
const scratch = mkdtempSync(path.join(tmpdir(), 'unspun-firefox-'));
const child = spawn(
  'npx',
  [
    'web-ext',
    'run',
    '--source-dir',
    dir,
    '--firefox',
    firefox,
    '--start-url',
    `http://127.0.0.1:${port}/article.html`,
    '--no-reload',
    '--no-input',
    '--arg=-headless',
  ],
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1', TMPDIR: scratch } },
);
let log = '';
child.stdout.on('data', (d) => {
  log += d;
});
child.stderr.on('data', (d) => {
  log += d;
});
const exited = new Promise((r) => child.on('exit', (code) => r({ exited: code })));
const timeout = new Promise((r) => setTimeout(() => r({ timeout: true }), TIMEOUT_MS));

const started = Date.now();
const result = await Promise.race([reported, exited, timeout]);
try {
  process.kill(-child.pid, 'SIGTERM');
} catch {
  // Already gone.
}
server.close();
await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });

if (result.verdict) {
  const ok = result.verdict === 'spun' && Number(result.spans) > 0;
  console.log(
    `firefox smoke (${path.basename(dir)}): ${ok ? 'ok' : 'FAILED'} — automatic check reported verdict=${result.verdict} spans=${result.spans} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(ok ? 0 : 1);
}
console.error(log.split('\n').slice(-30).join('\n'));
fail(result.timeout ? `no report from the page within ${TIMEOUT_MS / 1000} s` : `web-ext exited early (code ${result.exited})`);
