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

/** Stored history → valid entries, newest first, capped. Malformed entries are dropped, never fatal. */
export function readHistory(raw: unknown, cap = HISTORY_CAP): HistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isEntry)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
    .slice(0, cap);
}
