import { type Settings, STRICTNESS, UI_LANGUAGES } from '../core/vocabulary';

/**
 * The settings as a guarded page reads them: straight from `browser.storage.local`, where the
 * settings item (lib/settings/index.ts, defined and migrated by the background) keeps them, so the
 * page's bundle carries no storage library.
 */

export const DEFAULT_SETTINGS: Settings = {
  strictness: 'balanced',
  language: 'auto',
  disabledSites: [],
  snoozedUntil: null,
  labelsOffSites: [],
  pictureChecks: true,
  pictureText: null,
};

/** The settings item's key in the local storage area. */
export const SETTINGS_STORAGE_KEY = 'settings';

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

const siteIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : [];

/**
 * Settings from the stored value, field by field: what a page may read before the background has
 * migrated an older value (a v1 or v2 value reads as its migration would write it), and what is
 * missing or malformed reads as the default.
 */
export function readStoredSettings(value: unknown): Settings {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    strictness: pick(STRICTNESS, stored.strictness, DEFAULT_SETTINGS.strictness),
    language: pick(['auto', ...UI_LANGUAGES] as const, stored.language, DEFAULT_SETTINGS.language),
    disabledSites: siteIds(stored.disabledSites),
    snoozedUntil: typeof stored.snoozedUntil === 'number' ? stored.snoozedUntil : null,
    labelsOffSites: siteIds(stored.labelsOffSites),
    pictureChecks: typeof stored.pictureChecks === 'boolean' ? stored.pictureChecks : DEFAULT_SETTINGS.pictureChecks,
    pictureText: typeof stored.pictureText === 'boolean' ? stored.pictureText : DEFAULT_SETTINGS.pictureText,
  };
}

/** What watchStoredSettings needs of `browser.storage`. */
export interface SettingsStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

/**
 * Calls `follow` with the stored settings now and after every change; unreadable storage reads as
 * the defaults. Returns the function that stops following.
 */
export function watchStoredSettings(area: SettingsStorage, follow: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) follow(readStoredSettings(change.newValue));
  };
  area.onChanged.addListener(onChanged);
  void area.local.get(SETTINGS_STORAGE_KEY).then(
    (stored) => follow(readStoredSettings(stored[SETTINGS_STORAGE_KEY])),
    () => follow(DEFAULT_SETTINGS),
  );
  return () => area.onChanged.removeListener(onChanged);
}
