/**
 * Builds test/fixtures/pages/hostile-article.html: the demo repost (spun wording, mangled credits)
 * with every payload of test/fixtures/xss-payloads.ts woven in as escaped text (paragraphs, link
 * texts, credit lines, headings, title, meta) and, for the `live` ones, as real markup inside the
 * article, where the page's own scripts may run them. The committed file is checked against this
 * generator by test/security/fixtures.test.ts (UPDATE_FIXTURES=1 rewrites it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, PAYLOADS, type Payload } from '../fixtures/xss-payloads';

export const HOSTILE_PAGE = join(process.cwd(), 'test/fixtures/pages/hostile-article.html');

/** Escaped for text content; NUL and CR go in as character references so the DOM keeps (a stand-in for) them. */
const text = (s: string) =>
  escapeHtml(s)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL goes in as a character reference
    .replace(/\u0000/g, '&#0;')
    .replace(/\r/g, '&#13;');

const byId = (id: number) => PAYLOADS.find((p) => p.id === id) as Payload;

/** The payloads put in the <title>, og: meta and headline (as text). */
export const TITLE_PAYLOADS = [4, 1, 10].map(byId);
export const META_PAYLOADS = [5, 41].map(byId);

export function hostilePageHtml(): string {
  const seed = readFileSync(join(process.cwd(), 'demo/seed-article.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const credits = seed.filter((l) => l.includes(' | '));
  const prose = seed.filter((l) => !l.includes(' | ') && l.length > 120);
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Trump mentioned he instructed officers ${TITLE_PAYLOADS.map((p) => text(p.payload)).join(' ')} — Daily Repost</title>`,
    `<meta property="og:site_name" content="${escapeHtml((META_PAYLOADS[0] as Payload).payload)}">`,
    `<meta property="og:title" content="${escapeHtml((META_PAYLOADS[1] as Payload).payload)}">`,
    '<link rel="canonical" href="javascript:top.__xssCanonical=1">',
    '<style>body{font:16px/1.6 Georgia,serif;max-width:760px;margin:24px auto;padding:0 16px;color:#222} .credit{font-size:12px;color:#777} .live{border:1px dashed #c00;padding:4px;margin:8px 0}</style>',
    '</head>',
    '<body>',
    '<nav><a href="/">Daily Repost</a> · <a href="javascript:top.__xssNav=1">World</a></nav>',
    '<article>',
    `<h1>Trump and Putin agree to start Ukraine peace talks ${text((TITLE_PAYLOADS[0] as Payload).payload)}</h1>`,
  );
  PAYLOADS.forEach((p, i) => {
    const para = prose[i % prose.length] as string;
    const cut = para.indexOf('. ') > 0 ? para.indexOf('. ') + 2 : Math.floor(para.length / 2);
    const before = text(para.slice(0, cut));
    const after = text(para.slice(cut));
    // Every third payload is also a link's text.
    const link = i % 3 === 0 ? ` <a href="/people/trump">${text(p.payload)}</a>` : '';
    out.push(`<p data-payload="${p.id}">${before}${text(p.payload)} ${after}${link}</p>`);
    // Every seventh, and every formula and bidi payload, also stands in for the photographer of a credit line.
    if (i % 7 === 0 || p.category === 'csv-formula' || p.category === 'bidi-zero-width') {
      const credit = credits[i % credits.length] as string;
      const agencies = credit.slice(credit.indexOf(' | '));
      out.push(
        `<figure><figcaption>Russian President Vladimir Putin at a joint press convention in Helsinki, Finland.<br><span class="credit">${text(p.payload)}${text(agencies)}</span></figcaption></figure>`,
      );
    }
  });
  // Live markup last: some of it (unclosed <form>, <style>, <math>) swallows whatever follows it.
  for (const p of PAYLOADS.filter((p) => p.live)) out.push(`<div class="live" data-live="${p.id}">${p.payload}</div>`);
  out.push('</article>', '<footer><p>© Daily Repost.</p></footer>', '</body>', '</html>', '');
  return out.join('\n');
}
