import { describe, expect, it } from 'vitest';
import { addEntry, type HistoryEntry, readHistory, storedHistory } from './history';

const entry = (i: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  url: `https://r.example/${i}`,
  title: `Story ${i}`,
  time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  verdict: 'spun',
  score: 0.9,
  publisher: 'CNBC',
  spans: 3,
  trigger: 'manual',
  ...over,
});

describe('audit history', () => {
  it('puts the newest check first', () => {
    const h = addEntry(addEntry([], entry(1)), entry(2));
    expect(h.map((e) => e.url)).toEqual(['https://r.example/2', 'https://r.example/1']);
  });

  it('keeps at most the cap, dropping the oldest', () => {
    let h: HistoryEntry[] = [];
    for (let i = 0; i < 205; i++) h = addEntry(h, entry(i));
    expect(h).toHaveLength(200);
    expect(h[0]?.url).toBe('https://r.example/204');
    expect(h.at(-1)?.url).toBe('https://r.example/5');
  });

  it('replaces a re-check of the same page with the same outcome instead of adding a copy', () => {
    const h = addEntry([entry(1)], entry(1, { time: '2026-02-01T00:00:00.000Z', trigger: 'auto' }));
    expect(h).toEqual([entry(1, { time: '2026-02-01T00:00:00.000Z', trigger: 'auto' })]);
    expect(addEntry([entry(1)], entry(1, { spans: 4 }))).toHaveLength(2);
  });

  it('reads stored data defensively: malformed entries are dropped, counted and order restored', () => {
    const raw = storedHistory([entry(1), { url: 3 }, null, entry(3), { ...entry(2), time: 'yesterday' }, entry(2)] as HistoryEntry[]);
    const read = readHistory(raw);
    expect(read.entries.map((e) => e.title)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    expect(read.notice).toEqual({ code: 'dropped', count: 3 });
  });

  it('reads a well-formed current history without a notice', () => {
    expect(readHistory(storedHistory([entry(1), entry(2)]))).toEqual({ entries: [entry(2), entry(1)], notice: null });
    expect(readHistory(undefined)).toEqual({ entries: [], notice: null });
  });

  it('resets an unreadable history and says so', () => {
    for (const raw of ['nonsense', '{"truncated', 42, { version: 2 }, { entries: [] }, { version: 2, entries: 'x' }]) {
      expect(readHistory(raw), JSON.stringify(raw)).toEqual({ entries: [], notice: { code: 'reset' } });
    }
  });

  it('migrates the first releases’ bare array, filling in what they did not record', () => {
    const { trigger: _t, publisher: _p, ...old } = entry(1);
    const read = readHistory([old, entry(2), { junk: true }]);
    expect(read.entries).toEqual([entry(2), { ...entry(1), trigger: 'manual', publisher: null }]);
    expect(read.notice).toEqual({ code: 'migrated', from: 1, count: 2 });
    expect(readHistory([])).toEqual({ entries: [], notice: null });
  });

  it('keeps what it can read of a history from a newer version, without rewriting it', () => {
    const read = readHistory({ version: 3, entries: [entry(1), { future: true }] });
    expect(read.entries).toEqual([entry(1)]);
    expect(read.notice).toEqual({ code: 'newer', from: 3 });
  });
});
