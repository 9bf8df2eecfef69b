/**
 * Every user-facing string goes through here: `browser.i18n.getMessage` with the key checked
 * against the default locale (public/_locales/en/messages.json) at compile time.
 */
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages & string;

const getMessage = (key: string, subs: string[]): string => (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs);

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  let text = '';
  try {
    text = getMessage(key, substitutions.map(String));
  } catch {
    // Outside an extension (unit tests without a fake): fall back to the key below.
  }
  return text || key;
}

/** Fill `data-i18n` (text) and `data-i18n-<attr>` (attribute) placeholders of a static page. */
export function localizePage(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const attr of ['title', 'aria-label', 'placeholder']) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`) as MessageKey));
    }
  }
}
