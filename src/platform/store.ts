/**
 * Settings and audit history in storage.local. Every read goes through `migrate` / `readHistory`,
 * so old or corrupt data can never crash a surface; writes are serialised within one context.
 */
import { browser } from 'wxt/browser';
import { addEntry, type HistoryEntry, type HistoryRead, readHistory, storedHistory } from '../messaging/history';
import { type Migrated, migrate, type Settings } from '../messaging/settings';

export const KEYS = { settings: 'settings', history: 'history' } as const;

/** Read settings. With `persist`, a migrated or repaired result is written back once. */
/** The stored value under `key`, or undefined when storage cannot be read. */
async function readStored(key: string): Promise<unknown> {
  try {
    return (await browser.storage.local.get(key))[key];
  } catch {
    return undefined;
  }
}

export async function loadSettings(persist = false): Promise<Migrated> {
  const result = migrate(await readStored(KEYS.settings));
  if (persist && result.notice) await saveSettings(result.settings).catch(() => undefined);
  return result;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEYS.settings]: settings });
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change((await loadSettings()).settings);
  await saveSettings(next);
  return next;
}

/** Call `fn` with the new settings whenever they change in any extension context. */
export function onSettingsChanged(fn: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEYS.settings in changes) fn(migrate(changes[KEYS.settings]?.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The audit history and what reading it had to do (migrate, drop, reset). With `persist`, a
 * migrated, repaired or reset history is written back once (not one from a newer version).
 */
export async function loadHistoryState(persist = false): Promise<HistoryRead> {
  const read = readHistory(await readStored(KEYS.history));
  if (persist && read.notice && read.notice.code !== 'newer') {
    await browser.storage.local.set({ [KEYS.history]: storedHistory(read.entries) }).catch(() => undefined);
  }
  return read;
}

export async function loadHistory(): Promise<HistoryEntry[]> {
  return (await loadHistoryState()).entries;
}

let historyWrite: Promise<unknown> = Promise.resolve();

/** Append one check. Serialised so that two checks finishing together both land. */
export function recordHistory(entry: HistoryEntry): Promise<void> {
  const next = historyWrite.then(async () => {
    const history = addEntry(await loadHistory(), entry);
    await browser.storage.local.set({ [KEYS.history]: storedHistory(history) });
  });
  historyWrite = next.catch(() => undefined);
  return next;
}

export async function clearHistory(): Promise<void> {
  await browser.storage.local.set({ [KEYS.history]: storedHistory([]) });
}

export function onHistoryChanged(fn: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEYS.history in changes) fn();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
