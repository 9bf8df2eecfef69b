/** Reading one CLI input: a text file, a saved HTML page, or stdin. Bad input is an error, never a crash. */
import { readFile, stat } from 'node:fs/promises';
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

export async function readInput(file: string, stdin: () => Promise<Buffer>, url?: string): Promise<Input> {
  let bytes: Buffer;
  if (file === '-') {
    bytes = await stdin();
  } else {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch (e) {
      throw new InputError(`${file}: ${reason(e)}`);
    }
    if (info.isDirectory()) throw new InputError(`${file}: is a directory`);
    if (info.size > MAX_INPUT_BYTES) throw new InputError(`${file}: too large (${info.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new InputError(`${file}: ${reason(e)}`);
    }
  }
  const name = file === '-' ? 'stdin' : file;
  const text = decodeText(bytes, name);
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const article = extractArticle(text, url);
    if (article.text.trim() === '') throw new InputError(`${name}: no article text found in the page`);
    return { text: article.text, extracted: true, meta: article.meta };
  }
  return { text, extracted: false };
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
