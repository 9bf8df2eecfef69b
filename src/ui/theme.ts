/** Light, dark or the system's choice, the same in the popup and the options page. */
import type { Theme } from '../messaging/settings';

export function applyTheme(doc: Document, theme: Theme): void {
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}
