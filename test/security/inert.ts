/** Checks that an export keeps page text inert, shared by the Node and browser security tests. */
import { expect } from 'vitest';

/** No raw HTML, no links or images, no line structure injected from page text. */
export function assertInertMarkdown(md: string) {
  expect(md).not.toMatch(/(^|[^\\])</); // every < escaped, so no HTML tag or autolink
  expect(md).not.toMatch(/(^|[^\\])\]\(/); // no inline link or image
  expect(md).not.toMatch(/^\s*\[[^\]]*\]:/m); // no link reference definition
  expect(md).not.toMatch(/\r/);
  // The only headings are the report's own.
  for (const line of md.split('\n').filter((l) => /^\s{0,3}#/.test(l)))
    expect(line).toMatch(/^(# Unspun audit: .*|## (Likely original source|Spun wording|Photo credits))$/);
}

/** RFC 4180 parse; no cell starts with a formula character. */
export function assertInertCsv(csv: string) {
  for (const row of parseCsv(csv)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
}

export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const REPORT_TAGS = new Set(
  'html head meta title style body main header section h1 h2 p ul li table thead tbody tr th td del ins a strong div'.split(' '),
);

/** Only the report's own elements, no handler attributes, only http(s) links, the CSP before the page's text. */
export function assertInertHtml(doc: Document, csp: string) {
  const [charset, policy] = doc.head.children;
  expect(charset?.getAttribute('charset')).toBe('utf-8');
  expect(policy?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  expect(policy?.getAttribute('content')).toBe(csp);
  expect(doc.querySelectorAll('style')).toHaveLength(1);
  expect(doc.querySelectorAll('meta')).toHaveLength(3); // charset, CSP, referrer
  expect(doc.querySelectorAll('title')).toHaveLength(1);
  for (const el of doc.querySelectorAll('*')) {
    expect(REPORT_TAGS.has(el.localName)).toBe(true);
    for (const attr of el.attributes) expect(attr.name).not.toMatch(/^on/i);
  }
  for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^https?:/i);
  expect(doc.querySelectorAll('[src], [srcdoc], [style], [formaction], [xlink\\:href]')).toHaveLength(0);
}
