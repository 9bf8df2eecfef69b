import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../src/messaging/send';
import { fetchOriginalText, requestAccess } from '../../src/platform/fetch-original';
import { renderState } from '../../src/ui/popup-view';

// The popup acts on the tab it was opened for: `?tabId=N` (tests, or a popup opened as a page),
// otherwise the active tab of the current window.
async function targetTab(): Promise<number | null> {
  const param = new URL(location.href).searchParams.get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function run(): Promise<void> {
  const status = document.getElementById('status') as HTMLElement;
  const result = document.getElementById('result') as HTMLElement;
  const tabId = await targetTab();
  if (tabId === null) {
    status.textContent = 'No tab to check.';
    return;
  }
  const reply = await sendToBackground({ kind: 'check-tab', tabId }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (!reply.ok) {
    status.textContent = `This page could not be checked: ${reply.error}`;
    document.body.dataset.ready = 'error';
    return;
  }
  status.textContent = '';
  (document.getElementById('page-title') as HTMLElement).textContent = reply.state.title || reply.state.url;
  result.replaceChildren(
    renderState(reply.state, {
      scrollTo: (index) => void sendToTab(tabId, { kind: 'scroll-to-span', index }).catch(() => undefined),
      compare: async (url) => {
        if (!(await requestAccess(url))) throw new Error('access to that site was not granted');
        const originalText = await fetchOriginalText(url);
        const r = await sendToBackground({ kind: 'compare-original', tabId, originalUrl: url, originalText });
        if (!r.ok) throw new Error(r.error);
        return r.comparison;
      },
      copy: (text) => navigator.clipboard.writeText(text),
      download: (name, type, text) => {
        const url = URL.createObjectURL(new Blob([text], { type }));
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
    }),
  );
  document.body.dataset.ready = 'true';
}

void run();
