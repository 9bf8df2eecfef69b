import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../messaging/settings';
import { AUTO_SCRIPT_ID, type AutoCheckApi, type RegisteredScript, syncAutoCheck } from './auto-check';

function fakeApi(granted: string[], registered: RegisteredScript[] = []) {
  const calls: string[] = [];
  const api: AutoCheckApi & { registered: RegisteredScript[]; calls: string[] } = {
    registered,
    calls,
    getRegistered: async () => api.registered,
    register: async (matches) => {
      calls.push(`register ${matches.join(' ')}`);
      api.registered = [{ id: AUTO_SCRIPT_ID, matches }];
    },
    unregister: async () => {
      calls.push('unregister');
      api.registered = [];
    },
    hasAccess: async (p) => granted.includes(p),
  };
  return api;
}

const withSites = (...sites: string[]): Settings => ({ ...defaultSettings(), autoCheck: { allSites: false, sites } });

describe('automatic-check registration', () => {
  it('registers nothing by default', async () => {
    const api = fakeApi([]);
    expect(await syncAutoCheck(defaultSettings(), api)).toEqual([]);
    expect(api.calls).toEqual([]);
  });

  it('registers the allowed sites the extension has access to, and only those', async () => {
    const api = fakeApi(['https://a.example/*']);
    expect(await syncAutoCheck(withSites('https://a.example', 'https://b.example'), api)).toEqual(['https://a.example/*']);
    expect(api.calls).toEqual(['register https://a.example/*']);
  });

  it('leaves a registration that already matches alone', async () => {
    const api = fakeApi(['https://a.example/*'], [{ id: AUTO_SCRIPT_ID, matches: ['https://a.example/*'] }]);
    await syncAutoCheck(withSites('https://a.example'), api);
    expect(api.calls).toEqual([]);
  });

  it('unregisters when the last site is removed or its permission revoked', async () => {
    const api = fakeApi([], [{ id: AUTO_SCRIPT_ID, matches: ['https://a.example/*'] }]);
    await syncAutoCheck(withSites('https://a.example'), api);
    expect(api.calls).toEqual(['unregister']);
    expect(api.registered).toEqual([]);
  });

  it('re-registers with the new list when a site is added', async () => {
    const api = fakeApi(['https://a.example/*', 'http://127.0.0.1/*'], [{ id: AUTO_SCRIPT_ID, matches: ['https://a.example/*'] }]);
    await syncAutoCheck(withSites('https://a.example', 'http://127.0.0.1'), api);
    expect(api.calls).toEqual(['unregister', 'register https://a.example/* http://127.0.0.1/*']);
  });
});
