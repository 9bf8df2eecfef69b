import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ChannelModel, decodeChannel } from './channel';
import { decodeLanguageModel } from './lm';

const read = (name: string) =>
  new Uint8Array(gunzipSync(readFileSync(fileURLToPath(new URL(`../../public/data/${name}`, import.meta.url)))));
const bytes = read('channel.bin.gz');
const lm = decodeLanguageModel(read('lm.bin.gz'));
const ch: ChannelModel = decodeChannel(bytes, lm);

const originals = (spun: string): string[] => (ch.lookup(spun) ?? []).map((c) => c.original);
const candidate = (spun: string, original: string) => ch.lookup(spun)?.find((c) => c.original === original);

describe('channel model', () => {
  it('decodes the shipped asset again to the same model', () => {
    const again = decodeChannel(bytes, lm);
    expect(again.lookup('mentioned')).toEqual(ch.lookup('mentioned'));
    expect(again.isPrefix('motor')).toBe(ch.isPrefix('motor'));
  });

  it("offers no magnitude for another but the spinner table's own (a wrong one would change a fact)", () => {
    const magnitudes = ['hundred', 'thousand', 'million', 'billion', 'trillion'].flatMap((m) => [m, `${m}s`]);
    for (const spun of magnitudes) {
      for (const c of ch.lookup(spun) ?? []) if (magnitudes.includes(c.original)) expect(c.source).toBe('spinner');
    }
    expect(originals('trillions')).not.toContain('millions');
    expect(originals('hundreds of thousands')).toContain('millions');
  });

  it('offers no compass direction for another, only the same one in another form', () => {
    for (const spun of ['north', 'northern', 'southern', 'western', 'northeast', 'southwest'])
      expect(originals(spun).filter((o) => /^(?:north|south|east|west)/.test(o) && !o.startsWith(spun.slice(0, 4)))).toEqual([]);
    expect(originals('easterly')).toContain('eastern');
  });

  it('offers no other name for a name (Taiwan is not China; a wrong one would change a fact), but keeps common senses', () => {
    expect(originals('taiwan')).not.toContain('china');
    expect(originals('myanmar')).not.toContain('burma');
    expect(originals('netherlands')).not.toContain('holland');
    expect(originals('united states')).not.toContain('america');
    expect(originals('chinaware')).toContain('china'); // the porcelain
    expect(originals('mars')).toContain('defects'); // the verb
  });

  it("maps the spinner's 'mentioned' back to 'said' with high probability", () => {
    const c = candidate('mentioned', 'said');
    expect(c?.source).toBe('spinner');
    expect(c?.logProb).toBeGreaterThan(-0.5);
  });

  it("maps WordNet multiword spins like 'motor hotel' to 'court'", () => {
    expect(originals('motor hotel')).toContain('court');
    expect(candidate('motor hotel', 'court')?.source).toBe('wordnet');
    expect(originals('analytic thinking')).toContain('analysis');
    expect(originals('to the full')).toContain('fully');
    expect(originals('run into')).toContain('hit');
    expect(originals('runs into')).toContain('hits');
  });

  it("maps the seed's 1000's to thousands (keys use the ASCII apostrophe)", () => {
    expect(originals("1000's")).toContain('thousands');
    expect(ch.lookup('1000’s')).toBeUndefined();
  });

  it("maps inflected forms like 'troopers' to 'soldiers' and 'pastors' to 'ministers'", () => {
    expect(originals('troopers')).toContain('soldiers');
    expect(originals('trooper')).toContain('soldier');
    expect(originals('pastors')).toContain('ministers');
  });

  it("undoes naive regular inflections such as 'admiting' and 'littler'", () => {
    expect(originals('admiting')).toContain('including');
    expect(originals('littler')).toContain('smaller');
  });

  it("maps phrase swaps such as 'within the' and 'in response to'", () => {
    expect(originals('within the')).toContain('in the');
    expect(originals('on the')).toContain('at the');
    expect(originals('in response to')).toContain('according to');
    expect(originals('earlier than')).toContain('before');
  });

  it('takes a phrase swap around a function word as a phrase only ("within the", not "within" for "in")', () => {
    expect(originals('within')).not.toContain('in');
    expect(originals('shall')).not.toContain('will');
    expect(originals('personal')).not.toContain('own');
    expect(originals('our personal')).toContain('our own');
  });

  it('splits mangled names and credits into word swaps', () => {
    expect(originals('photos')).toContain('images');
    expect(originals('secretary-basic')).toContain('secretary-general');
    expect(originals('basic')).toContain('general');
    expect(originals('home windows')).toContain('windows');
  });

  it("generalises the seed spinner's originals with the Moby thesaurus at a lower weight", () => {
    const all = ['warriors', 'chat', 'talked', 'navy'].flatMap((k) => ch.lookup(k) ?? []);
    const thes = all.filter((c) => c.source === 'thesaurus');
    expect(thes.length).toBeGreaterThan(0);
    for (const c of thes) expect(c.logProb).toBeLessThan(-1);
  });

  it('keeps thesaurus junk off function words', () => {
    expect(ch.lookup('the')).toBeUndefined();
    expect(originals('inch')).not.toContain('in');
    expect(originals('angstrom')).not.toContain('a');
  });

  it("maps a function word with a real sense back to a content word ('around' for 'roughly'), never to another function word", () => {
    expect(originals('around')).toContain('roughly');
    expect(originals('near')).toContain('almost');
    expect(originals('outside')).toContain('international');
    const functionWords = ['about', 'through', 'in', 'on', 'at', 'by', 'of', 'to', 'before', 'after', 'over', 'near'];
    for (const spun of ['around', 'near', 'outside', 'after', 'over']) {
      for (const o of originals(spun)) if (candidate(spun, o)?.source !== 'spinner') expect(functionWords).not.toContain(o);
    }
  });

  it('offers no obscenity and no abbreviation as an original, though spinners may write them', () => {
    expect(originals('bedding')).not.toContain('fucking');
    expect(originals('squawk')).not.toContain('bitch');
    expect(originals('excite')).not.toContain('sex');
    expect(originals('tantalum')).not.toContain('ta');
    expect(originals('louisiana')).not.toContain('la');
    expect(originals('artificial intelligence')).not.toContain('ai');
    // the commonest short words stay, and an offensive word is still a spun form
    expect(originals('rifle')).toContain('go');
    expect(originals('penis')).toContain('member');
  });

  it('returns candidates sorted by log-probability, all negative or zero', () => {
    for (const k of ['mentioned', 'extra', 'folks', 'information']) {
      const c = ch.lookup(k) ?? [];
      expect(c.length).toBeGreaterThan(1);
      for (let i = 1; i < c.length; i++) expect((c[i - 1]?.logProb ?? 0) >= (c[i]?.logProb ?? 0)).toBe(true);
      for (const x of c) expect(x.logProb).toBeLessThanOrEqual(0);
    }
  });

  it('knows which word sequences start a longer key', () => {
    expect(ch.maxSpunWords).toBeGreaterThanOrEqual(3);
    expect(ch.isPrefix('motor')).toBe(true);
    expect(ch.isPrefix('in response')).toBe(true);
    expect(ch.isPrefix('motor hotel')).toBe(false);
    expect(ch.isPrefix('qwxzzyv')).toBe(false);
  });

  it('returns undefined for unknown spun forms', () => {
    expect(ch.lookup('qwxzzyv')).toBeUndefined();
    expect(ch.lookup('')).toBeUndefined();
  });

  it('rejects data that is not a channel asset', () => {
    expect(() => decodeChannel(new Uint8Array([85, 67, 72, 49, 0, 0, 0, 0]), lm)).toThrow();
    expect(() => decodeChannel(bytes.subarray(0, bytes.length >> 1), lm)).toThrow();
  });

  it("names the language model's words by their ids, so it is decoded only beside the model it was built with", () => {
    const said = ch.lookup('mentioned')?.find((c) => c.original === 'said');
    expect(said?.originalId).toBe(lm.id('said'));
    const phrase = ch.lookup('safety ensures')?.find((c) => c.original === 'security guarantees');
    expect(phrase?.originalId).toBe(-1);
    const smaller = { ...lm, size: lm.size - 1 };
    expect(() => decodeChannel(bytes, smaller)).toThrow(/language model/);
  });

  it('lists its keys, words of the language model and its own strings alike', () => {
    const keys = new Set(ch.keys());
    expect(keys.has('mentioned')).toBe(true);
    expect(keys.has('safety ensures')).toBe(true);
    expect(keys.has('qwxzzyv')).toBe(false);
  });
});
