/** Reading one CLI input: a text file, a saved HTML page, or stdin. Bad input is an error, never a crash. */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { PageMeta } from '../core/types';
import { extractArticle } from './html';

export interface Input {
  /** The text the engine analyses (offsets refer to it). */
  text: string;
  /** Set when the text was extracted from HTML: the contract then returns it as `text`. */
  extracted: boolean;
  meta?: PageMeta;
}

export class InputError extends Error {}

/** Larger inputs are refused rather than risking the user's memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Longer texts are refused too. The engine decodes a long text a chunk at a time, so memory stays
 * bounded (a 10 MB article of 1.7 million words peaks near 0.5 GB resident), but time grows with
 * the words: 2 million words (about 12 MB of news prose) take a minute or two.
 */
export const MAX_INPUT_WORDS = 2_000_000;

export async function readInput(file: string, stdin: () => Promise<Buffer>, url?: string): Promise<Input> {
  let bytes: Buffer;
  if (file === '-') {
    bytes = await stdin();
    if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`stdin: too large (more than ${MAX_INPUT_BYTES} bytes)`);
  } else {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch (e) {
      throw new InputError(`${file}: ${reason(e)}`);
    }
    if (info.isDirectory()) throw new InputError(`${file}: is a directory`);
    // Devices, FIFOs and sockets have no size to check and may never end (/dev/zero): use - for a pipe.
    if (!info.isFile()) throw new InputError(`${file}: not a regular file (use - to read a pipe)`);
    if (info.size > MAX_INPUT_BYTES) throw new InputError(`${file}: too large (${info.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    try {
      bytes = await readAtMost(file, MAX_INPUT_BYTES);
    } catch (e) {
      throw new InputError(`${file}: ${reason(e)}`);
    }
    // The file grew after it was measured.
    if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${file}: too large (more than ${MAX_INPUT_BYTES} bytes)`);
  }
  const name = file === '-' ? 'stdin' : file;
  const text = decodeText(bytes, name);
  // An empty save or an empty pipe is almost always a mistake: say so rather than report "no spinning".
  if (text.trim() === '') throw new InputError(`${name}: empty, no text to analyse`);
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const article = extractArticle(text, url);
    if (article.text.trim() === '') throw new InputError(`${name}: no article text found in the page`);
    checkLength(article.text, name);
    return { text: article.text, extracted: true, meta: article.meta };
  }
  checkLength(text, name);
  return { text, extracted: false };
}

function checkLength(text: string, name: string): void {
  const words = countWords(text, MAX_INPUT_WORDS + 1);
  if (words > MAX_INPUT_WORDS)
    throw new InputError(`${name}: too long to analyse (more than ${MAX_INPUT_WORDS} words); split it into smaller files`);
}

/** Words (runs of letters, marks and digits) in `text`, counting no further than `cap`. */
export function countWords(text: string, cap = Number.POSITIVE_INFINITY): number {
  const re = /[\p{L}\p{M}\p{N}]+/gu;
  let n = 0;
  while (n < cap && re.exec(text) !== null) n++;
  return n;
}

/** Up to `limit` + 1 bytes of a file: enough to tell that it is over the limit without reading all of it. */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** UTF-8 only; a NUL byte or an invalid sequence means this is not a text file. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new InputError(`${name}: binary file (contains NUL bytes), expected UTF-8 text or HTML`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text`);
  }
  return text.replace(/^\uFEFF/, '');
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
