import { describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../core/types';
import type { HistoryEntry } from '../messaging/history';
import type { TabState } from '../messaging/protocol';
import { defaultSettings, type Settings } from '../messaging/settings';
import { type HandlerDeps, handle } from './handlers';

const analysis = (spun: boolean): Analysis => ({
  version: 1,
  verdict: { spun, score: spun ? 0.9 : 0.1 },
  spans: [],
  restoredText: 'x',
  credits: [],
  source: { publisher: null, domain: null, confidence: 0, evidence: [], candidates: [] },
  timings: { totalMs: 1 },
});

function deps(
  overrides: Partial<HandlerDeps> = {},
  settings: Settings = defaultSettings(),
): HandlerDeps & { store: Map<number, TabState>; history: HistoryEntry[]; thresholds: (number | undefined)[] } {
  const store = new Map<number, TabState>();
  const history: HistoryEntry[] = [];
  const thresholds: (number | undefined)[] = [];
  return {
    store,
    history,
    thresholds,
    analyzer: async () => (text, options) => {
      thresholds.push(options?.threshold);
      return analysis(text.includes('mentioned'));
    },
    loadSettings: async () => settings,
    recordHistory: async (e) => {
      history.push(e);
    },
    isManualInjection: () => false,
    saveTabState: async (s) => {
      store.set(s.tabId, s);
    },
    loadTabState: async (id) => store.get(id) ?? null,
    runCheckInTab: async () => ({ ok: true, highlighted: 0 }),
    setBadge: vi.fn(async () => undefined),
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

describe('background message handling', () => {
  it('analyses text from a tab, remembers the result for that tab and sets the badge', async () => {
    const d = deps();
    const reply = await handle({ kind: 'analyze-text', text: 'he mentioned', url: 'https://r.example/', title: 'T' }, { tabId: 7 }, d);
    expect(reply).toMatchObject({ ok: true, analysis: { verdict: { spun: true } } });
    expect(d.store.get(7)).toMatchObject({ tabId: 7, url: 'https://r.example/', checkedAt: '2026-01-01T00:00:00.000Z' });
    expect(d.setBadge).toHaveBeenCalledOnce();
  });

  it('answers the page with only the verdict and spans, while the tab keeps the whole analysis', async () => {
    const d = deps();
    const reply = await handle({ kind: 'analyze-text', text: 'he mentioned', url: 'https://r.example/', title: 'T' }, { tabId: 7 }, d);
    expect(reply.ok && 'analysis' in reply && Object.keys(reply.analysis).sort()).toEqual(['spans', 'verdict']);
    expect(d.store.get(7)?.analysis.restoredText).toBe('x');
  });

  it('refuses analyze-text that does not come from a tab', async () => {
    const reply = await handle({ kind: 'analyze-text', text: 'x', url: 'u', title: '' }, {}, deps());
    expect(reply).toMatchObject({ ok: false });
  });

  it('answers check-tab with the state the content script produced', async () => {
    const d = deps();
    d.runCheckInTab = async (tabId) => {
      await handle({ kind: 'analyze-text', text: 'clean', url: 'https://c.example/', title: 'C' }, { tabId }, d);
      return { ok: true, highlighted: 0 };
    };
    const reply = await handle({ kind: 'check-tab', tabId: 3 }, {}, d);
    expect(reply).toMatchObject({ ok: true, state: { tabId: 3, analysis: { verdict: { spun: false } } } });
  });

  it('starts loading the engine when a check is asked, while the tab still reads its page', async () => {
    const order: string[] = [];
    const d = deps({
      analyzer: async () => {
        order.push('engine');
        return () => analysis(false);
      },
      runCheckInTab: async () => {
        order.push('tab reads the page');
        return { ok: true, highlighted: 0 };
      },
    });
    await handle({ kind: 'check-tab', tabId: 7 }, {}, d);
    expect(order).toEqual(['engine', 'tab reads the page']);
  });

  it('starts loading the engine for a starting content script only when it will check by itself', async () => {
    const analyzer = vi.fn(async () => () => analysis(false));
    await handle({ kind: 'content-ready', url: 'https://news.example/a' }, { tabId: 3 }, deps({ analyzer }));
    expect(analyzer).not.toHaveBeenCalled();
    const everywhere = { ...defaultSettings(), autoCheck: { allSites: true, sites: [] } };
    await handle({ kind: 'content-ready', url: 'https://news.example/a' }, { tabId: 3 }, deps({ analyzer }, everywhere));
    expect(analyzer).toHaveBeenCalledOnce();
  });

  it('passes a content-script failure back to the popup', async () => {
    const reply = await handle(
      { kind: 'check-tab', tabId: 3 },
      {},
      deps({ runCheckInTab: async () => ({ ok: false, error: 'no text found on this page' }) }),
    );
    expect(reply).toEqual({ ok: false, error: 'no text found on this page' });
  });

  it('turns an engine failure into an error reply instead of a crash', async () => {
    const reply = await handle(
      { kind: 'analyze-text', text: 'x', url: 'u', title: '' },
      { tabId: 1 },
      deps({
        analyzer: async () => {
          throw new Error('assets missing');
        },
      }),
    );
    expect(reply).toEqual({ ok: false, error: 'assets missing' });
  });

  it('returns null state for a tab never checked', async () => {
    expect(await handle({ kind: 'get-tab-state', tabId: 99 }, {}, deps())).toEqual({ ok: true, state: null });
  });

  it('compares the checked page with the original the user fetched', async () => {
    const d = deps();
    await handle(
      { kind: 'analyze-text', text: 'Trump mentioned he told officials to start peace talks now.', url: 'u', title: '' },
      { tabId: 5 },
      d,
    );
    const reply = await handle(
      {
        kind: 'compare-original',
        tabId: 5,
        originalUrl: 'https://o.example/a',
        originalText: 'Trump said he told officials to start peace talks now.',
      },
      {},
      d,
    );
    expect(reply).toMatchObject({ ok: true, comparison: { verdict: 'copy' } });
  });

  it('asks for a check before a comparison', async () => {
    expect(await handle({ kind: 'compare-original', tabId: 9, originalUrl: 'u', originalText: 'x' }, {}, deps())).toEqual({
      ok: false,
      error: 'check this page first',
    });
  });

  it('passes the chosen sensitivity to the engine as its threshold', async () => {
    const d = deps({}, { ...defaultSettings(), sensitivity: 'strict' });
    await handle({ kind: 'analyze-text', text: 'x', url: 'u', title: '' }, { tabId: 1 }, d);
    expect(d.thresholds).toEqual([0.7]);
  });

  it('records every check in the history with what started it', async () => {
    const d = deps();
    await handle({ kind: 'analyze-text', text: 'he mentioned', url: 'https://r.example/', title: 'T', trigger: 'auto' }, { tabId: 2 }, d);
    await handle({ kind: 'analyze-text', text: 'clean', url: 'https://c.example/', title: 'C' }, { tabId: 2 }, d);
    expect(d.history).toEqual([
      expect.objectContaining({ url: 'https://r.example/', verdict: 'spun', spans: 0, trigger: 'auto', time: '2026-01-01T00:00:00.000Z' }),
      expect.objectContaining({ url: 'https://c.example/', verdict: 'clean', trigger: 'manual', publisher: null }),
    ]);
  });

  it('tells a starting content script to check by itself only on allowed sites', async () => {
    const d = deps({}, { ...defaultSettings(), autoCheck: { allSites: false, sites: ['http://127.0.0.1'] } });
    expect(await handle({ kind: 'content-ready', url: 'http://127.0.0.1:8080/a' }, { tabId: 1 }, d)).toEqual({ ok: true, auto: true });
    expect(await handle({ kind: 'content-ready', url: 'http://localhost:8080/a' }, { tabId: 1 }, d)).toEqual({ ok: true, auto: false });
  });

  it('does not start an automatic check in a tab the user is already checking', async () => {
    const d = deps({ isManualInjection: () => true }, { ...defaultSettings(), autoCheck: { allSites: true, sites: [] } });
    expect(await handle({ kind: 'content-ready', url: 'https://a.example/' }, { tabId: 1 }, d)).toEqual({ ok: true, auto: false });
  });
});
