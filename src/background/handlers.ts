/** Answers every request of the message protocol. Pure of browser globals except through its deps. */
import type { Analyzer } from '../core/analyze';
import { compareTexts } from '../core/compare';
import type { Failure, Replies, TabState, ToBackground } from '../messaging/protocol';

export interface HandlerDeps {
  analyzer: () => Promise<Analyzer>;
  saveTabState: (s: TabState) => Promise<void>;
  loadTabState: (tabId: number) => Promise<TabState | null>;
  /** Inject if needed, then ask the tab to read and highlight itself. */
  runCheckInTab: (tabId: number, selectionOnly: boolean) => Promise<Replies['run-check']>;
  setBadge: (tabId: number, state: TabState) => Promise<void>;
  now: () => Date;
}

export interface Sender {
  tabId?: number;
}

const fail = (e: unknown): Failure => ({ ok: false, error: e instanceof Error ? e.message : String(e) });

export async function handle(message: ToBackground, sender: Sender, deps: HandlerDeps): Promise<Replies[ToBackground['kind']]> {
  switch (message.kind) {
    case 'analyze-text': {
      if (sender.tabId === undefined) return { ok: false, error: 'analyze-text must come from a tab' };
      try {
        const analyze = await deps.analyzer();
        const analysis = analyze(message.text, { url: message.url, meta: message.meta });
        const state: TabState = {
          tabId: sender.tabId,
          url: message.url,
          title: message.title,
          checkedAt: deps.now().toISOString(),
          text: message.text,
          analysis,
        };
        await deps.saveTabState(state);
        await deps.setBadge(sender.tabId, state).catch(() => undefined);
        return { ok: true, analysis };
      } catch (e) {
        return fail(e);
      }
    }
    case 'check-tab': {
      try {
        const r = await deps.runCheckInTab(message.tabId, message.selectionOnly ?? false);
        if (!r.ok) return r;
        const state = await deps.loadTabState(message.tabId);
        return state ? { ok: true, state } : { ok: false, error: 'the page sent no text to check' };
      } catch (e) {
        return fail(e);
      }
    }
    case 'get-tab-state':
      return { ok: true, state: await deps.loadTabState(message.tabId) };
    case 'compare-original': {
      const state = await deps.loadTabState(message.tabId);
      if (!state) return { ok: false, error: 'check this page first' };
      return { ok: true, comparison: compareTexts(state.text, message.originalText, state.analysis.spans) };
    }
  }
}
