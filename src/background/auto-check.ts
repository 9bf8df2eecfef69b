/**
 * Automatic checks on the sites the user allowed: one registered content script whose matches
 * are exactly the allowed sites the extension has host access to. Registration is derived from
 * settings on every background start and settings change, so it survives restarts whatever the
 * browser does with `persistAcrossSessions`, and a removed site or revoked permission unregisters.
 */
import { autoCheckPatterns, type Settings } from '../messaging/settings';

export const AUTO_SCRIPT_ID = 'unspun-auto-check';

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The slice of `browser.scripting` and `browser.permissions` this needs (fakes in tests). */
export interface AutoCheckApi {
  getRegistered(): Promise<RegisteredScript[]>;
  register(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
  hasAccess(pattern: string): Promise<boolean>;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Bring the registration in line with `settings`. Returns the patterns now registered. */
export async function syncAutoCheck(settings: Settings, api: AutoCheckApi): Promise<string[]> {
  const wanted: string[] = [];
  for (const p of autoCheckPatterns(settings)) if (await api.hasAccess(p).catch(() => false)) wanted.push(p);
  const current = (await api.getRegistered()).find((s) => s.id === AUTO_SCRIPT_ID);
  if (current && same(current.matches ?? [], wanted)) return wanted;
  if (current) await api.unregister();
  if (wanted.length) await api.register(wanted);
  return wanted;
}
