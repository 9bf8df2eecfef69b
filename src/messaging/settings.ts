/**
 * The stored settings contract shared by every surface (background, popup, options, content
 * script), with its schema version and the one way in for anything read from storage or from an
 * imported file: `migrate`. Pure: no browser APIs.
 */

export const SETTINGS_VERSION = 2 as const;

export type Sensitivity = 'strict' | 'normal' | 'sensitive';
export type HighlightStyle = 'background' | 'underline' | 'both';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  autoCheck: {
    /** Check every http(s) page automatically (needs host access to all sites). */
    allSites: boolean;
    /** Sites checked automatically, each `scheme://host` (see {@link normalizeSite}). */
    sites: string[];
  };
  sensitivity: Sensitivity;
  highlightStyle: HighlightStyle;
  theme: Theme;
}

/** Decision thresholds on the engine's verdict score: a stricter setting flags fewer pages. */
export const THRESHOLDS: Readonly<Record<Sensitivity, number>> = { strict: 0.7, normal: 0.5, sensitive: 0.35 };

export const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'normal', 'sensitive'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['background', 'underline', 'both'];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    autoCheck: { allSites: false, sites: [] },
    sensitivity: 'normal',
    highlightStyle: 'both',
    theme: 'system',
  };
}

/**
 * Why stored settings were not taken as they were: `reset` (unreadable, defaults used),
 * `migrated` (an older schema was upgraded), `repaired` (some fields were invalid and got their
 * defaults; `fields` names them), `newer` (written by a newer Unspun; unknown parts ignored).
 */
export interface SettingsNotice {
  code: 'reset' | 'migrated' | 'repaired' | 'newer';
  from?: number;
  fields?: string[];
}

export interface Migrated {
  settings: Settings;
  notice?: SettingsNotice;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Stored or imported data → valid current settings. Never throws: missing data gives the
 * defaults silently; anything else that is not exactly valid current data comes with a notice.
 *
 * Schema history: 1 was the development layout (`{ version: 1, sites, threshold, underline }`,
 * also read when `version` is absent); 2 groups automatic checks and names the sensitivity.
 */
export function migrate(raw: unknown): Migrated {
  if (raw === undefined || raw === null) return { settings: defaultSettings() };
  if (!isRecord(raw)) return { settings: defaultSettings(), notice: { code: 'reset' } };
  const version = raw.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { settings: defaultSettings(), notice: { code: 'reset' } };
  }
  const current = version === 1 ? fromV1(raw) : raw;
  const { settings, invalid } = validate(current);
  if (version === 1) return { settings, notice: { code: 'migrated', from: 1, ...(invalid.length ? { fields: invalid } : {}) } };
  if (version > SETTINGS_VERSION) return { settings, notice: { code: 'newer', from: version } };
  return invalid.length ? { settings, notice: { code: 'repaired', fields: invalid } } : { settings };
}

function fromV1(raw: Record<string, unknown>): Record<string, unknown> {
  const threshold = typeof raw.threshold === 'number' ? raw.threshold : THRESHOLDS.normal;
  const nearest = SENSITIVITIES.reduce((best, s) =>
    Math.abs(THRESHOLDS[s] - threshold) < Math.abs(THRESHOLDS[best] - threshold) ? s : best,
  );
  return {
    version: SETTINGS_VERSION,
    autoCheck: { allSites: false, sites: Array.isArray(raw.sites) ? raw.sites : [] },
    sensitivity: nearest,
    highlightStyle: raw.underline === true ? 'underline' : 'both',
    theme: 'system',
  };
}

function validate(raw: Record<string, unknown>): { settings: Settings; invalid: string[] } {
  const d = defaultSettings();
  const invalid: string[] = [];
  const pick = <T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T => {
    if (allowed.includes(value as T)) return value as T;
    invalid.push(name);
    return fallback;
  };
  const auto = isRecord(raw.autoCheck) ? raw.autoCheck : null;
  if (!auto) invalid.push('autoCheck');
  let allSites = d.autoCheck.allSites;
  if (auto && typeof auto.allSites === 'boolean') allSites = auto.allSites;
  else if (auto) invalid.push('autoCheck.allSites');
  const sites: string[] = [];
  if (auto && Array.isArray(auto.sites)) {
    for (const s of auto.sites) {
      const site = typeof s === 'string' ? normalizeSite(s) : null;
      if (site === null) invalid.push('autoCheck.sites');
      else if (!sites.includes(site)) sites.push(site);
    }
  } else if (auto) invalid.push('autoCheck.sites');
  return {
    settings: {
      version: SETTINGS_VERSION,
      autoCheck: { allSites, sites },
      sensitivity: pick('sensitivity', raw.sensitivity, SENSITIVITIES, d.sensitivity),
      highlightStyle: pick('highlightStyle', raw.highlightStyle, HIGHLIGHT_STYLES, d.highlightStyle),
      theme: pick('theme', raw.theme, THEMES, d.theme),
    },
    invalid: [...new Set(invalid)],
  };
}

/**
 * What the user typed (`example.com`, `https://example.com/a/b`, `http://127.0.0.1:8080`) → the
 * site `scheme://host`, or null. Ports and paths are dropped because match patterns cannot name
 * a port; a bare host means https.
 */
export function normalizeSite(input: string): string | null {
  const s = input.trim();
  if (s === '' || /\s/.test(s)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.hostname.includes('*') || url.username || url.password) return null;
  return `${url.protocol}//${url.hostname}`;
}

/** The match pattern that grants and injects on one site. */
export const sitePattern = (site: string): string => `${site}/*`;

/** The site of a page address, or null for anything that is not http(s). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}` : null;
  } catch {
    return null;
  }
}

export function autoCheckAllowed(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  if (site === null) return false;
  return settings.autoCheck.allSites || settings.autoCheck.sites.includes(site);
}

/** The match patterns automatic checks should be registered for. */
export function autoCheckPatterns(settings: Settings): string[] {
  return settings.autoCheck.allSites ? ['http://*/*', 'https://*/*'] : settings.autoCheck.sites.map(sitePattern);
}

/** The settings file a user exports (and may import elsewhere): the stored object plus a marker. */
export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ app: 'unspun', ...settings }, null, 2)}\n`;
}

/** An imported file's text → settings, or null when it is not an Unspun settings file. */
export function importSettings(text: string): Migrated | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || (raw.app !== 'unspun' && raw.version === undefined)) return null;
  const { app: _app, ...rest } = raw;
  return migrate(rest);
}
