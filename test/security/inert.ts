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
