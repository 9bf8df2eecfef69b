import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isToContent } from '../src/messaging/protocol';
import { sendToBackground } from '../src/messaging/send';
import { checkPage, scrollToSpan } from '../src/page/check';

// Injected on demand by the background (activeTab, context menu, shortcut), never declared for
// all sites in the manifest.
export default defineContentScript({
  registration: 'runtime',
  main() {
    const marker = '__unspunContentLoaded';
    const w = window as unknown as Record<string, boolean>;
    if (w[marker]) return;
    w[marker] = true;

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isToContent(message)) return undefined;
      switch (message.kind) {
        case 'ping':
          return Promise.resolve({ ok: true });
        case 'run-check':
          return checkPage(
            document,
            (text, meta) => sendToBackground({ kind: 'analyze-text', text, url: location.href, title: document.title, meta }),
            message.selectionOnly ?? false,
          ).catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
        case 'scroll-to-span':
          return Promise.resolve({ ok: scrollToSpan(message.index) });
      }
    });
  },
});
