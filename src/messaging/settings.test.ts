import { describe, expect, it } from 'vitest';
import {
  autoCheckAllowed,
  autoCheckPatterns,
  defaultSettings,
  exportSettings,
  importSettings,
  migrate,
  normalizeSite,
  SETTINGS_VERSION,
  type Settings,
  siteOf,
} from './settings';

const valid = (): Settings => ({
  version: SETTINGS_VERSION,
  autoCheck: { allSites: false, sites: ['https://news.example'] },
  sensitivity: 'strict',
  highlightStyle: 'underline',
  theme: 'dark',
});

describe('settings migration', () => {
  it('gives the defaults without a notice when nothing was stored yet', () => {
    expect(migrate(undefined)).toEqual({ settings: defaultSettings() });
    expect(migrate(null)).toEqual({ settings: defaultSettings() });
  });

  it('takes valid current settings exactly as they are', () => {
    expect(migrate(valid())).toEqual({ settings: valid() });
  });

  it('resets corrupt data to the defaults with a notice', () => {
    for (const raw of ['{"broken', 42, [1, 2], true, { version: 'two' }, { version: -3 }]) {
      expect(migrate(raw)).toEqual({ settings: defaultSettings(), notice: { code: 'reset' } });
    }
  });

  it('upgrades the version 1 layout, mapping the threshold to the nearest sensitivity', () => {
    const r = migrate({ version: 1, sites: ['news.example', 'http://127.0.0.1:8080/x'], threshold: 0.33, underline: true });
    expect(r.notice).toEqual({ code: 'migrated', from: 1 });
    expect(r.settings).toEqual({
      version: SETTINGS_VERSION,
      autoCheck: { allSites: false, sites: ['https://news.example', 'http://127.0.0.1'] },
      sensitivity: 'sensitive',
      highlightStyle: 'underline',
      theme: 'system',
    });
  });

  it('reads an unversioned object as version 1 and names the sites it had to drop', () => {
    const r = migrate({ sites: ['ftp://x.example', 'ok.example'], threshold: 0.7 });
    expect(r.settings.autoCheck.sites).toEqual(['https://ok.example']);
    expect(r.settings.sensitivity).toBe('strict');
    expect(r.notice).toEqual({ code: 'migrated', from: 1, fields: ['autoCheck.sites'] });
  });

  it('repairs only the invalid fields of current settings and says which', () => {
    const r = migrate({ ...valid(), sensitivity: 'paranoid', theme: 7 });
    expect(r.settings).toEqual({ ...valid(), sensitivity: 'normal', theme: 'system' });
    expect(r.notice).toEqual({ code: 'repaired', fields: ['sensitivity', 'theme'] });
  });

  it('keeps what it understands of settings written by a newer version', () => {
    const r = migrate({ ...valid(), version: 9, somethingNew: { a: 1 } });
    expect(r.settings).toEqual(valid());
    expect(r.notice).toEqual({ code: 'newer', from: 9 });
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      { autoCheck: null },
      { version: 2, autoCheck: { sites: [null, 3, 'a b'] } },
      Object.create(null),
      { version: 1e9 },
    ];
    for (const raw of odd) expect(() => migrate(raw)).not.toThrow();
  });
});

describe('sites', () => {
  it('normalise what a user types to scheme and host', () => {
    expect(normalizeSite('News.Example')).toBe('https://news.example');
    expect(normalizeSite(' https://news.example/world/a?b=1 ')).toBe('https://news.example');
    expect(normalizeSite('http://127.0.0.1:5173')).toBe('http://127.0.0.1');
  });

  it('refuse anything that is not an http(s) site', () => {
    for (const s of [
      '',
      'file:///etc/passwd',
      'chrome://extensions',
      'javascript:alert(1)',
      'a b.example',
      'https://*.example',
      'https://u:p@x.example',
    ]) {
      expect(normalizeSite(s)).toBeNull();
    }
  });

  it('allow automatic checks only on the listed sites unless all sites are on', () => {
    const s = valid();
    expect(autoCheckAllowed(s, 'https://news.example/story')).toBe(true);
    expect(autoCheckAllowed(s, 'http://news.example/story')).toBe(false);
    expect(autoCheckAllowed(s, 'https://other.example/')).toBe(false);
    const all = { ...s, autoCheck: { allSites: true, sites: [] } };
    expect(autoCheckAllowed(all, 'https://other.example/')).toBe(true);
    expect(autoCheckAllowed(all, 'file:///tmp/a.html')).toBe(false);
    expect(siteOf('not a url')).toBeNull();
  });

  it('turn into match patterns for registration', () => {
    expect(autoCheckPatterns(valid())).toEqual(['https://news.example/*']);
    expect(autoCheckPatterns({ ...valid(), autoCheck: { allSites: true, sites: [] } })).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe('settings files', () => {
  it('round-trip through export and import', () => {
    expect(importSettings(exportSettings(valid()))).toEqual({ settings: valid() });
  });

  it('are migrated on import like stored data', () => {
    expect(importSettings(JSON.stringify({ app: 'unspun', version: 1, threshold: 0.5 }))?.notice?.code).toBe('migrated');
  });

  it('refuse files that are not Unspun settings', () => {
    for (const text of ['not json', '[]', '{"name":"other extension"}']) expect(importSettings(text)).toBeNull();
  });
});
