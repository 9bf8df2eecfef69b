import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isToContent } from '../src/messaging/protocol';
import { sendToBackground } from '../src/messaging/send';
import { createSession } from '../src/page/check';
import { isE2eBuild } from '../src/platform/e2e';
import { loadSettings, onSettingsChanged } from '../src/platform/store';

// Never declared for all sites in the manifest: injected on demand by the background (activeTab,
// context menu, shortcut), or registered by it for the sites the user chose for automatic checks.
export default defineContentScript({
  registration: 'runtime',
  main() {
    const marker = '__unspunContentLoaded';
    const w = window as unknown as Record<string, boolean>;
    if (w[marker]) return;
    w[marker] = true;

    const session = createSession(
      document,
      (text, meta, trigger) => sendToBackground({ kind: 'analyze-text', text, url: location.href, title: document.title, meta, trigger }),
      // Test hook (e2e build only): draw the overlay fallback as if the Highlight API were missing.
      { forceOverlay: () => isE2eBuild() && document.documentElement.hasAttribute('data-unspun-test-overlay') },
    );
    const fail = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isToContent(message)) return undefined;
      switch (message.kind) {
        case 'ping':
          return Promise.resolve({ ok: true });
        case 'run-check':
          return session.check({ selectionOnly: message.selectionOnly ?? false, trigger: 'manual' }).catch(fail);
        case 'scroll-to-span':
          return Promise.resolve({ ok: session.scrollToSpan(message.index) });
        case 'set-wording':
          return session.setWording(message.restored).catch(() => ({ ok: false, restored: false }));
      }
    });

    void loadSettings().then(({ settings }) => session.setStyle(settings.highlightStyle));
    onSettingsChanged((s) => session.setStyle(s.highlightStyle));

    // On a site the user allowed, check at once; the background says whether this is one.
    void sendToBackground({ kind: 'content-ready', url: location.href })
      .then((r) => (r.auto ? session.check({ selectionOnly: false, trigger: 'auto' }) : undefined))
      .catch(() => undefined);
  },
});
