/** Answers every request of the message protocol. Pure of browser globals except through its deps. */
import type { Analyzer } from '../core/analyze';
import { compareTexts } from '../core/compare';
import type { HistoryEntry } from '../messaging/history';
import type { Failure, Replies, TabState, ToBackground } from '../messaging/protocol';
import { autoCheckAllowed, type Settings, THRESHOLDS } from '../messaging/settings';

export interface HandlerDeps {
  analyzer: () => Promise<Analyzer>;
  saveTabState: (s: TabState) => Promise<void>;
  loadTabState: (tabId: number) => Promise<TabState | null>;
  /** Inject if needed, then ask the tab to read and highlight itself. */
  runCheckInTab: (tabId: number, selectionOnly: boolean) => Promise<Replies['run-check']>;
  setBadge: (tabId: number, state: TabState) => Promise<void>;
  now: () => Date;
  loadSettings: () => Promise<Settings>;
  recordHistory: (entry: HistoryEntry) => Promise<void>;
  /** True while the background itself is injecting into this tab for a user's check. */
  isManualInjection: (tabId: number) => boolean;
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
        const [analyze, settings] = await Promise.all([deps.analyzer(), deps.loadSettings()]);
        const analysis = analyze(message.text, { url: message.url, meta: message.meta, threshold: THRESHOLDS[settings.sensitivity] });
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
        await deps.recordHistory(historyEntry(state, message.trigger ?? 'manual')).catch(() => undefined);
        return { ok: true, analysis: { verdict: analysis.verdict, spans: analysis.spans } };
      } catch (e) {
        return fail(e);
      }
    }
    case 'content-ready': {
      if (sender.tabId === undefined || deps.isManualInjection(sender.tabId)) return { ok: true, auto: false };
      const settings = await deps.loadSettings().catch(() => null);
      const auto = settings !== null && autoCheckAllowed(settings, message.url);
      if (auto) deps.analyzer().catch(() => undefined);
      return { ok: true, auto };
    }
    case 'check-tab': {
      // The engine's data load while the tab reads its page, not after (a restarted background
      // would otherwise add both). A failed load is retried, and reported, by analyze-text.
      deps.analyzer().catch(() => undefined);
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

function historyEntry(state: TabState, trigger: HistoryEntry['trigger']): HistoryEntry {
  const a = state.analysis;
  return {
    url: state.url,
    title: state.title,
    time: state.checkedAt,
    verdict: a.verdict.spun ? 'spun' : 'clean',
    score: a.verdict.score,
    publisher: a.source.publisher,
    spans: a.spans.length,
    trigger,
  };
}
