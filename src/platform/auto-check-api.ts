/** `browser.scripting` + `browser.permissions` behind the small interface auto-check.ts needs. */
import { browser } from 'wxt/browser';
import { AUTO_SCRIPT_ID, type AutoCheckApi } from '../background/auto-check';
import { CONTENT_SCRIPT_FILE } from './inject';

export const browserAutoCheckApi: AutoCheckApi = {
  getRegistered: () => browser.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] }),
  register: (matches) =>
    browser.scripting.registerContentScripts([
      { id: AUTO_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE.replace(/^\//, '')], runAt: 'document_idle', persistAcrossSessions: true },
    ]),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] }),
  hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
};

/** Ask for host access to `patterns`. Must run straight from a click (no await before it). */
export function requestSiteAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: patterns });
}
