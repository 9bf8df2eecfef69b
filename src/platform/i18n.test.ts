import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = 'public/_locales';
type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

/** Every source file that shows text to the user. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|html)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('locale files', () => {
  const en = load('en');

  it('describe every English message for translators and use only valid names', () => {
    for (const [key, m] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(m.message.length, key).toBeGreaterThan(0);
      expect(m.description, key).toBeTruthy();
    }
  });

  it('declare a placeholder for every $NAME$ a message uses, and use every one declared', () => {
    for (const [key, m] of Object.entries(en)) {
      const used = new Set([...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => (x[1] as string).toLowerCase()));
      expect(new Set(Object.keys(m.placeholders ?? {})), key).toEqual(used);
    }
  });

  it('hold every key the code asks for', () => {
    const keys = new Set<string>();
    for (const file of [...sources('src'), ...sources('entrypoints')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(m[1] as string);
      for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) keys.add(m[1] as string);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1] as string);
    }
    for (const prefix of ['sensitivity_strict', 'sensitivity_normal', 'sensitivity_sensitive', 'highlight_both', 'theme_dark'])
      keys.add(prefix);
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
  });

  it('give other languages only keys that English has', () => {
    for (const lang of readdirSync(LOCALES)) {
      expect(
        Object.keys(load(lang)).filter((k) => !(k in en)),
        lang,
      ).toEqual([]);
    }
  });
});
