/** The shipped manifests ask for the minimum, and only the e2e build may read the loopback test server. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

describe('built manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv2', 'firefox-mv3'])('%s asks for no host access up front and declares no content scripts', (dir) => {
    const m = manifest(dir);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    expect((m.permissions as string[]).filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    expect([...m.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
  });

  it('Firefox builds carry an add-on id, a minimum version and declare that no data is collected', () => {
    for (const dir of ['firefox-mv2', 'firefox-mv3']) {
      const gecko = manifest(dir).browser_specific_settings.gecko;
      expect(gecko.id).toMatch(/@/);
      expect(gecko.strict_min_version).toBeTruthy();
      expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    }
  });

  it('the e2e builds add only loopback host access, in MV2 and MV3', () => {
    expect(manifest('e2e-chrome-mv3').host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest('e2e-firefox-mv3').host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest('e2e-firefox-mv2').permissions).toContain('http://127.0.0.1/*');
    expect([...manifest('e2e-firefox-mv2').permissions].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'http://127.0.0.1/*',
      'scripting',
      'storage',
    ]);
  });

  it.each(['chrome-mv3', 'firefox-mv2', 'firefox-mv3'])('%s takes its name and description from the locale files', (dir) => {
    const m = manifest(dir);
    expect(m.default_locale).toBe('en');
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    const messages = JSON.parse(readFileSync(`.output/${dir}/_locales/en/messages.json`, 'utf8'));
    expect(messages.extName.message).toBe('Unspun');
  });

  it('every build sets a strict extension CSP: own scripts only, no plugins, no base or form targets', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2', 'firefox-mv3']) {
      const csp = manifest(dir).content_security_policy;
      const policy = typeof csp === 'string' ? csp : csp.extension_pages;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
    }
  });

  it('no build loads remote code or relaxes the extension CSP', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2', 'firefox-mv3']) {
      const m = manifest(dir);
      expect(JSON.stringify(m.content_security_policy ?? {})).not.toMatch(/unsafe-eval|http:|https:/);
    }
  });
});
