/**
 * Browser quirk, isolated: the toolbar button is `action` in MV3 and `browserAction` in Firefox's
 * MV2 build. Everything else talks to this file.
 */
import { browser } from 'wxt/browser';

type ActionApi = typeof browser.action;

export function actionApi(): ActionApi | undefined {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction;
}

export async function setBadge(tabId: number, text: string, color: string): Promise<void> {
  const action = actionApi();
  if (!action) return;
  await action.setBadgeText({ tabId, text });
  await action.setBadgeBackgroundColor({ tabId, color });
}
