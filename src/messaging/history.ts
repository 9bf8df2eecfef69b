/**
 * The audit history: one entry per check, manual or automatic, newest first, capped. Pure: the
 * background stores it in storage.local and the options page shows it.
 */

export const HISTORY_CAP = 200;

export interface HistoryEntry {
  url: string;
  title: string;
  /** ISO time of the check. */
  time: string;
  verdict: 'spun' | 'clean';
  score: number;
  /** The likely original publisher, when one was identified. */
  publisher: string | null;
  spans: number;
  trigger: 'manual' | 'auto';
}

/**
 * `entry` on top of `history`. A re-check of the same page with the same outcome (a reload, a
 * single-page app re-rendering) replaces the previous entry instead of piling up copies.
 */
export function addEntry(history: readonly HistoryEntry[], entry: HistoryEntry, cap = HISTORY_CAP): HistoryEntry[] {
  const [top, ...rest] = history;
  const same = top && top.url === entry.url && top.verdict === entry.verdict && top.spans === entry.spans;
  return [entry, ...(same ? rest : history)].slice(0, cap);
}

/**
 * The stored form. Version 1 (before this one) was a bare array of entries, some without `trigger`
 * or `publisher`; version 2 wraps the entries so the schema can move on without guessing.
 */
export const HISTORY_VERSION = 2;
export interface StoredHistory {
  version: typeof HISTORY_VERSION;
  entries: HistoryEntry[];
}

/** What reading the stored history had to do, for the options page to say. */
export interface HistoryNotice {
  code: 'reset' | 'migrated' | 'dropped' | 'newer';
  /** Entries kept (migrated) or dropped (dropped). */
  count?: number;
  /** The stored schema version (migrated, newer). */
  from?: number;
}

export interface HistoryRead {
  entries: HistoryEntry[];
  notice: HistoryNotice | null;
}

export const storedHistory = (entries: readonly HistoryEntry[]): StoredHistory => ({ version: HISTORY_VERSION, entries: [...entries] });

const isEntry = (e: unknown): e is HistoryEntry => {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return (
    typeof x.url === 'string' &&
    typeof x.title === 'string' &&
    typeof x.time === 'string' &&
    !Number.isNaN(Date.parse(x.time)) &&
    (x.verdict === 'spun' || x.verdict === 'clean') &&
    typeof x.score === 'number' &&
    (x.publisher === null || typeof x.publisher === 'string') &&
    typeof x.spans === 'number' &&
    (x.trigger === 'manual' || x.trigger === 'auto')
  );
};

/** A version-1 entry: the first releases recorded no `trigger` (every check was manual) and could omit `publisher`. */
function upgradeEntry(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return e;
  const x = e as Record<string, unknown>;
  return { ...x, trigger: x.trigger ?? 'manual', publisher: x.publisher ?? null };
}

const newestFirst = (entries: HistoryEntry[], cap: number): HistoryEntry[] =>
  entries.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).slice(0, cap);

/**
 * Stored history → valid entries, newest first, capped, and what had to be done: an older schema
 * is migrated, malformed entries are dropped, anything unreadable is reset. Never throws.
 */
export function readHistory(raw: unknown, cap = HISTORY_CAP): HistoryRead {
  if (raw === undefined || raw === null) return { entries: [], notice: null };
  if (Array.isArray(raw)) {
    if (raw.length === 0) return { entries: [], notice: null };
    const entries = newestFirst(raw.map(upgradeEntry).filter(isEntry), cap);
    return { entries, notice: { code: 'migrated', from: 1, count: entries.length } };
  }
  const x = raw as Partial<Record<string, unknown>>;
  if (typeof raw !== 'object' || typeof x.version !== 'number' || !Array.isArray(x.entries)) {
    return { entries: [], notice: { code: 'reset' } };
  }
  const list = x.entries as unknown[];
  const good = list.filter(isEntry);
  const dropped = list.length - good.length;
  const entries = newestFirst(good, cap);
  if (x.version > HISTORY_VERSION) return { entries, notice: { code: 'newer', from: x.version } };
  return { entries, notice: dropped > 0 ? { code: 'dropped', count: dropped } : null };
}
