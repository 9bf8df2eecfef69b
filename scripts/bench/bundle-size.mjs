// Sizes of the shipped Chrome build (.output/chrome-mv3), raw and gzip (level 9), per part:
// content script, popup (its HTML and every script and stylesheet it loads), background, data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Files a built HTML page loads: <script src>, <link href> (stylesheets, module preloads), itself included. */
function pageFiles(dir, html) {
  const text = readFileSync(`${dir}/${html}`, 'utf8');
  const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/?([^"]+)"/g)].map((m) => m[1]);
  return [html, ...refs.filter((r) => existsSync(`${dir}/${r}`))];
}

function sizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(`${dir}/${f}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** @param {string} dir a built extension, e.g. .output/chrome-mv3 */
export function bundleSizes(dir) {
  const data = readdirSync(`${dir}/data`)
    .filter((f) => f.endsWith('.gz'))
    .map((f) => `data/${f}`);
  const contentScripts = readdirSync(`${dir}/content-scripts`).map((f) => `content-scripts/${f}`);
  const parts = {
    content: sizes(dir, contentScripts),
    popup: sizes(dir, pageFiles(dir, 'popup.html')),
    background: sizes(dir, ['background.js']),
    data: sizes(dir, data),
  };
  // The data assets ship gzip-compressed: their raw size is already the compressed size.
  parts.data.uncompressed = data.reduce((n, f) => n + gunzipSync(readFileSync(`${dir}/${f}`)).length, 0);
  const all = (function walk(sub) {
    return readdirSync(`${dir}/${sub}`, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${sub}${e.name}/`) : [`${sub}${e.name}`],
    );
  })('');
  parts.wholeExtension = { ...sizes(dir, all), files: all.length };
  return parts;
}
