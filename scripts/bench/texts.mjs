// The bench's inputs: the bundled demo article (spun) and its reconstructed original (clean),
// cut or repeated to a word count, as plain text and as a news-style HTML page.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

export const SOURCES = {
  spun: readFileSync(new URL('demo/seed-article.txt', root), 'utf8'),
  clean: readFileSync(new URL('test/fixtures/pages/original-article.html', root), 'utf8')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim(),
};

/** The first `n` words of `source`, repeated as needed, keeping line breaks (one paragraph a line). */
export function sized(source, n) {
  const lines = source.split('\n');
  const out = [];
  let count = 0;
  for (let i = 0; count < n; i++) {
    const words = (lines[i % lines.length] ?? '').split(' ');
    const take = words.slice(0, n - count);
    out.push(take.join(' '));
    count += take.length;
  }
  return out.join('\n');
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news-style page holding `text` as an article, one <p> per line (the first line is the headline). */
export function articlePage(text, title) {
  const [headline = title, ...paragraphs] = text.split('\n').filter((l) => l.trim() !== '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px;color:#222}</style>
</head>
<body>
<nav><a href="/">Daily Repost</a> · <a href="/world">World</a></nav>
<article>
<h1>${escapeHtml(headline)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<footer>© Daily Repost</footer>
</body>
</html>
`;
}
